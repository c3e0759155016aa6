using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyKit.Bench;

/// <summary>One marker in the corpus: a line that a tool should (vulnerable) or should not (safe) report.</summary>
/// <param name="File">Path relative to the corpus root, with forward slashes.</param>
/// <param name="Line">1-based line of the marker.</param>
/// <param name="StartLine">First line a finding may start on to match this label.</param>
/// <param name="EndLine">Last line a finding may start on to match this label.</param>
/// <param name="Category">The PolicyKit rule id the label is about.</param>
/// <param name="Vulnerable">True for <c>vuln:</c>, false for <c>safe:</c>.</param>
/// <param name="CaseId">Labels with the same case id are one case (a value defined in one place and used in another).</param>
/// <param name="Note">Free text after the markers.</param>
public sealed record Label(string File, int Line, int StartLine, int EndLine, string Category, bool Vulnerable, string CaseId, string Note);

/// <summary>A labelled case: one or more label locations, scored once.</summary>
/// <param name="Id">Unique id of the case.</param>
/// <param name="Category">The PolicyKit rule id.</param>
/// <param name="Vulnerable">Whether a tool should report it.</param>
/// <param name="Locations">Where a matching finding may be.</param>
public sealed record LabelledCase(string Id, string Category, bool Vulnerable, IReadOnlyList<Label> Locations);

