using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Bench;

/// <summary>Renders a run as Markdown tables.</summary>
public static partial class Report
{
    /// <summary>The whole report.</summary>
    public static string Render(
        BenchOptions options,
        IReadOnlyList<LabelledCase> cases,
        IReadOnlyDictionary<string, IReadOnlyList<CategoryScore>> scores,
        IReadOnlyDictionary<string, IReadOnlyList<BuildMeasurement>> measurements,
        IReadOnlyDictionary<string, int> targetLines,
        bool measuresCompiler,
        IReadOnlyList<string> regressions)
    {
        var sb = new StringBuilder();
        var mode = options.Smoke ? "smoke (corpus, PolicyKit only, 1 repetition)" : $"full ({options.Repeat} repetitions, median)";
        sb.AppendLine(Inv($"# PolicyKit benchmark: {mode}"));
        sb.AppendLine();
        sb.AppendLine(Inv($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}. Corpus: {cases.Count(c => c.Vulnerable)} vulnerable and {cases.Count(c => !c.Vulnerable)} safe cases, {targetLines.GetValueOrDefault("corpus"):N0} lines."));
        if (targetLines.TryGetValue("generated", out var generated))
        {
            sb.AppendLine(Inv($"Generated code base: {generated:N0} lines (seed {options.Seed})."));
        }

        sb.AppendLine();
        Accuracy(sb, cases, scores);
        foreach (var (target, list) in measurements)
        {
            if (!options.Smoke)
            {
                Speed(sb, target, list, targetLines.GetValueOrDefault(target), measuresCompiler);
            }

            PolicyKitRules(sb, target, list);
        }

        if (regressions.Count > 0)
        {
            sb.AppendLine("## Gate: PolicyKit fell below bench/baseline.json");
            sb.AppendLine();
            foreach (var regression in regressions)
            {
                sb.AppendLine("- " + regression);
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static void Accuracy(StringBuilder sb, IReadOnlyList<LabelledCase> cases, IReadOnlyDictionary<string, IReadOnlyList<CategoryScore>> scores)
    {
        var tools = scores.Keys.ToList();
        sb.AppendLine("## Accuracy on the labelled corpus");
        sb.AppendLine();
        sb.AppendLine("Recall / precision / F1 per category (`—`: the tool reported no labelled case of the category).");
        sb.AppendLine();
        sb.AppendLine("| Category | Vuln | Safe | " + string.Join(" | ", tools.Select(t => Tools.ByName[t].Display)) + " |");
        sb.AppendLine("|---|---:|---:|" + string.Concat(tools.Select(_ => "---|")));
        foreach (var category in Tools.Categories)
        {
            var vulnerable = cases.Count(c => c.Category == category && c.Vulnerable);
            var safe = cases.Count(c => c.Category == category && !c.Vulnerable);
            var cells = tools.Select(t => Cell(scores[t].First(s => s.Category == category)));
            sb.AppendLine(Inv($"| {category} {Tools.CategoryTitles[category]} | {vulnerable} | {safe} | {string.Join(" | ", cells)} |"));
        }

        var totals = tools.Select(t =>
        {
            var all = scores[t];
            var total = new CategoryScore("all", all.Sum(s => s.Vulnerable), all.Sum(s => s.Safe), all.Sum(s => s.TruePositives), all.Sum(s => s.FalsePositives), all.Sum(s => s.OffLabel));
            return Cell(total);
        });
        sb.AppendLine(Inv($"| **All categories (micro)** | {cases.Count(c => c.Vulnerable)} | {cases.Count(c => !c.Vulnerable)} | {string.Join(" | ", totals)} |"));
        sb.AppendLine();
        foreach (var tool in tools)
        {
            sb.AppendLine(Inv($"### {Tools.ByName[tool].Display}"));
            sb.AppendLine();
            sb.AppendLine("| Category | TP | FN | FP | TN | Recall | Precision | F1 | Off-label findings |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in scores[tool])
            {
                sb.AppendLine(Inv($"| {s.Category} | {s.TruePositives} | {s.FalseNegatives} | {s.FalsePositives} | {s.Safe - s.FalsePositives} | {Num(s.Recall)} | {Num(s.Precision)} | {s.F1:0.00} | {s.OffLabel} |"));
            }

            sb.AppendLine();
        }
    }

    /// <summary>
    /// The legacy corpus's accuracy: its own section ("Legacy (.NET Framework / System.Web)"), so that the ASP.NET Core
    /// table above stays comparable with earlier runs.
    /// </summary>
    public static string RenderLegacy(
        IReadOnlyList<LabelledCase> cases,
        IReadOnlyList<string> categories,
        IReadOnlyDictionary<string, IReadOnlyList<CategoryScore>> scores,
        int lines)
    {
        var sb = new StringBuilder();
        var tools = scores.Keys.ToList();
        sb.AppendLine("## Legacy (.NET Framework / System.Web)");
        sb.AppendLine();
        sb.AppendLine(Inv($"tests/LegacyCorpus (net48; MVC 5, Web API 2, WebForms, .ashx, ADO.NET, EF6, Web.config and transforms): {cases.Count(c => c.Vulnerable)} vulnerable and {cases.Count(c => !c.Vulnerable)} safe cases, {lines:N0} lines (C# and Web*.config). MVC 5 / Web API 2 / EF6 are API-shaped shims (tests/LegacyCorpus/README.md). Recall / precision / F1 per category."));
        sb.AppendLine();
        sb.AppendLine("| Category | Vuln | Safe | " + string.Join(" | ", tools.Select(t => Tools.ByName[t].Display)) + " |");
        sb.AppendLine("|---|---:|---:|" + string.Concat(tools.Select(_ => "---|")));
        foreach (var category in categories)
        {
            var vulnerable = cases.Count(c => c.Category == category && c.Vulnerable);
            var safe = cases.Count(c => c.Category == category && !c.Vulnerable);
            var cells = tools.Select(t => Cell(scores[t].First(s => s.Category == category)));
            sb.AppendLine(Inv($"| {category} {Tools.CategoryTitles[category]} | {vulnerable} | {safe} | {string.Join(" | ", cells)} |"));
        }

        foreach (var (title, subset) in new[] { ("C# categories (micro)", categories.Where(c => !Tools.ConfigCategories.Contains(c)).ToList()), ("Web.config categories (micro)", categories.Where(c => Tools.ConfigCategories.Contains(c)).ToList()), ("All legacy categories (micro)", categories.ToList()) })
        {
            var totals = tools.Select(t => Cell(Total(scores[t].Where(s => subset.Contains(s.Category)))));
            sb.AppendLine(Inv($"| **{title}** | {cases.Count(c => c.Vulnerable && subset.Contains(c.Category))} | {cases.Count(c => !c.Vulnerable && subset.Contains(c.Category))} | {string.Join(" | ", totals)} |"));
        }

        sb.AppendLine();
        foreach (var tool in tools)
        {
            sb.AppendLine(Inv($"### Legacy: {Tools.ByName[tool].Display}"));
            sb.AppendLine();
            sb.AppendLine("| Category | TP | FN | FP | TN | Recall | Precision | F1 | Off-label findings |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in scores[tool])
            {
                sb.AppendLine(Inv($"| {s.Category} | {s.TruePositives} | {s.FalseNegatives} | {s.FalsePositives} | {s.Safe - s.FalsePositives} | {Num(s.Recall)} | {Num(s.Precision)} | {s.F1:0.00} | {s.OffLabel} |"));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static CategoryScore Total(IEnumerable<CategoryScore> scores)
    {
        var all = scores.ToList();
        return new CategoryScore("all", all.Sum(s => s.Vulnerable), all.Sum(s => s.Safe), all.Sum(s => s.TruePositives), all.Sum(s => s.FalsePositives), all.Sum(s => s.OffLabel));
    }

    private static void Speed(StringBuilder sb, string target, IReadOnlyList<BuildMeasurement> list, int lines, bool measuresCompiler)
    {
        sb.AppendLine(Inv($"## Speed and memory: {target} ({lines:N0} lines)"));
        sb.AppendLine();
        sb.AppendLine("Medians over the repetitions. *Build*: wall time of `dotnet build --no-restore --no-incremental`. *csc*: the compiler process alone (run under `/usr/bin/time`, out of the build server). Ratios are against the `none` build (`RunAnalyzers=false`). *Tool analyzer time*: the tool's own assemblies in the compiler's ReportAnalyzer output (summed over threads). *Peak RSS*: maximum resident set of the compiler process.");
        sb.AppendLine();
        sb.AppendLine("| Tool | Build s | Build ratio | csc s | csc ratio | csc CPU s | Overhead ms/kLOC | Tool analyzer s | Peak RSS MB |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseline = list.Where(m => m.Tool == "none").ToList();
        var baseBuild = Median(baseline.Select(m => (double?)m.BuildSeconds));
        var baseCsc = Median(baseline.Select(m => m.CompilerSeconds));
        foreach (var group in list.GroupBy(m => m.Tool))
        {
            var build = Median(group.Select(m => (double?)m.BuildSeconds));
            var csc = Median(group.Select(m => m.CompilerSeconds));
            var cpu = Median(group.Select(m => m.CompilerCpuSeconds));
            var rss = Median(group.Select(m => m.CompilerPeakMegabytes));
            var name = group.Key == "none" ? "none (RunAnalyzers=false)" : Tools.ByName[group.Key].Display;
            double? own = group.Key == "none" ? null : Median(group.Select(m => (double?)ToolSeconds(m, Tools.ByName[group.Key])));
            double? overhead = csc is { } c && baseCsc is { } b && lines > 0 ? (c - b) * 1000 / (lines / 1000.0) : null;
            sb.AppendLine(Inv($"| {name} | {Num(build, "0.0")} | {Ratio(build, baseBuild)} | {Num(csc, "0.0")} | {Ratio(csc, baseCsc)} | {Num(cpu, "0.0")} | {Num(overhead, "0.0")} | {Num(own, "0.00")} | {Num(rss, "0")} |"));
        }

        if (!measuresCompiler)
        {
            sb.AppendLine();
            sb.AppendLine("The compiler columns are empty: /usr/bin/time or the SDK's csc.dll was not found.");
        }

        sb.AppendLine();
    }

    private static void PolicyKitRules(StringBuilder sb, string target, IReadOnlyList<BuildMeasurement> list)
    {
        var runs = list.Where(m => m.Tool == "policykit").ToList();
        if (runs.Count == 0)
        {
            return;
        }

        var perRule = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var (type, seconds) in run.AnalyzerTypeSeconds)
            {
                var match = RuleId().Match(type);
                if (!type.StartsWith("PolicyKit.", StringComparison.Ordinal) || !match.Success)
                {
                    continue;
                }

                if (!perRule.TryGetValue(match.Value, out var values))
                {
                    perRule[match.Value] = values = new List<double>();
                }

                values.Add(seconds);
            }
        }

        sb.AppendLine(Inv($"## PolicyKit analyzer time per rule: {target}"));
        sb.AppendLine();
        if (perRule.Count == 0)
        {
            sb.AppendLine("No PolicyKit analyzer appeared in the ReportAnalyzer output (no rules in this build).");
            sb.AppendLine();
            return;
        }

        var medians = perRule.ToDictionary(kv => kv.Key, kv => Median(kv.Value.Select(v => (double?)v)) ?? 0);
        var total = medians.Values.Sum();
        sb.AppendLine("| Rule | Analyzer s (median) | Share of PolicyKit time |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var (rule, seconds) in medians.OrderByDescending(kv => kv.Value))
        {
            sb.AppendLine(Inv($"| {rule} | {seconds:0.000} | {(total > 0 ? seconds / total : 0):P1} |"));
        }

        sb.AppendLine();
    }

    /// <summary>Seconds spent in the tool's own analyzer assemblies.</summary>
    public static double ToolSeconds(BuildMeasurement measurement, Tool tool) =>
        measurement.AnalyzerSeconds.Where(kv => tool.AnalyzerAssemblies.Contains(kv.Key, StringComparer.Ordinal)).Sum(kv => kv.Value);

    [GeneratedRegex(@"PK\d{4}")]
    private static partial Regex RuleId();

    private static string Cell(CategoryScore s) =>
        s.Recall is null ? "n/a" : Inv($"{Num(s.Recall)} / {Num(s.Precision)} / {s.F1:0.00}");

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ratio(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? Inv($"{v / b:0.00}×") : "—";

    private static string Num(double? value, string format = "0.00") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
