using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PolicyKit.Cli.Reports;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Commands;

/// <summary><c>policykit spec</c>: the active policy as a セキュリティ仕様 appendix (Markdown and HTML, Japanese or English).</summary>
internal static class SpecCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        policykit spec [folder] [options]
          --policy FILE        policykit.json to render (default: policykit.json in the folder, else --profile)
          --profile NAMES      profiles to compose when there is no policy file
          --out DIR            output folder (default: ./policykit-report)
          --format LIST        md,html (default: both): policykit-spec.md, policykit-spec.html
          --lang ja|en         language (default: ja)
        The spec carries the policy hash that 'policykit review' reports quote.
        """;

    private static readonly string[] Valued = ["--policy", "--profile", "--out", "--format", "--lang"];

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>spec</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var reader = ArgumentReader.Parse(args, Valued, [], out var problem);
        var lang = reader?.Value("--lang") ?? "ja";
        if (reader is null || reader.Positional.Count > 1 || lang is not ("ja" or "en"))
        {
            error.WriteLine("policykit spec: " + (problem ?? "expected at most one folder and --lang ja or en."));
            error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var formats = reader.Values("--format");
        var markdown = formats.Count == 0 || formats.Contains("md") || formats.Contains("markdown");
        var html = formats.Count == 0 || formats.Contains("html");
        try
        {
            var root = Path.GetFullPath(reader.Positional.Count == 1 ? reader.Positional[0] : ".");
            var policy = PolicyInput.Resolve(reader.Value("--policy"), reader.Values("--profile"), Directory.Exists(root) ? root : Path.GetDirectoryName(root)!);
            var spec = SecuritySpec.Build(policy, ControlCatalog.Embedded, lang == "ja");
            var directory = Path.GetFullPath(reader.Value("--out") ?? "policykit-report");
            Directory.CreateDirectory(directory);
            if (markdown)
            {
                Write(Path.Combine(directory, "policykit-spec.md"), w => spec.WriteMarkdown(lang, w), output);
            }

            if (html)
            {
                Write(Path.Combine(directory, "policykit-spec.html"), w => spec.WriteHtml(lang, w), output);
            }

            output.WriteLine("policy hash: " + policy.Load.Hash);
            return ExitCodes.Success;
        }
        catch (ReviewInputException e)
        {
            error.WriteLine("policykit spec: " + e.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Writes a UTF-8 file with LF line ends and reports its path.</summary>
    /// <param name="path">The file.</param>
    /// <param name="render">Writes the content.</param>
    /// <param name="output">Where the path is reported.</param>
    internal static void Write(string path, Action<TextWriter> render, TextWriter output)
    {
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            render(writer);
        }

        output.WriteLine("written: " + path);
    }
}
