using System;
using System.Collections.Immutable;

namespace PolicyKit.Cli.Review;

/// <summary>The raw result of a review, before it becomes an acceptance report.</summary>
/// <param name="Delivery">The delivery read.</param>
/// <param name="Policy">The policy applied.</param>
/// <param name="Analyzers">The analyzers run.</param>
/// <param name="Packs">The reference packs used.</param>
/// <param name="Projects">One outcome per compilation.</param>
/// <param name="InputHash">SHA-256 over sorted relative paths and contents of every delivery file.</param>
/// <param name="StartedAt">When the review started.</param>
/// <param name="Elapsed">How long it took.</param>
internal sealed record ReviewOutcome(
    Delivery Delivery,
    PolicyInput Policy,
    AnalyzerSet Analyzers,
    ReferencePacks Packs,
    ImmutableArray<ProjectOutcome> Projects,
    string InputHash,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed)
{
    /// <summary>The NuGet packages compiled against, and those that could not be resolved.</summary>
    public PackageReferences Packages { get; init; } = PackageReferences.None;
}
