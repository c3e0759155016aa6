using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PolicyKit.Bench;

/// <summary>The outcome of a run: scores per tool, measurements per target and the gate's verdict.</summary>
/// <param name="Scores">Per tool name, per category: the ASP.NET Core corpus (tests/Corpus).</param>
/// <param name="Measurements">Per target (corpus, legacy, generated), every build.</param>
/// <param name="Regressions">Gate failures (smoke mode only), legacy ones prefixed "legacy".</param>
/// <param name="ReportPath">The Markdown results file.</param>
public sealed record BenchResult(
    IReadOnlyDictionary<string, IReadOnlyList<CategoryScore>> Scores,
    IReadOnlyDictionary<string, IReadOnlyList<BuildMeasurement>> Measurements,
    IReadOnlyList<string> Regressions,
    string ReportPath)
{
    /// <summary>Per tool name, per category: the legacy corpus (tests/LegacyCorpus, .NET Framework / System.Web).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CategoryScore>> LegacyScores { get; init; } =
        new Dictionary<string, IReadOnlyList<CategoryScore>>(StringComparer.Ordinal);
}

/// <summary>
/// Builds the corpus, the legacy corpus (and the generated code base) once per tool and reports accuracy, speed and
/// memory.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs the benchmark; progress goes to <paramref name="log"/>.</summary>
    public static async Task<BenchResult> RunAsync(BenchOptions options, TextWriter log)
    {
        var corpusSource = Path.Combine(options.RepositoryRoot, "tests", "Corpus");
        var labels = CorpusLabels.Read(corpusSource);
        var cases = CorpusLabels.Cases(labels);
        var legacySource = Path.Combine(options.RepositoryRoot, "tests", "LegacyCorpus");
        var legacyCases = CorpusLabels.Cases(CorpusLabels.Read(legacySource));
        var legacyCategories = Tools.AllCategories.Where(c => legacyCases.Any(l => l.Category == c)).ToList();
        Directory.CreateDirectory(options.OutputDirectory);
        var logDir = Path.Combine(options.OutputDirectory, "logs");
        var work = Path.Combine(Path.GetTempPath(), "policykit-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        try
        {
            var builds = new Builds(work, logDir);
            string? policyKit = null;
            if (options.Tools.Contains("policykit"))
            {
                log.WriteLine("Building PolicyKit's analyzers (Release)...");
                policyKit = await BuildPolicyKitAsync(builds, options.RepositoryRoot, work);
            }

            var corpus = Path.Combine(work, "Corpus");
            CopyDirectory(corpusSource, corpus);
            var corpusProject = Path.Combine(corpus, "Corpus.csproj");
            log.WriteLine("Restoring the corpus...");
            await builds.RunAsync("restore-corpus", corpus, "restore", corpusProject);

            // The legacy corpus (net48 against the .NET Framework reference assemblies) is a second target built by every
            // tool in the same run; its restore also happens once.
            var legacy = Path.Combine(work, "LegacyCorpus");
            CopyDirectory(legacySource, legacy);
            var legacyProject = Path.Combine(legacy, "LegacyCorpus.csproj");
            log.WriteLine("Restoring the legacy corpus...");
            await builds.RunAsync("restore-legacy", legacy, "restore", legacyProject);

            var targets = new List<(string Name, string Project, int Lines)>
            {
                ("corpus", corpusProject, CountLines(corpus)),
                ("legacy", legacyProject, CountLines(legacy)),
            };
            if (options.GeneratedLines > 0)
            {
                var generatedDir = Path.Combine(work, "Generated");
                log.WriteLine($"Generating a code base of {options.GeneratedLines:N0} lines (seed {options.Seed})...");
                var lines = new CodebaseGenerator(options.Seed).Write(generatedDir, options.GeneratedLines, corpus);
                var generatedProject = Path.Combine(generatedDir, "Generated.csproj");
                await builds.RunAsync("restore-generated", generatedDir, "restore", generatedProject);
                targets.Add(("generated", generatedProject, lines));
            }

            // "none" is the RunAnalyzers=false baseline; the tools follow in a fixed order within each repetition.
            var order = new List<string>();
            if (!options.Smoke)
            {
                order.Add("none");
            }

            order.AddRange(options.Tools);
            var measurements = new Dictionary<string, IReadOnlyList<BuildMeasurement>>(StringComparer.Ordinal);
            foreach (var target in targets)
            {
                var list = new List<BuildMeasurement>();
                for (var repetition = 0; repetition < options.Repeat; repetition++)
                {
                    foreach (var tool in order)
                    {
                        log.WriteLine($"[{target.Name}] rep {repetition + 1}/{options.Repeat}: {tool}");
                        list.Add(await builds.BuildAsync(target.Name, target.Project, tool, repetition, tool == "policykit" ? policyKit : null));
                    }
                }

                measurements[target.Name] = list;
            }

            var scores = new Dictionary<string, IReadOnlyList<CategoryScore>>(StringComparer.Ordinal);
            var legacyScores = new Dictionary<string, IReadOnlyList<CategoryScore>>(StringComparer.Ordinal);
            foreach (var toolName in options.Tools)
            {
                var sarif = measurements["corpus"].First(m => m.Tool == toolName).SarifPath;
                var findings = Sarif.Read(sarif, corpus);
                scores[toolName] = Scoring.Score(Tools.ByName[toolName], cases, findings);
                var legacySarif = measurements["legacy"].First(m => m.Tool == toolName).SarifPath;
                legacyScores[toolName] = Scoring.Score(Tools.ByName[toolName], legacyCases, Sarif.Read(legacySarif, legacy), legacyCategories);
            }

            var regressions = new List<string>();
            if (options.Smoke && scores.TryGetValue("policykit", out var pk))
            {
                var baseline = Baseline.Read(options.BaselinePath);
                regressions.AddRange(baseline.Regressions(pk));
                if (baseline.Legacy is { } legacyBaseline)
                {
                    regressions.AddRange(legacyBaseline.Regressions(legacyScores["policykit"]).Select(r => "legacy " + r));
                }
            }

            var markdown = Report.Render(options, cases, scores, measurements, targets.ToDictionary(t => t.Name, t => t.Lines), builds.MeasuresCompiler, regressions)
                + Report.RenderLegacy(legacyCases, legacyCategories, legacyScores, targets.First(t => t.Name == "legacy").Lines);

            // Issue 8: review-tool throughput in the same run (not in smoke mode: it measures, it does not gate).
            if (!options.Smoke && policyKit is not null)
            {
                var reviewed = await ReviewThroughput.MeasureAsync(builds, options.RepositoryRoot, work,
                    targets.Select(t => (t.Name, Path.GetDirectoryName(t.Project)!)), log);
                markdown += ReviewThroughput.Render(reviewed);
            }
            var reportPath = Path.Combine(options.OutputDirectory, options.Smoke ? "smoke.md" : "results.md");
            await File.WriteAllTextAsync(reportPath, markdown);
            log.Write(markdown);
            return new BenchResult(scores, measurements, regressions, reportPath) { LegacyScores = legacyScores };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> BuildPolicyKitAsync(Builds builds, string repositoryRoot, string work)
    {
        var project = Path.Combine(repositoryRoot, "analyzers", "PolicyKit.CodeFixes", "PolicyKit.CodeFixes.csproj");
        var output = Path.Combine(work, "policykit-analyzers");
        await builds.RunAsync("build-policykit", repositoryRoot, "build", project, "-c", "Release", "-o", output, "-p:UseSharedCompilation=false", "-nodeReuse:false");
        var dlls = Directory.EnumerateFiles(output, "PolicyKit*.dll").Order(StringComparer.Ordinal).ToList();
        if (!dlls.Any(d => Path.GetFileName(d) == "PolicyKit.Analyzers.dll"))
        {
            throw new BuildFailedException($"PolicyKit.Analyzers.dll not found in {output}");
        }

        return string.Join(';', dlls);
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // C# lines, plus the Web*.config files of the legacy corpus (they are analysed too).
    private static int CountLines(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith("Web", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Sum(f => File.ReadLines(f).Count());
}
