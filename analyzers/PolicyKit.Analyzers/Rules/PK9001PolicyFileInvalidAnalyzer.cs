using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK9001: policykit.json is malformed, has unknown keys, or misses a value its profiles require — reported inside the JSON.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK9001PolicyFileInvalidAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.PolicyFileInvalid, RuleCategory.Policy, DiagnosticSeverity.Warning, cwe: new int[0], controls: new string[0]);

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
            if (policy.Load is null || policy.Load.Errors.Count == 0)
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

        foreach (var error in policy.Load!.Errors)
        {
            var location = JsonLocation.Create(policy.FilePath!, text, error.Location);
            var message = error.Clause is null ? $"{error.JsonPath}: {error.Message}" : $"{error.JsonPath}: {error.Message} ({error.Clause})";
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, message));
        }
    }
}
