using System;
using System.Collections.Immutable;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// Everything an acceptance report says, computed once; the SARIF, Markdown and HTML writers only render it.
/// Text that depends on the language (rule titles, messages, control titles) is already in the report's culture.
/// </summary>
/// <param name="Header">Who judged what, against which policy, when.</param>
/// <param name="Controls">Every control of the catalog, in report order, with its outcome.</param>
/// <param name="Findings">Every finding, waived ones included, sorted by file and line.</param>
/// <param name="AppliedWaivers">The waivers that accepted at least one finding.</param>
/// <param name="NotChecked">Files and parts of the delivery the review did not analyse, and why.</param>
/// <param name="NotCheckableFromSource">What a source review cannot see at all.</param>
/// <param name="Resolution">How much of the code could be resolved, per project.</param>
/// <param name="Rules">The rules run, with their metadata.</param>
/// <param name="Baseline">The comparison with a previous delivery, or <see langword="null"/>.</param>
/// <param name="Gate">Whether the delivery passes the gate.</param>
internal sealed record AcceptanceReport(
    ReportHeader Header,
    ImmutableArray<ControlResult> Controls,
    ImmutableArray<Finding> Findings,
    ImmutableArray<AppliedWaiver> AppliedWaivers,
    ImmutableArray<NotCheckedItem> NotChecked,
    ImmutableArray<string> NotCheckableFromSource,
    ResolutionStatistics Resolution,
    ImmutableArray<RuleInfo> Rules,
    BaselineComparison? Baseline,
    GateResult Gate)
{
    /// <summary>How much of the delivery the rules could see (the analysis-coverage statement).</summary>
    public AnalysisCoverage Coverage { get; init; } = AnalysisCoverage.None;
    /// <summary>Every endpoint of the delivery with its route, verbs, authorization, antiforgery and findings.</summary>
    public ImmutableArray<EndpointEntry> Endpoints { get; init; } = ImmutableArray<EndpointEntry>.Empty;
}

/// <summary>The report header.</summary>
/// <param name="PolicyName">The policy's <c>name</c>, or its origin.</param>
/// <param name="PolicyVersion">The policy's <c>version</c>, or <see langword="null"/>.</param>
/// <param name="PolicyHash">SHA-256 of the policy's canonical form.</param>
/// <param name="PolicyOrigin">The policy file path or the profile names.</param>
/// <param name="Profiles">The profiles the policy composes.</param>
/// <param name="PendingDecisions">Values the profiles require but the policy leaves undecided (path and clause).</param>
/// <param name="ToolName">The tool name.</param>
/// <param name="ToolVersion">The tool version.</param>
/// <param name="RulesVersion">The analyzers' version.</param>
/// <param name="Input">The reviewed target, as a full path.</param>
/// <param name="InputHash">SHA-256 over sorted relative paths and contents.</param>
/// <param name="InputFiles">Number of files in the delivery.</param>
/// <param name="ReferencePacks">The reference assemblies compiled against.</param>
/// <param name="Date">When the review ran (UTC).</param>
/// <param name="Language">The report language (<c>en</c> or <c>ja</c>).</param>
internal sealed record ReportHeader(
    string PolicyName,
    string? PolicyVersion,
    string PolicyHash,
    string PolicyOrigin,
    ImmutableArray<string> Profiles,
    ImmutableArray<string> PendingDecisions,
    string ToolName,
    string ToolVersion,
    string RulesVersion,
    string Input,
    string InputHash,
    int InputFiles,
    string ReferencePacks,
    DateTimeOffset Date,
    string Language);

/// <summary>What a control's review found.</summary>
internal enum ControlOutcome
{
    /// <summary>Rules check the control and found nothing.</summary>
    Pass,

    /// <summary>At least one finding that no waiver accepts.</summary>
    Fail,

    /// <summary>Every finding is accepted by an active waiver.</summary>
    Waived,

    /// <summary>No rule can check this control from source (manual, or its rules are not available).</summary>
    NotCheckableFromSource,
}

/// <summary>One control's outcome.</summary>
/// <param name="Id">The control id (<c>MIC-38</c>).</param>
/// <param name="Source">The catalog source (<c>mic</c>, <c>mynumber</c> …).</param>
/// <param name="Group">The report group key (<c>mic-sql</c>, <c>mynumber</c>, <c>ipa-contractor</c>, <c>isms-2005</c>, …).</param>
/// <param name="Title">The control's title in the report language.</param>
/// <param name="Checkable">How far a source review can check it.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="ConfirmByHand">A pass on a partially checkable control: a person must confirm the rest.</param>
/// <param name="Rules">The rules that check it and ran.</param>
/// <param name="Evidence">The ids of its findings.</param>
internal sealed record ControlResult(
    string Id,
    string Source,
    string Group,
    string Title,
    Checkability Checkable,
    ControlOutcome Outcome,
    bool ConfirmByHand,
    ImmutableArray<string> Rules,
    ImmutableArray<string> Evidence);

/// <summary>One line of a code excerpt.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line's text.</param>
/// <param name="IsFinding">Whether the finding is on this line.</param>
internal sealed record ExcerptLine(int Number, string Text, bool IsFinding);

/// <summary>A waiver's details as they applied to a finding.</summary>
/// <param name="Rule">The waived rule.</param>
/// <param name="Scope">The waiver's path glob or symbol, or <c>*</c>.</param>
/// <param name="Justification">Why it was accepted.</param>
/// <param name="Approver">Who accepted it.</param>
/// <param name="Expires">Until when.</param>
internal sealed record AppliedWaiver(string Rule, string Scope, string Justification, string Approver, string Expires);

