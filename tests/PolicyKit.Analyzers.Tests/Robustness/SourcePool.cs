using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>
/// Realistic code to mutate: every raw-string test source of the rule tests (markup removed) and the C# of the
/// samples, read from the repository so that new tests and samples widen the fuzzing by themselves.
/// </summary>
internal static class SourcePool
{
    private static readonly Regex RawString = new("\"\"\"\\s*\\n(?<body>.*?)\\n\\s*\"\"\"", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex Markup = new(@"\[\||\|\]|\{\|(#\d+|PK\d{4}):|\|\}", RegexOptions.Compiled);

    public static IReadOnlyList<string> All { get; } = Load();

    private static IReadOnlyList<string> Load()
    {
        var root = AllAnalyzers.RepositoryRoot;
        var sources = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "PolicyKit.Analyzers.Tests", "Rules"), "*.cs").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            foreach (Match match in RawString.Matches(File.ReadAllText(file)))
            {
                var body = Markup.Replace(match.Groups["body"].Value, string.Empty);
                if (body.Contains("class ") || body.Contains("app.Map"))
                {
                    sources.Add(body);
                }
            }
        }

        var samples = Path.Combine(root, "samples");
        if (Directory.Exists(samples))
        {
            sources.AddRange(Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(File.ReadAllText));
        }

        return sources;
    }
}
