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
        private readonly LoggedParameters loggedParameters = new();

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
                AnalyzeHelperCall(context, invocation);
                return;
            }

            var holes = TemplateHoles(invocation, out var templateOrdinal);
            var destructureAll = DestructuresObjects(invocation);
            var valueIndex = 0;
            var found = new List<SensitiveValue>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter
                    || (method.IsExtensionMethod && parameter.Ordinal == 0)
                    || IsException(parameter.Type))
                {
                    continue;
                }

                // params object[] args: one value per template hole, in order ({@Request} destructures its value).
                if (parameter.IsParams && argument.Value is IArrayCreationOperation { Initializer: { } values })
                {
                    foreach (var element in values.ElementValues)
                    {
                        found.Clear();
                        finder.Find(element, Rendering(holes, valueIndex++, destructureAll), found, context.CancellationToken);
                        ReportAll(context, found, ObjectTyped(parameter));
                    }

                    continue;
                }

                var rendering = destructureAll ? ObjectRendering.Members : ObjectRendering.Text;
                if (IsLoggerMessage(method))
                {
                    rendering = holes is not null && MessageTemplatePlaceholders.DestructuresNamed(holes, parameter.Name) ? ObjectRendering.Members : ObjectRendering.Text;
                }
                else if (templateOrdinal >= 0 && parameter.Ordinal > templateOrdinal)
                {
                    rendering = Rendering(holes, valueIndex++, destructureAll);
                }

                found.Clear();
                finder.Find(argument.Value, rendering, found, context.CancellationToken);
                ReportAll(context, found, ObjectTyped(parameter));
            }
        }

        // MIC-95 through a helper: Audit(logger, "rotated", newApiKey) where Audit logs its detail parameter.
        private void AnalyzeHelperCall(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.IsEmpty || invocation.Arguments.IsEmpty)
            {
                return;
            }

            var logged = loggedParameters.Of(method, context.CancellationToken);
            if (logged.Count == 0)
            {
                return;
            }

            var found = new List<SensitiveValue>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && logged.Contains(parameter.Ordinal) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    found.Clear();
                    finder.Find(argument.Value, found, context.CancellationToken);
                    ReportAll(context, found, redactable: false);
                }
            }
        }

        private static ObjectRendering Rendering(List<MessageTemplatePlaceholders.Hole>? holes, int index, bool destructureAll) =>
            destructureAll || (holes is not null && index < holes.Count && holes[index].Destructures) ? ObjectRendering.Members : ObjectRendering.Text;

        // The constant template of a structured-logging call (message, messageTemplate, or [LoggerMessage(Message = …)]).
        private List<MessageTemplatePlaceholders.Hole>? TemplateHoles(IInvocationOperation invocation, out int templateOrdinal)
        {
            templateOrdinal = -1;
            if (IsLoggerMessage(invocation.TargetMethod))
            {
                var definition = invocation.TargetMethod.PartialDefinitionPart ?? invocation.TargetMethod;
                foreach (var attribute in definition.GetAttributes())
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "Message" && named.Value.ValueOrNull() is string message)
                        {
                            return MessageTemplatePlaceholders.Parse(message);
                        }
                    }

                    foreach (var constructorArgument in attribute.ConstructorArguments)
                    {
                        if (constructorArgument.ValueOrNull() is string message)
                        {
                            return MessageTemplatePlaceholders.Parse(message);
                        }
                    }
                }

                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "message" or "messageTemplate", Type.SpecialType: SpecialType.System_String }
                    && argument.Value.ConstantValue is { HasValue: true, Value: string template })
                {
                    templateOrdinal = argument.Parameter.Ordinal;
                    return MessageTemplatePlaceholders.Parse(template);
                }
            }

            return null;
        }

        private bool IsLoggerMessage(IMethodSymbol method) => sinks.IsLoggerMessageMethod(method);

        // Serilog's ForContext(name, value, destructureObjects: true) and LogContext.PushProperty(name, value, true).
        private static bool DestructuresObjects(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "destructureObjects" } && argument.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLogger(ITypeSymbol type) =>
            type.Name is "ILogger" or "ILoggerFactory" && type.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Logging" or "Serilog";

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
