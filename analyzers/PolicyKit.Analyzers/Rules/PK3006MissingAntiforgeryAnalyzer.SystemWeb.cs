using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK3006 over ASP.NET MVC 5 (<see cref="LegacyMvcEndpoints"/>): an action answering POST/PUT/DELETE/PATCH without
/// <c>[ValidateAntiForgeryToken]</c> on the action or its controller hierarchy and without a
/// <c>ValidateAntiForgeryTokenAttribute</c> global filter. MVC 5 has no automatic validation, so nothing else protects
/// it. Web API 2 controllers are not judged: they have no antiforgery filter and usually take bearer tokens.
/// </summary>
public sealed partial class PK3006MissingAntiforgeryAnalyzer
{
    private static void RegisterSystemWeb(CompilationStartAnalysisContext start)
    {
        if (WellKnownTypes.Get(start.Compilation, "System.Web.HttpContext") is null
            && WellKnownTypes.Get(start.Compilation, "System.Web.Mvc.Controller") is null)
        {
            return;
        }

        var legacy = new LegacyActions();
        start.RegisterSymbolAction(legacy.AnalyzeType, SymbolKind.NamedType);
        start.RegisterSyntaxNodeAction(legacy.AnalyzeInvocation, SyntaxKind.InvocationExpression);
        start.RegisterCompilationEndAction(legacy.ReportAtEnd);
    }

    private sealed class LegacyActions
    {
        private readonly ConcurrentQueue<IMethodSymbol> _candidates = new();
        private int _global;

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (LegacyMvcEndpoints.KindOf(type) != LegacyControllerKind.Mvc || LegacyMvcEndpoints.HasAttribute(type, "ValidateAntiForgeryToken"))
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && LegacyMvcEndpoints.IsAction(method)
                    && LegacyMvcEndpoints.IsStateChanging(method, LegacyControllerKind.Mvc)
                    && !LegacyMvcEndpoints.HasAttribute(method, "ValidateAntiForgeryToken"))
                {
                    _candidates.Enqueue(method);
                }
            }
        }

        public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (LegacyMvcEndpoints.GlobalFilter(invocation, context.SemanticModel, out var filter, out var name, context.CancellationToken) == LegacyControllerKind.Mvc
                && LegacyMvcEndpoints.FilterIs(filter, name, "ValidateAntiForgeryToken"))
            {
                Interlocked.Exchange(ref _global, 1);
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            if (Volatile.Read(ref _global) != 0)
            {
                return;
            }

            foreach (var action in _candidates)
            {
                var reason = new LocalizableResourceString("PK3006ReasonMissing", Resources.ResourceManager, typeof(Resources));
                context.Report(Rule, action.Locations[0], action, null, null, action.ContainingType.Name + "." + action.Name, reason);
            }
        }
    }
}
