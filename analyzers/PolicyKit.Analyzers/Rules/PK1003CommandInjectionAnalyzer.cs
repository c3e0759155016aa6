using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1003: OS command injection: request data reaches a process's program, command line or shell arguments (IPA-091, A.12.2.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1003CommandInjectionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.CommandInjection, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 78 }, controls: new[] { "IPA-091", "A.12.2.1" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => TaintRuleChecker.Register(start, Rule, SinkKind.Command));
    }
}
