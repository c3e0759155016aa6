using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyKit.Cli.Review;

/// <summary>A delivery as read from disk: its root, its files, the compilations to build and what was left out.</summary>
/// <param name="Root">The absolute delivery root.</param>
/// <param name="Target">What the user named (folder, .sln, .slnx or .csproj), as a full path.</param>
/// <param name="Files">Every regular file under the root.</param>
/// <param name="Projects">The compilations to build.</param>
/// <param name="DeliveryReferences">Assemblies shipped in the delivery (bin/, lib/ folders) used as metadata only.</param>
/// <param name="Skipped">What was not read, and why.</param>
internal sealed record Delivery(
    string Root,
    string Target,
    IReadOnlyList<DeliveryFile> Files,
    ImmutableArray<ProjectPlan> Projects,
    ImmutableArray<string> DeliveryReferences,
    List<SkippedItem> Skipped);