/// <summary>One finding.</summary>
/// <param name="Id">A short id within the report (<c>F001</c>).</param>
/// <param name="RuleId">The rule (<c>PK1001</c>).</param>
/// <param name="Level">SARIF level: <c>error</c>, <c>warning</c> or <c>note</c>.</param>
/// <param name="Message">The message in the report language.</param>
/// <param name="Path">The file relative to the delivery root, <c>/</c> separators.</param>
/// <param name="Project">The project it was found in.</param>
/// <param name="StartLine">1-based start line.</param>
/// <param name="StartColumn">1-based start column.</param>
/// <param name="EndLine">1-based end line.</param>
/// <param name="EndColumn">1-based end column (exclusive).</param>
/// <param name="Excerpt">A few lines around the finding.</param>
/// <param name="Fingerprint">Hash of rule id, relative path and normalised line text (stable across deliveries).</param>
/// <param name="Controls">The controls the rule serves.</param>
/// <param name="Waiver">The waiver that accepts it, or <see langword="null"/>.</param>
/// <param name="BaselineState"><c>new</c> or <c>unchanged</c> against a baseline, else <see langword="null"/>.</param>
internal sealed record Finding(
    string Id,
    string RuleId,
    string Level,
    string Message,
    string Path,
    string Project,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    ImmutableArray<ExcerptLine> Excerpt,
    string Fingerprint,
    ImmutableArray<string> Controls,
    AppliedWaiver? Waiver,
    string? BaselineState)
{
    /// <summary>Whether a waiver accepts the finding.</summary>
    public bool IsWaived => Waiver is not null;

    /// <summary>The code path before the finding's location (taint source first), empty when the rule gives none.</summary>
    public ImmutableArray<TraceStep> Trace { get; init; } = ImmutableArray<TraceStep>.Empty;
}

/// <summary>A rule's metadata, in the report language.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">A PascalCase name (for SARIF's <c>name</c>).</param>
/// <param name="Title">The title.</param>
/// <param name="Description">What it finds and how to fix it.</param>
/// <param name="HelpUri">The rule's documentation page.</param>
/// <param name="Category">The category.</param>
/// <param name="DefaultLevel">The default SARIF level.</param>
/// <param name="Tags">The descriptor's custom tags (CWE-nnn, control:id).</param>
internal sealed record RuleInfo(string Id, string Name, string Title, string Description, string HelpUri, string Category, string DefaultLevel, ImmutableArray<string> Tags);

/// <summary>Something the review did not analyse.</summary>
/// <param name="Path">The path or pattern.</param>
/// <param name="Reason">Why, in the report language.</param>
internal sealed record NotCheckedItem(string Path, string Reason);

/// <summary>How well one project's code could be resolved without restoring packages.</summary>
/// <param name="Project">The project (relative path).</param>
/// <param name="TargetFramework">The declared target framework.</param>
/// <param name="Files">C# files compiled.</param>
/// <param name="Lines">Lines compiled.</param>
/// <param name="UnresolvedType">CS0246 count.</param>
/// <param name="UnresolvedNamespaceMember">CS0234 count.</param>
/// <param name="UnresolvedMember">CS1061 count.</param>
/// <param name="UnresolvedName">CS0103 count.</param>
/// <param name="OtherErrors">Other compiler errors.</param>
/// <param name="FilesWithUnresolved">Files with unresolved symbols.</param>
/// <param name="PackagesNotRestored">Package references that could not be resolved (their types are unresolved).</param>
internal sealed record ProjectResolution(
    string Project,
    string TargetFramework,
    int Files,
    long Lines,
    int UnresolvedType,
    int UnresolvedNamespaceMember,
    int UnresolvedMember,
    int UnresolvedName,
    int OtherErrors,
    int FilesWithUnresolved,
    ImmutableArray<string> PackagesNotRestored)
{
    /// <summary>Percentage of files with unresolved symbols (0-100).</summary>
    public double PercentFilesUnresolved => Files == 0 ? 0 : 100.0 * FilesWithUnresolved / Files;
}

/// <summary>Resolution statistics for the whole delivery.</summary>
/// <param name="Projects">One entry per project.</param>
/// <param name="DeliveryAssemblies">Assemblies from the delivery used as metadata references.</param>
internal sealed record ResolutionStatistics(ImmutableArray<ProjectResolution> Projects, int DeliveryAssemblies)
{
    /// <summary>NuGet packages compiled against, one line each: id, version and where they were found.</summary>
    public ImmutableArray<string> Packages { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>A finding of the previous delivery that is gone.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Path">The file.</param>
/// <param name="Line">The line in the previous delivery.</param>
/// <param name="Message">The previous message.</param>
internal sealed record FixedFinding(string RuleId, string Path, int Line, string Message);

/// <summary>New, unchanged and fixed findings against a previous delivery's SARIF.</summary>
/// <param name="BaselinePath">The previous SARIF file.</param>
/// <param name="New">Findings not in the baseline.</param>
/// <param name="Unchanged">Findings also in the baseline.</param>
/// <param name="Fixed">Baseline findings that are gone.</param>
internal sealed record BaselineComparison(string BaselinePath, int New, int Unchanged, ImmutableArray<FixedFinding> Fixed);

/// <summary>The gate: fails when a finding no waiver accepts is at or above the threshold.</summary>
/// <param name="FailOn"><c>error</c>, <c>warning</c> or <c>none</c>.</param>
/// <param name="Passed">Whether the gate passed.</param>
/// <param name="Blocking">How many findings fail the gate.</param>
internal sealed record GateResult(string FailOn, bool Passed, int Blocking);
