using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1002: cross-site scripting: request data reaches an HTML sink without encoding (IPA-091, A.12.2.4).</summary>
/// <remarks>
/// Flaws in <c>.cshtml</c>/<c>.razor</c> markup live in the Razor source generator's output: generated code is analysed,
/// and every generated tree other than Razor's is skipped by the checker (<see cref="Symbols.RazorGeneratedCode"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK1002CrossSiteScriptingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.CrossSiteScripting, RuleCategory.Injection, DiagnosticSeverity.Warning,
        cwe: new[] { 79 }, controls: new[] { "IPA-091", "A.12.2.4" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => TaintRuleChecker.Register(start, Rule, SinkKind.Html, markup: true));
    }
}
