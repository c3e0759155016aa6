using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>Why a review's analysis is incomplete (each one is enough; see docs/review-coverage.md).</summary>
internal enum IncompleteReason
{
    /// <summary>Fewer than <see cref="AnalysisCoverage.BoundThreshold"/> of the invocations resolved to a symbol.</summary>
    InvocationsUnbound,

    /// <summary>A project could not be read, or an analyzer failed on it.</summary>
    ProjectNotCompiled,

    /// <summary>A C# file was not parsed (too large, binary, unreadable).</summary>
    FilesNotParsed,

    /// <summary>A rule stopped at its analysis budget (PK9003).</summary>
    BudgetReached,

    /// <summary>A NuGet package a project declares could not be resolved: code using it binds to nothing.</summary>
    PackagesUnresolved,
}

/// <summary>
/// The analysis-coverage statement every review carries: how much of the delivery the rules could see. Below the
/// documented thresholds the views say 「解析不完全」 / "analysis incomplete" and never show a clean pass.
/// </summary>
/// <param name="FilesFound">C# files the projects name.</param>
/// <param name="FilesParsed">Those parsed.</param>
/// <param name="ProjectsFound">Projects found (unreadable ones included).</param>
/// <param name="ProjectsCompiled">Projects compiled and analysed without an analyzer failure.</param>
/// <param name="Invocations">Invocation expressions.</param>
/// <param name="BoundInvocations">Invocations whose target resolved to a method symbol.</param>
/// <param name="ControllerActions">Controller actions found.</param>
/// <param name="PageHandlers">Razor Page handlers found.</param>
/// <param name="MappedEndpoints">Minimal-API <c>Map*</c> calls found.</param>
/// <param name="BudgetFindings">Findings of the "analysis budget reached" rule (PK9003), by finding id.</param>
/// <param name="Reasons">Why the analysis is incomplete; empty when it is complete.</param>
internal sealed record AnalysisCoverage(
    int FilesFound,
    int FilesParsed,
    int ProjectsFound,
    int ProjectsCompiled,
    long Invocations,
    long BoundInvocations,
    int ControllerActions,
    int PageHandlers,
    int MappedEndpoints,
    ImmutableArray<string> BudgetFindings,
    ImmutableArray<IncompleteReason> Reasons)
{
    /// <summary>The rule that reports an analysis budget reached (counted by id; it may be absent from a build).</summary>
    public const string BudgetRule = "PK9003";

    /// <summary>The share of bound invocations below which the analysis is incomplete.</summary>
    public const double BoundThreshold = 0.90;

    /// <summary>No measurement (a report built without a review outcome).</summary>
    public static AnalysisCoverage None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, ImmutableArray<string>.Empty, ImmutableArray<IncompleteReason>.Empty);

    /// <summary>Whether every threshold is met.</summary>
    public bool IsComplete => Reasons.IsEmpty;

    /// <summary>Share of invocations bound to symbols (1 when there are none).</summary>
    public double BoundShare => Invocations == 0 ? 1.0 : (double)BoundInvocations / Invocations;

    /// <summary>All endpoints found.</summary>
    public int Endpoints => ControllerActions + PageHandlers + MappedEndpoints;

    /// <summary>Measures a review.</summary>
    /// <param name="outcome">The review outcome.</param>
    /// <param name="findings">The report's findings (with ids).</param>
    /// <returns>The statement.</returns>
    public static AnalysisCoverage Of(ReviewOutcome outcome, IReadOnlyList<Finding> findings)
    {
        var files = outcome.Delivery.Projects.SelectMany(p => p.Sources).Select(f => f.RelativePath).Distinct().ToList();
        var notParsed = outcome.Delivery.Skipped.Where(s => s.Kind is SkipKind.TooLarge or SkipKind.Binary or SkipKind.Unreadable)
            .Select(s => s.Path).Where(files.Contains).Distinct().Count();
        var badProjects = outcome.Delivery.Skipped.Count(s => s.Kind == SkipKind.BadProject);
        var failed = outcome.Projects.Count(p => !p.AnalyzerFailures.IsEmpty);
        var budget = findings.Where(f => f.RuleId == BudgetRule).Select(f => f.Id).ToImmutableArray();
        var coverage = new AnalysisCoverage(
            files.Count,
            files.Count - notParsed,
            outcome.Projects.Length + badProjects,
            outcome.Projects.Length - failed,
            outcome.Projects.Sum(p => p.Binding.Invocations),
            outcome.Projects.Sum(p => p.Binding.BoundInvocations),
            outcome.Projects.Sum(p => EndpointCount(p, "Action", p.Binding.ControllerActions)),
            outcome.Projects.Sum(p => EndpointCount(p, "PageHandler", p.Binding.PageHandlers)),
            outcome.Projects.Sum(p => EndpointCount(p, null, p.Binding.MappedEndpoints)),
            budget,
            ImmutableArray<IncompleteReason>.Empty);
        var reasons = ImmutableArray.CreateBuilder<IncompleteReason>();
        if (coverage.BoundShare < BoundThreshold)
        {
            reasons.Add(IncompleteReason.InvocationsUnbound);
        }

        if (coverage.ProjectsCompiled < coverage.ProjectsFound)
        {
            reasons.Add(IncompleteReason.ProjectNotCompiled);
        }

        if (notParsed > 0)
        {
            reasons.Add(IncompleteReason.FilesNotParsed);
        }

        if (!budget.IsEmpty)
        {
            reasons.Add(IncompleteReason.BudgetReached);
        }

        if (outcome.Delivery.Skipped.Any(s => s.Kind == SkipKind.PackageUnresolved))
        {
            reasons.Add(IncompleteReason.PackagesUnresolved);
        }

        return coverage with { Reasons = reasons.ToImmutable() };
    }

    // The analyzers' endpoint inventory is the authority when it found anything; the declaration count is the fallback
    // for a project the inventory could not read. A null kind counts minimal APIs, hubs and components together.
    private static int EndpointCount(ProjectOutcome project, string? kind, int fallback) =>
        project.Endpoints.IsDefaultOrEmpty
            ? fallback
            : project.Endpoints.Count(e => kind is null ? e.Kind is not ("Action" or "PageHandler") : e.Kind == kind);
}
