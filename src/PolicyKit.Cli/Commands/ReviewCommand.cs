using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolicyKit.Cli.Reports;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Commands;

/// <summary>The options of <c>policykit review</c>.</summary>
/// <param name="Target">Folder, .sln, .slnx or .csproj.</param>
/// <param name="PolicyPath">The <c>--policy</c> file, or <see langword="null"/>.</param>
/// <param name="Profiles">The <c>--profile</c> names.</param>
/// <param name="OutputDirectory">Where reports go.</param>
/// <param name="Formats">The formats to write.</param>
/// <param name="Culture">The report language.</param>
/// <param name="FailOn"><c>error</c>, <c>warning</c> or <c>none</c>.</param>
/// <param name="BaselinePath">A previous delivery's SARIF, or <see langword="null"/>.</param>
/// <param name="Stats">Print throughput and peak memory.</param>
/// <param name="Timestamp">The date the reports show (<c>--timestamp</c> or <c>SOURCE_DATE_EPOCH</c>), or <see langword="null"/> for now.</param>
internal sealed record ReviewOptions(string Target, string? PolicyPath, ImmutableArray<string> Profiles, string OutputDirectory, ImmutableArray<ReportFormat> Formats, CultureInfo Culture, string FailOn, string? BaselinePath, bool Stats, DateTimeOffset? Timestamp = null)
{
    /// <summary>The views to write (<c>--view</c>).</summary>
    public ImmutableArray<ReportView> Views { get; init; } = [ReportView.Acceptance];

    /// <summary>Write the review plan only (<c>--plan</c>).</summary>
    public bool Plan { get; init; }

    /// <summary>Find NuGet packages in local folders only, never download (<c>--offline</c>).</summary>
    public bool Offline { get; init; }
}

