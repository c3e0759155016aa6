using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Cli.Review;

/// <summary>What compiling and analysing one project gave.</summary>
/// <param name="Plan">The project.</param>
/// <param name="Files">C# files compiled.</param>
/// <param name="Lines">Lines in those files.</param>
/// <param name="Diagnostics">PolicyKit diagnostics, suppressed (waived) ones included.</param>
/// <param name="UnresolvedType">CS0246: type or namespace not found.</param>
/// <param name="UnresolvedNamespaceMember">CS0234: name not in namespace.</param>
/// <param name="UnresolvedMember">CS1061: no such member (often on an unresolved type's receiver).</param>
/// <param name="UnresolvedName">CS0103: name does not exist in the context.</param>
/// <param name="OtherErrors">Other compiler errors.</param>
/// <param name="FilesWithUnresolved">Files with at least one of the four unresolved-symbol errors.</param>
/// <param name="AnalyzerFailures">Analyzer exceptions (the rule is then not checked on this project).</param>
internal sealed record ProjectOutcome(
    ProjectPlan Plan,
    int Files,
    long Lines,
    ImmutableArray<Diagnostic> Diagnostics,
    int UnresolvedType,
    int UnresolvedNamespaceMember,
    int UnresolvedMember,
    int UnresolvedName,
    int OtherErrors,
    int FilesWithUnresolved,
    ImmutableArray<string> AnalyzerFailures)
{
    /// <summary>Invocations bound to symbols and endpoints found (the analysis-coverage statement).</summary>
    public BindingCoverage Binding { get; init; } = BindingCoverage.None;
    /// <summary>The project's endpoints (the analyzers' endpoint inventory).</summary>
    public ImmutableArray<ReviewedEndpoint> Endpoints { get; init; } = ImmutableArray<ReviewedEndpoint>.Empty;
}
