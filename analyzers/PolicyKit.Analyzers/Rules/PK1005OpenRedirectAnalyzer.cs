using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1005: open redirect: request data reaches a redirect target without a local-URL check (IPA-091, A.12.2.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1005OpenRedirectAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.OpenRedirect, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 601 }, controls: new[] { "IPA-091", "A.12.2.1" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => TaintRuleChecker.Register(start, Rule, SinkKind.Redirect));
    }
}
