using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1004: path traversal: request data reaches a file-system path (IPA-091, A.12.2.1, A.11.6.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1004PathTraversalAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.PathTraversal, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 22 }, controls: new[] { "IPA-091", "A.12.2.1", "A.11.6.1" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => TaintRuleChecker.Register(start, Rule, SinkKind.Path));
    }
}
