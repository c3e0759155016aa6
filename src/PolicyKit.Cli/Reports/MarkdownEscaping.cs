using System;
using System.Text;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// Puts vendor-controlled text (file names, messages, code, waiver text) into Markdown so that it stays text: no raw
/// HTML, no links or images, no escape from a table cell or a code span (SECURITY.md, "Report injection").
/// </summary>
internal static class MarkdownEscaping
{
    /// <summary>Text for a table cell or a paragraph: one line, pipes, brackets, backticks, backslashes and angle brackets escaped.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Markdown that renders as <paramref name="text"/> on one line.</returns>
    public static string Inline(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n': result.Append(' '); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                // A backslash first, so that the escapes below cannot be undone by the text itself.
                case '\\' or '|' or '[' or ']' or '`': result.Append('\\').Append(c); break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }

    /// <summary>A code span holding <paramref name="text"/> literally, whatever backticks it contains (CommonMark 6.1).</summary>
    /// <param name="text">The text (a path, a glob).</param>
    /// <returns>The span, delimited by one more backtick than the longest run inside.</returns>
    public static string Code(string text)
    {
        var line = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        // With backticks inside, pad with spaces: CommonMark strips one from each side, and a backtick at either end
        // could otherwise join the fence.
        var pad = longest > 0 ? " " : string.Empty;
        return fence + pad + line + pad + fence;
    }
}