/// <summary><c>policykit review</c>: turns arguments into <see cref="ReviewOptions"/> and runs the review.</summary>
internal static class ReviewCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        policykit review <folder | .sln | .slnx | .csproj> [options]
          --policy FILE        policykit.json to check against (default: policykit.json at the delivery root,
                               else --profile, else the baseline profile)
          --profile NAMES      profiles to compose when there is no policy file (mynumber, mic, ipa-contractor,
                               ipa-websecurity-7, isms-2005, asvs5-l2, nist-800-63b, baseline); comma-separated or repeated
          --out DIR            output folder (default: ./policykit-report)
          --format LIST        sarif,md,html (default: all three)
          --lang ja|en         report language (default: ja when the UI culture is Japanese, else en)
          --fail-on LEVEL      error | warning | none (default: warning): findings without a waiver at or above
                               this level fail the gate (exit code 1)
          --baseline FILE      a previous delivery's policykit.sarif: mark findings new / unchanged / fixed
          --stats              print lines per second and peak working set
          --view LIST          acceptance,checklist,diagnosis or all (default: acceptance); each view is its own
                               file in --out: policykit-report.*, policykit-checklist.*, policykit-diagnosis.*
          --plan               write the review plan (policykit-plan.md) without running the review
          --timestamp ISO      the date the reports show, e.g. 2026-01-01T00:00:00Z (default: SOURCE_DATE_EPOCH
                               if set, else the start of the review); with it, the same delivery gives
                               byte-identical reports
          --offline            use only the NuGet global packages folder and PolicyKit's cache for the packages the
                               projects declare (never download); missing ones make the analysis incomplete
        """;

    private static readonly string[] Valued = ["--policy", "--profile", "--out", "--format", "--lang", "--fail-on", "--baseline", "--view", "--timestamp"];
    private static readonly string[] Switches = ["--stats", "--plan", "--offline"];

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>review</c>.</param>
    /// <param name="output">Standard output (summary, report paths).</param>
    /// <param name="error">Standard error (messages, progress).</param>
    /// <param name="showProgress">Whether to draw progress on <paramref name="error"/>.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool showProgress, CancellationToken cancellationToken)
    {
        if (!TryReadOptions(args, error, out var options))
        {
            return ExitCodes.BadInput;
        }

        if (options.Plan)
        {
            return ReviewPlanCommand.Write(options, output, error, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            (string, List<(string, FixedFinding)>)? baseline = options.BaselinePath is { } b ? (b, BaselineReader.Read(b)) : null;
            var progress = showProgress ? new ConsoleProgress(error) : null;
            ReviewOutcome outcome;
            try
            {
                outcome = await ReviewRunner.RunAsync(options.Target, options.PolicyPath, options.Profiles, options.Offline, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress?.Done();
            }

            var report = ReportBuilder.Build(outcome, options.Culture, options.FailOn, baseline, ControlCatalog.Embedded);
            if (options.Timestamp is { } fixedDate)
            {
                report = report with { Header = report.Header with { Date = fixedDate } };
            }
            var writers = options.Formats.Select<ReportFormat, IReportWriter>(f => f switch
            {
                ReportFormat.Sarif => new SarifWriter(),
                ReportFormat.Markdown => new MarkdownWriter(),
                _ => new HtmlWriter(),
            }).Where(w => options.Views.Contains(ReportView.Acceptance) || w.Format == ReportFormat.Sarif)
                .Concat(ReportViews.Writers(options.Views, options.Formats, report, ControlCatalog.Embedded)).ToList();
            var written = ReportOutput.Publish(report, writers, options.OutputDirectory, cancellationToken);
            var open = report.Findings.Count(f => !f.IsWaived);
            output.WriteLine($"gate: {(report.Gate.Passed ? "passed" : "failed")} (fail-on {report.Gate.FailOn}, blocking {report.Gate.Blocking})");
            output.WriteLine($"findings: {report.Findings.Length} (open {open}, waived {report.Findings.Length - open})" + (report.Baseline is { } c ? $"; new {c.New}, unchanged {c.Unchanged}, fixed {c.Fixed.Length}" : string.Empty));
            output.WriteLine($"controls: fail {Count(report, ControlOutcome.Fail)}, waived {Count(report, ControlOutcome.Waived)}, pass {Count(report, ControlOutcome.Pass)}, not checkable from source {Count(report, ControlOutcome.NotCheckableFromSource)}");
            foreach (var path in written)
            {
                output.WriteLine("report: " + path);
            }

            if (options.Stats)
            {
                WriteStats(output, outcome, clock.Elapsed);
            }

            return report.Gate.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
        }
        catch (ReviewInputException e)
        {
            error.WriteLine("policykit review: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("policykit review: cancelled; no report written.");
            return ExitCodes.Cancelled;
        }
    }

    private static int Count(AcceptanceReport report, ControlOutcome outcome) => report.Controls.Count(c => c.Outcome == outcome);

    private static void WriteStats(TextWriter output, ReviewOutcome outcome, TimeSpan total)
    {
        var lines = outcome.Projects.Sum(p => p.Lines);
        var files = outcome.Projects.Sum(p => p.Files);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var seconds = Math.Max(total.TotalSeconds, 0.001);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats: files {files}, lines {lines}, projects {outcome.Projects.Length}, review {outcome.Elapsed.TotalSeconds:0.00} s, total {total.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats: {lines / seconds:0} lines/s, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB"));
    }

    private static bool TryReadOptions(IReadOnlyList<string> args, TextWriter error, out ReviewOptions options)
    {
        options = null!;
        var reader = ArgumentReader.Parse(args, Valued, Switches, out var problem);
        if (reader is null)
        {
            return Fail(error, problem!);
        }

        if (reader.Positional.Count != 1)
        {
            return Fail(error, reader.Positional.Count == 0 ? "missing the delivery to review." : "expected one delivery, got: " + string.Join(" ", reader.Positional));
        }

        var formats = ImmutableArray.CreateBuilder<ReportFormat>();
        var formatNames = reader.Values("--format");
        foreach (var name in formatNames.Count == 0 ? ["sarif", "md", "html"] : formatNames)
        {
            ReportFormat? format = name.ToLowerInvariant() switch
            {
                "sarif" => ReportFormat.Sarif,
                "md" or "markdown" => ReportFormat.Markdown,
                "html" => ReportFormat.Html,
                _ => null,
            };
            if (format is null)
            {
                return Fail(error, $"unknown format '{name}'; expected sarif, md or html.");
            }

            if (!formats.Contains(format.Value))
            {
                formats.Add(format.Value);
            }
        }

        var lang = reader.Value("--lang") ?? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? "ja" : "en");
        if (lang is not ("ja" or "en"))
        {
            return Fail(error, $"unknown language '{lang}'; expected ja or en.");
        }

        var failOn = (reader.Value("--fail-on") ?? "warning").ToLowerInvariant();
        if (failOn is not ("error" or "warning" or "none"))
        {
            return Fail(error, $"unknown --fail-on '{failOn}'; expected error, warning or none.");
        }

        if (!ReportViews.TryParse(reader.Values("--view"), out var views, out var viewProblem))
        {
            return Fail(error, viewProblem!);
        }

        var profiles = reader.Values("--profile");
        foreach (var profile in profiles)
        {
            if (Profiles.GetText(profile) is null)
            {
                return Fail(error, $"unknown profile '{profile}'; expected one of: {string.Join(", ", Profiles.Names)}.");
            }
        }

        if (!ReportTimestamp.TryResolve(reader.Value("--timestamp"), Environment.GetEnvironmentVariable(ReportTimestamp.SourceDateEpoch), out var timestamp, out var timestampProblem))
        {
            return Fail(error, timestampProblem!);
        }

        options = new ReviewOptions(
            reader.Positional[0],
            reader.Value("--policy"),
            profiles.ToImmutableArray(),
            Path.GetFullPath(reader.Value("--out") ?? "policykit-report"),
            formats.ToImmutable(),
            CultureInfo.GetCultureInfo(lang),
            failOn,
            reader.Value("--baseline"),
            reader.Has("--stats"),
            timestamp)
        {
            Views = views,
            Plan = reader.Has("--plan"),
            Offline = reader.Has("--offline"),
        };
        return true;
    }

    private static bool Fail(TextWriter error, string message)
    {
        error.WriteLine("policykit review: " + message);
        error.WriteLine(Usage);
        return false;
    }
}
