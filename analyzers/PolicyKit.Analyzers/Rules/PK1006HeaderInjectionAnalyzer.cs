using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1006: HTTP response-header and mail-header injection: request data reaches a header without CR/LF removal (IPA-091, A.12.2.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1006HeaderInjectionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.HeaderInjection, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 113, 93 }, controls: new[] { "IPA-091", "A.12.2.1" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => TaintRuleChecker.Register(start, Rule, SinkKind.Header));
    }
}
