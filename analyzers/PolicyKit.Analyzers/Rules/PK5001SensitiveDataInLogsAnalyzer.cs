using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK5001: passwords, tokens, connection strings or the policy's data classes written to logs or exception messages (MIC-95, A.10.10.3, A.15.1.4).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK5001SensitiveDataInLogsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the flagged expression is a whole <c>object</c> argument that a constant can replace.</summary>
    public const string RedactableProperty = "Redactable";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.SensitiveDataInLogs,
        RuleCategory.DataHandling,
        DiagnosticSeverity.Warning,
        cwe: new[] { 532, 209 },
        controls: new[] { "MIC-95", "A.10.10.3", "A.15.1.4" });

    private static readonly ImmutableDictionary<string, string?> Redactable =
        ImmutableDictionary<string, string?>.Empty.Add(RedactableProperty, "true");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Logging from a view (@{ Logger.LogInformation(…, Model.Password); }) is in the Razor generator's output: that
        // C#, and only that, among generated code (RazorGeneratedCode.MarkupOnly).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var exception = WellKnownTypes.Get(start.Compilation, "System.Exception");
        if (exception is null)
        {
            return;
        }

        // MIC-95: what counts as confidential is the policy's data classes (the baseline's "personal" at least).
        var matcher = DataClassMatcher.Create(AnalyzerPolicy.Get(start).Policy.DataClasses);
        var analysis = new Analysis(LogSinks.Create(start.Compilation), new SensitiveValueFinder(matcher), exception);
        start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(analysis.AnalyzeInvocation), OperationKind.Invocation);
        start.RegisterOperationAction(RazorGeneratedCode.MarkupOnly(analysis.AnalyzeCreation), OperationKind.ObjectCreation);
    }

    private sealed class Analysis
    {
        private readonly LogSinks sinks;
        private readonly SensitiveValueFinder finder;
        private readonly INamedTypeSymbol exception;

        public Analysis(LogSinks sinks, SensitiveValueFinder finder, INamedTypeSymbol exception)
        {
            this.sinks = sinks;
            this.finder = finder;
            this.exception = exception;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (sinks.Classify(method, invocation.Instance) == LogSinkKind.None)
            {
                return;
            }

            var found = new List<SensitiveValue>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter
                    || (method.IsExtensionMethod && parameter.Ordinal == 0)
                    || IsException(parameter.Type))
                {
                    continue;
                }

                found.Clear();
                finder.Find(argument.Value, found, context.CancellationToken);
                ReportAll(context, found, ObjectTyped(parameter));
            }
        }

        // A.15.1.4, MIC-95: exception messages end up in logs and error pages.
        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type || !IsException(type) || creation.Arguments.IsEmpty)
            {
                return;
            }

            var found = new List<SensitiveValue>();
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String })
                {
                    continue;
                }

                found.Clear();
                finder.Find(argument.Value, found, context.CancellationToken);
                ReportAll(context, found, redactable: false);
            }
        }

        // A params object[] element or an object parameter: "[redacted]" can stand in and still compile.
        private static bool ObjectTyped(IParameterSymbol parameter) =>
            parameter.Type.SpecialType == SpecialType.System_Object
            || parameter.Type.TypeKind == TypeKind.TypeParameter
            || (parameter.IsParams && parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object });

        private static void ReportAll(OperationAnalysisContext context, List<SensitiveValue> found, bool redactable)
        {
            for (var i = 0; i < found.Count; i++)
            {
                var value = found[i];
                if (IsDuplicate(found, i))
                {
                    continue;
                }

                var properties = redactable && value.IsWholeArgument ? Redactable : null;
                context.Report(Rule, value.Reported.Syntax.GetLocation(), null, properties, value.Value.Syntax.ToString(), value.Reason);
            }
        }

        // One diagnostic per place: a local that carries both a password and a token is reported once.
        private static bool IsDuplicate(List<SensitiveValue> found, int index)
        {
            var span = found[index].Reported.Syntax.Span;
            for (var j = 0; j < index; j++)
            {
                if (found[j].Reported.Syntax.Span == span)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsException(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, exception))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