/// <summary>Reads the <c>// vuln:PKnnnn</c> and <c>// safe:PKnnnn</c> markers of the corpus.</summary>
public static partial class CorpusLabels
{
    [GeneratedRegex(@"//\s*((?:(?:vuln|safe):PK\d{4}(?:#[\w-]+)?\s*)+)(.*)$")]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"(vuln|safe):(PK\d{4})(?:#([\w-]+))?")]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*((?:(?:vuln|safe):PK\d{4}(?:#[\w-]+)?\s*)+)(.*?)-->")]
    private static partial Regex XmlMarkerComment();

    /// <summary>
    /// Reads every marker under <paramref name="corpusRoot"/> (bin and obj excluded): C# files, then the
    /// <c>Web*.config</c>/<c>App*.config</c> files (XML comments, see <see cref="ReadConfigFile"/>).
    /// </summary>
    public static IReadOnlyList<Label> Read(string corpusRoot)
    {
        var labels = new List<Label>();
        foreach (var path in Directory.EnumerateFiles(corpusRoot, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(corpusRoot, path).Replace('\\', '/');
            if (!IsBuildOutput(relative))
            {
                labels.AddRange(ReadFile(relative, File.ReadAllText(path)));
            }
        }

        foreach (var path in Directory.EnumerateFiles(corpusRoot, "*.config", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(corpusRoot, path).Replace('\\', '/');
            var name = Path.GetFileName(path);
            if (!IsBuildOutput(relative)
                && (name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("app.", StringComparison.OrdinalIgnoreCase)))
            {
                labels.AddRange(ReadConfigFile(relative, File.ReadAllText(path)));
            }
        }

        return labels;
    }

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);

    /// <summary>
    /// Reads the markers of a Web.config/App.config file: an XML comment <c>&lt;!-- vuln:PK6001 note --&gt;</c> right after
    /// the element's start tag, on the line that closes it (an XML comment cannot sit inside a tag). The range runs from
    /// the line where the element starts to the marker's line, so a finding on the element (its start line) or on any
    /// of its attributes matches, also when the attributes wrap.
    /// </summary>
    public static IEnumerable<Label> ReadConfigFile(string relativePath, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var comment = XmlMarkerComment().Match(lines[i]);
            if (!comment.Success)
            {
                continue;
            }

            var lineNumber = i + 1;
            var start = ElementStartLine(lines, i, comment.Index) + 1;
            var note = comment.Groups[2].Value.Trim();
            foreach (Match marker in Marker().Matches(comment.Groups[1].Value))
            {
                var category = marker.Groups[2].Value;
                var caseId = marker.Groups[3].Success
                    ? category + "#" + marker.Groups[3].Value
                    : $"{relativePath}:{lineNumber}:{category}";
                yield return new Label(relativePath, lineNumber, Math.Min(start, lineNumber), lineNumber, category, marker.Groups[1].Value == "vuln", caseId, note);
            }
        }
    }

    // The 0-based line of the nearest start tag ('<' followed by a name) before the marker; attribute values cannot hold
    // a raw '<', so nothing between that tag and the marker starts another element.
    private static int ElementStartLine(string[] lines, int markerLine, int markerColumn)
    {
        for (var line = markerLine; line >= 0; line--)
        {
            var text = lines[line];
            for (var column = (line == markerLine ? markerColumn : text.Length) - 1; column >= 0; column--)
            {
                if (text[column] == '<' && column + 1 < text.Length && char.IsLetter(text[column + 1]))
                {
                    return line;
                }
            }
        }

        return markerLine;
    }

    /// <summary>Reads the markers of one source file.</summary>
    public static IEnumerable<Label> ReadFile(string relativePath, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var source = tree.GetText();
        foreach (var line in source.Lines)
        {
            var content = line.ToString();
            var comment = MarkerComment().Match(content);
            if (!comment.Success)
            {
                continue;
            }

            var lineNumber = line.LineNumber + 1;
            var (start, end) = RangeOf(tree, source, line.LineNumber);
            var note = comment.Groups[2].Value.Trim();
            foreach (Match marker in Marker().Matches(comment.Groups[1].Value))
            {
                var category = marker.Groups[2].Value;
                var vulnerable = marker.Groups[1].Value == "vuln";
                var caseId = marker.Groups[3].Success
                    ? category + "#" + marker.Groups[3].Value
                    : $"{relativePath}:{lineNumber}:{category}";
                yield return new Label(relativePath, lineNumber, start + 1, end + 1, category, vulnerable, caseId, note);
            }
        }
    }

    /// <summary>Groups labels into cases; throws when a case mixes vulnerable and safe labels.</summary>
    public static IReadOnlyList<LabelledCase> Cases(IEnumerable<Label> labels)
    {
        var cases = new List<LabelledCase>();
        foreach (var group in labels.GroupBy(l => l.CaseId, StringComparer.Ordinal))
        {
            var first = group.First();
            if (group.Any(l => l.Vulnerable != first.Vulnerable))
            {
                throw new InvalidDataException($"Case {group.Key} mixes vuln: and safe: markers.");
            }

            cases.Add(new LabelledCase(group.Key, first.Category, first.Vulnerable, group.ToList()));
        }

        return cases;
    }

    /// <summary>
    /// The lines a finding may start on to match a marker on <paramref name="line"/> (0-based): the innermost
    /// object-initializer element, statement (up to its first block), catch clause header, expression body,
    /// or member declaration header (attributes included) that holds the first token of the line.
    /// </summary>
    private static (int Start, int End) RangeOf(SyntaxTree tree, Microsoft.CodeAnalysis.Text.SourceText text, int line)
    {
        var root = tree.GetRoot();
        var textLine = text.Lines[line];
        var offset = textLine.Start;
        while (offset < textLine.End && char.IsWhiteSpace(text[offset]))
        {
            offset++;
        }

        var token = root.FindToken(offset);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax or ExpressionSyntax when node.Parent is InitializerExpressionSyntax:
                    return Lines(text, node.Span);
                case CatchClauseSyntax catchClause:
                    return (LineOf(text, catchClause.SpanStart), LineOf(text, catchClause.Block.SpanStart));
                case ArrowExpressionClauseSyntax arrow:
                    return Lines(text, arrow.Span);
                case BlockSyntax:
                    continue;
                case StatementSyntax statement:
                    return StatementRange(text, statement);
                case BaseTypeDeclarationSyntax type:
                    return (LineOf(text, type.SpanStart), LineOf(text, type.Identifier.SpanStart));
                case BaseMethodDeclarationSyntax method:
                    return (LineOf(text, method.SpanStart), LineOf(text, method.ParameterList.Span.End));
                case MemberDeclarationSyntax member:
                    return Lines(text, member.Span);
            }
        }

        return (line, line);
    }

    private static (int Start, int End) StatementRange(Microsoft.CodeAnalysis.Text.SourceText text, StatementSyntax statement)
    {
        var start = LineOf(text, statement.SpanStart);
        var end = LineOf(text, statement.Span.End);
        foreach (var child in statement.ChildNodes())
        {
            if (child is BlockSyntax or StatementSyntax)
            {
                end = Math.Min(end, LineOf(text, child.SpanStart));
                break;
            }
        }

        return (start, Math.Max(start, end));
    }

    private static (int Start, int End) Lines(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        (LineOf(text, span.Start), LineOf(text, span.End));

    private static int LineOf(Microsoft.CodeAnalysis.Text.SourceText text, int position) => text.Lines.GetLineFromPosition(position).LineNumber;
}
