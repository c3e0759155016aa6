using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Policy;

/// <summary>
/// Creates every PolicyKit diagnostic: severity raised by the application profile, and an active waiver's
/// justification, approver and expiry attached as properties so that <see cref="Rules.WaiverSuppressor"/> suppresses
/// it visibly (the compiler's SARIF keeps suppressed results, with these properties).
/// </summary>
internal static class PolicyDiagnostic
{
    public const string WaiverRule = "policykit.waiver.rule";
    public const string WaiverJustification = "policykit.waiver.justification";
    public const string WaiverApprover = "policykit.waiver.approver";
    public const string WaiverExpires = "policykit.waiver.expires";
    public const string WaiverScope = "policykit.waiver.scope";

    private static readonly SymbolDisplayFormat SymbolFormat = SymbolDisplayFormat.CSharpErrorMessageFormat;

    public static Diagnostic Create(
        AnalyzerPolicy policy,
        DiagnosticDescriptor rule,
        Location location,
        ISymbol? symbol,
        DiagnosticSeverity? severity,
        ImmutableDictionary<string, string?>? properties,
        params object?[] messageArgs) =>
        Create(policy, rule, location, additionalLocations: null, symbol, severity, properties, messageArgs);

    /// <summary>As above, with additional locations (e.g. where tainted data entered, for a taint finding).</summary>
    public static Diagnostic Create(
        AnalyzerPolicy policy,
        DiagnosticDescriptor rule,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ISymbol? symbol,
        DiagnosticSeverity? severity,
        ImmutableDictionary<string, string?>? properties,
        params object?[] messageArgs)
    {
        var effective = ProfileSeverity.Raise(rule, severity ?? rule.DefaultSeverity, policy.Policy.Application);
        if (policy.HasWaivers)
        {
            var waiver = policy.Policy.FindActiveWaiver(
                rule.Id, location.SourceTree?.FilePath ?? (location.Kind == LocationKind.ExternalFile ? location.GetLineSpan().Path : null), symbol?.ToDisplayString(SymbolFormat), System.DateTimeOffset.UtcNow);
            if (waiver is not null)
            {
                properties = (properties ?? ImmutableDictionary<string, string?>.Empty)
                    .SetItem(WaiverRule, waiver.Rule)
                    .SetItem(WaiverJustification, waiver.Justification)
                    .SetItem(WaiverApprover, waiver.Approver)
                    .SetItem(WaiverExpires, waiver.ExpiresAt?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) ?? waiver.Expires)
                    .SetItem(WaiverScope, waiver.Symbol ?? waiver.Path ?? "*");
            }
        }

        return Diagnostic.Create(rule, location, effective, additionalLocations, properties, messageArgs);
    }

    public static void Report(this OperationAnalysisContext context, DiagnosticDescriptor rule, Location location, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.ContainingSymbol, null, null, messageArgs));

    public static void Report(this OperationAnalysisContext context, DiagnosticDescriptor rule, Location location, DiagnosticSeverity? severity, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.ContainingSymbol, severity, properties, messageArgs));

    /// <summary>Reports with additional locations (the source of a taint finding); other arguments as in <c>Report</c>.</summary>
    public static void ReportWithLocations(this OperationAnalysisContext context, DiagnosticDescriptor rule, Location location, IEnumerable<Location>? additionalLocations, DiagnosticSeverity? severity, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, additionalLocations, context.ContainingSymbol, severity, properties, messageArgs));

    public static void Report(this SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, Location location, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.ContainingSymbol, null, null, messageArgs));

    public static void Report(this SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, Location location, DiagnosticSeverity? severity, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.ContainingSymbol, severity, properties, messageArgs));

    public static void Report(this SymbolAnalysisContext context, DiagnosticDescriptor rule, Location location, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.Symbol, null, null, messageArgs));

    public static void Report(this SymbolAnalysisContext context, DiagnosticDescriptor rule, Location location, DiagnosticSeverity? severity, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.Symbol, severity, properties, messageArgs));

    public static void Report(this OperationBlockAnalysisContext context, DiagnosticDescriptor rule, Location location, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, context.OwningSymbol, null, null, messageArgs));

    public static void Report(this CompilationAnalysisContext context, DiagnosticDescriptor rule, Location location, ISymbol? symbol, DiagnosticSeverity? severity, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        context.ReportDiagnostic(Create(AnalyzerPolicy.For(context.Compilation, context.Options, context.CancellationToken), rule, location, symbol, severity, properties, messageArgs));
}
