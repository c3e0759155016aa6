using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace PolicyKit.Bench;

/// <summary>One <c>policykit review</c> of a benchmark target: what it read, how long it took, how much memory it held.</summary>
/// <param name="Target">corpus, legacy or generated.</param>
/// <param name="Files">Source files the review parsed.</param>
/// <param name="Lines">Their lines.</param>
/// <param name="Seconds">Wall time of the whole command (start-up, compilation, analyzers, reports).</param>
/// <param name="PeakMegabytes">Peak working set of the review process.</param>
public sealed record ReviewMeasurement(string Target, int Files, int Lines, double Seconds, double PeakMegabytes)
{
    /// <summary>Lines per second of wall time.</summary>
    public double LinesPerSecond => Lines / Math.Max(Seconds, 0.001);
}

/// <summary>
/// Measures review-tool throughput in the same run as the builds: the CLI is built once (Release) and reviews each
/// target folder with <c>--offline --stats</c> (the packages are in the global folder from the restores above), so
/// the figure is the tool a reviewer runs, reading source it never builds.
/// </summary>
public static partial class ReviewThroughput
{
    /// <summary>Builds the CLI into <paramref name="work"/> and reviews each target once.</summary>
    public static async Task<IReadOnlyList<ReviewMeasurement>> MeasureAsync(Builds builds, string repositoryRoot, string work, IEnumerable<(string Name, string Directory)> targets, TextWriter log)
    {
        var project = Path.Combine(repositoryRoot, "src", "PolicyKit.Cli", "PolicyKit.Cli.csproj");
        var output = Path.Combine(work, "policykit-cli");
        log.WriteLine("Building the policykit CLI (Release)...");
        await builds.RunAsync("build-cli", repositoryRoot, "build", project, "-c", "Release", "-o", output, "-p:UseSharedCompilation=false", "-nodeReuse:false");
        var cli = Directory.EnumerateFiles(output, "PolicyKit.Cli.dll").FirstOrDefault()
            ?? Directory.EnumerateFiles(output, "policykit.dll").FirstOrDefault()
            ?? throw new BuildFailedException($"the policykit CLI assembly was not found in {output}");
        var results = new List<ReviewMeasurement>();
        foreach (var (name, directory) in targets)
        {
            log.WriteLine($"[review] {name}");
            var reportDir = Path.Combine(work, "review-" + name);
            var text = await builds.RunAsync("review-" + name, directory, "exec", cli, "review", directory, "--offline", "--stats",
                "--fail-on", "none", "--format", "sarif,md,html", "--out", reportDir);
            results.Add(Parse(name, text));
        }

        return results;
    }

    /// <summary>Reads the two <c>stats:</c> lines the CLI prints.</summary>
    public static ReviewMeasurement Parse(string target, string output)
    {
        var counts = CountsLine().Match(output);
        var memory = MemoryLine().Match(output);
        if (!counts.Success || !memory.Success)
        {
            throw new BuildFailedException($"policykit review of {target} printed no statistics");
        }

        return new ReviewMeasurement(
            target,
            int.Parse(counts.Groups["files"].Value, CultureInfo.InvariantCulture),
            int.Parse(counts.Groups["lines"].Value, CultureInfo.InvariantCulture),
            double.Parse(counts.Groups["total"].Value, CultureInfo.InvariantCulture),
            double.Parse(memory.Groups["mb"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The Markdown table of the measurements.</summary>
    public static string Render(IReadOnlyList<ReviewMeasurement> measurements)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("## Review tool throughput (`policykit review --offline`)");
        text.AppendLine();
        text.AppendLine("| Target | Files | Lines | Wall s | Lines/s | Peak working set MB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Target} | {m.Files:N0} | {m.Lines:N0} | {m.Seconds:0.0} | {m.LinesPerSecond:N0} | {m.PeakMegabytes:N0} |"));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"stats: files (?<files>\d+), lines (?<lines>\d+), projects \d+, review [\d.]+ s, total (?<total>[\d.]+) s")]
    private static partial Regex CountsLine();

    [GeneratedRegex(@"peak working set (?<mb>[\d.]+) MB")]
    private static partial Regex MemoryLine();
}
