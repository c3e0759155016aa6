using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Json;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK9002: a waiver in policykit.json has expired; it no longer suppresses anything.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK9002WaiverExpiredAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.WaiverExpired, RuleCategory.Policy, DiagnosticSeverity.Warning, cwe: new int[0], controls: new string[0]);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var policy = AnalyzerPolicy.Get(start);
            if (policy.Load?.Declared is not { Waivers.Count: > 0 })
            {
                return;
            }

            start.RegisterAdditionalFileAction(file => Report(file, policy));
        });
    }

    private static void Report(AdditionalFileAnalysisContext context, AnalyzerPolicy policy)
    {
        if (context.AdditionalFile.Path != policy.FilePath || policy.Text is not { } text)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var waivers = policy.Load!.Declared!.Waivers;
        var nodes = JsonParser.Parse(text.ToString()).Root?.FindMember("waivers")?.Value.Items;
        for (var i = 0; i < waivers.Count; i++)
        {
            var waiver = waivers[i];
            if (waiver.ExpiresAt is not { } end || now < end)
            {
                continue; // unreadable expiries are PK9001's; active ones are fine
            }

            var node = nodes is not null && i < nodes.Count ? nodes[i] : null;
            var at = node is null ? null : new PolicyLocation(node.Start, node.Length, node.Line, node.Column, policy.FilePath);
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, JsonLocation.Create(policy.FilePath!, text, at),
                waiver.Rule, waiver.Approver ?? "?", end.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
        }
    }
}
