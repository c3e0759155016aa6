using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyKit.Cli.Commands;

/// <summary><c>policykit explain PKnnnn</c>: prints the rule's documentation page (embedded from docs/rules).</summary>
internal static class ExplainCommand
{
    private const string Prefix = "PolicyKit.Cli.Docs.";

    /// <summary>Usage text.</summary>
    public const string Usage = "policykit explain <PKnnnn>";

    /// <summary>The ids of the embedded pages.</summary>
    public static IEnumerable<string> Known =>
        typeof(ExplainCommand).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^3]).Order(StringComparer.Ordinal);

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>explain</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 1)
        {
            error.WriteLine("policykit explain: expected one rule id.");
            error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var id = args[0].Trim().ToUpperInvariant();
        using var stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream(Prefix + id + ".md");
        if (stream is null)
        {
            error.WriteLine($"policykit explain: no rule '{args[0]}'; known rules: {string.Join(", ", Known)}.");
            return ExitCodes.BadInput;
        }

        using var reader = new StreamReader(stream);
        output.Write(reader.ReadToEnd());
        return ExitCodes.Success;
    }
}
