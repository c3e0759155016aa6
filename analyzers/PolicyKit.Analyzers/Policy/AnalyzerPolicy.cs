using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.Policy;

/// <summary>
/// The policy the rules of one compilation check against: the project's <c>policykit.json</c> (an AdditionalFile),
/// its profiles composed, laid over the <c>baseline</c> profile so that every value the policy leaves undecided
/// still has a cited default. Read once per compilation and cached by file content.
/// </summary>
internal sealed class AnalyzerPolicy
{
    /// <summary>The file name the analyzers look for among the AdditionalFiles.</summary>
    public const string FileName = "policykit.json";

    private static readonly ConditionalWeakTable<Compilation, AnalyzerPolicy> ByCompilation = new();
    private static readonly ConditionalWeakTable<SourceText, AnalyzerPolicy> ByText = new();
    private static readonly Lazy<PolicySet> BaselinePolicy = new(() => Profiles.Load(Profiles.DefaultName), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<AnalyzerPolicy> Fallback = new(() => new AnalyzerPolicy(BaselinePolicy.Value, null, null, null), LazyThreadSafetyMode.ExecutionAndPublication);

    private AnalyzerPolicy(PolicySet policy, PolicyLoadResult? load, string? path, SourceText? text)
    {
        Policy = policy;
        Load = load;
        FilePath = path;
        Text = text;
        HasWaivers = policy.Waivers.Count > 0;
    }

    /// <summary>The effective policy: the file's (profiles composed, decisions applied) over the baseline.</summary>
    public PolicySet Policy { get; }

    /// <summary>What reading the file gave, or <see langword="null"/> when the project has no policykit.json.</summary>
    public PolicyLoadResult? Load { get; }

    /// <summary>The path of policykit.json, or <see langword="null"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The text of policykit.json, or <see langword="null"/>.</summary>
    public SourceText? Text { get; }

    /// <summary>Whether any waiver is declared (so that reporting can skip the waiver lookup cheaply).</summary>
    public bool HasWaivers { get; }

    /// <summary>The policy of the compilation being analysed.</summary>
#pragma warning disable RS1012 // reads only; the caller registers the actions that use the policy
    public static AnalyzerPolicy Get(CompilationStartAnalysisContext context) =>
        For(context.Compilation, context.Options, context.CancellationToken);
#pragma warning restore RS1012

    /// <summary>The policy of <paramref name="compilation"/>, computed once and shared by every rule.</summary>
    public static AnalyzerPolicy For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (ByCompilation.TryGetValue(compilation, out var cached))
        {
            return cached;
        }

        var policy = Read(options, cancellationToken);
        return ByCompilation.GetValue(compilation, _ => policy);
    }

    /// <summary>Whether an AdditionalFile is the policy file.</summary>
    public static bool IsPolicyFile(string path) =>
        path.EndsWith(FileName, StringComparison.OrdinalIgnoreCase)
        && (path.Length == FileName.Length || path[path.Length - FileName.Length - 1] is '/' or '\\');

    private static AnalyzerPolicy Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        AdditionalText? chosen = null;
        foreach (var file in options.AdditionalFiles)
        {
            // With several, the one nearest the file-system root (the project's own, not a nested sample's) wins.
            if (IsPolicyFile(file.Path) && (chosen is null || file.Path.Length < chosen.Path.Length))
            {
                chosen = file;
            }
        }

        if (chosen?.GetText(cancellationToken) is not { } text)
        {
            return Fallback.Value;
        }

        var path = chosen.Path;
        return ByText.GetValue(text, t => Parse(t, path));
    }

    private static AnalyzerPolicy Parse(SourceText text, string path)
    {
        var load = PolicyJson.Parse(text.ToString(), path);
        var effective = load.Policy is { } declared ? BaselinePolicy.Value.OverrideWith(declared) : BaselinePolicy.Value;
        return new AnalyzerPolicy(effective, load, path, text);
    }
}
