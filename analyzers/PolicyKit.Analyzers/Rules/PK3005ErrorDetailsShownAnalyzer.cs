using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3005: developer pages, detailed errors or exception text shown to users outside Development (MIC-39).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK3005ErrorDetailsShownAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.ErrorDetailsShown, RuleCategory.ErrorHandling, DiagnosticSeverity.Warning,
        cwe: new[] { 209 }, controls: new[] { "MIC-39" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        if (!ErrorDetailSymbols.TryCreate(start.Compilation, out var symbols))
        {
            return;
        }

        start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ErrorDetailSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            // MIC-39: the developer exception page and EF Core's database error page show stack traces and SQL.
            case "UseDeveloperExceptionPage":
            case "UseDatabaseErrorPage":
            case "UseMigrationsEndPoint":
                if (method.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder" && !EnvironmentGuard.IsDevelopmentOnly(invocation))
                {
                    context.Report(Rule, invocation.Syntax.GetLocation(), method.Name);
                }

                return;

            // builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true")
            case "UseSetting":
                if (IsDetailedErrorsSetting(invocation) && !EnvironmentGuard.IsDevelopmentOnly(invocation))
                {
                    context.Report(Rule, invocation.Syntax.GetLocation(), "detailedErrors");
                }

                return;
        }

        if (!symbols.IsResponseSink(method))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && symbols.IsSinkParameter(method, parameter))
            {
                ReportDetail(context, symbols, argument.Value);
            }
        }
    }

    private static bool IsDetailedErrorsSetting(IInvocationOperation invocation)
    {
        string? key = null;
        foreach (var argument in invocation.Arguments)
        {
            // WebHostDefaults.DetailedErrorsKey is a static readonly field, not a constant.
            var value = EndpointBuilderFlow.Unwrap(argument.Value);
            var text = value.ConstantValue is { HasValue: true, Value: string constant } ? constant
                : value is IFieldReferenceOperation { Field.Name: "DetailedErrorsKey" } ? "detailedErrors" : null;
            if (text is null)
            {
                continue;
            }

            if (key is null)
            {
                key = text;
            }
            else
            {
                return string.Equals(key, "detailedErrors", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    // new ObjectResult(ex.Message), new BadRequestObjectResult(new { error = ex.Message }), new JsonResult(ex)
    private static void AnalyzeCreation(OperationAnalysisContext context, ErrorDetailSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (ErrorDetailSymbols.IsClientVisibleException(creation.Type))
        {
            // MIC-39: throw new HubException(ex.Message) sends the text to the client even without detailed errors.
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String })
                {
                    ReportDetail(context, symbols, argument.Value);
                }
            }

            return;
        }

        if (!symbols.IsResultType(creation.Type))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            ReportDetail(context, symbols, argument.Value);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ErrorDetailSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation property:
                if (symbols.DetailedErrorsSwitch(property.Property) is { } name)
                {
                    if (EndpointBuilderFlow.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: true } && !EnvironmentGuard.IsDevelopmentOnly(assignment))
                    {
                        context.Report(Rule, assignment.Syntax.GetLocation(), name);
                    }
                }
                else if (symbols.IsShownProperty(property))
                {
                    ReportDetail(context, symbols, assignment.Value);
                }

                break;

            // ViewBag.Error = ex.Message
            case IDynamicMemberReferenceOperation { Instance: IPropertyReferenceOperation { Property.Name: "ViewBag" } }:
                ReportDetail(context, symbols, assignment.Value);
                break;
        }
    }

    private static void ReportDetail(OperationAnalysisContext context, ErrorDetailSymbols symbols, IOperation value)
    {
        if (ExceptionDetailFlow.Find(value, symbols.Exception, symbols.ProblemDetails) is not { } detail
            || EnvironmentGuard.IsDevelopmentOnly(value))
        {
            return;
        }

        // Point at the exception detail when it is written in the value itself, else at the value that carries it.
        var location = value.Syntax.Span.Contains(detail.Syntax.Span) ? detail.Syntax.GetLocation() : value.Syntax.GetLocation();
        context.Report(Rule, location, detail.Syntax.ToString());
    }
}
