using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK3002 over ASP.NET MVC 5 and Web API 2 (<see cref="LegacyMvcEndpoints"/>): a public action reachable without
/// <c>[Authorize]</c> on the action or its controller hierarchy and without an <c>AuthorizeAttribute</c> global filter
/// (<c>GlobalFilters.Filters</c> for MVC, <c>config.Filters</c> for Web API), or one marked <c>[AllowAnonymous]</c>,
/// unless the policy's anonymous allow-list names it (<c>HomeController.Index</c>, <c>HomeController</c>). Global
/// filters are compilation facts, so everything is decided at compilation end.
/// </summary>
public sealed partial class PK3002EndpointWithoutAuthorizationAnalyzer
{
    private const string LegacyActionKind = "LegacyAction";

    private static void RegisterSystemWeb(CompilationStartAnalysisContext start)
    {
        // A .NET Framework web compilation: System.Web is referenced (MVC/Web API may be unresolved in a review).
        if (WellKnownTypes.Get(start.Compilation, "System.Web.HttpContext") is null
            && WellKnownTypes.Get(start.Compilation, "System.Web.Mvc.Controller") is null
            && WellKnownTypes.Get(start.Compilation, "System.Web.Http.ApiController") is null)
        {
            return;
        }

        var legacy = new LegacyEndpoints(AuthorizationSettings.From(AnalyzerPolicy.Get(start).Policy.AccessControl));
        start.RegisterSymbolAction(legacy.AnalyzeType, SymbolKind.NamedType);
        start.RegisterSyntaxNodeAction(legacy.AnalyzeInvocation, SyntaxKind.InvocationExpression);
        start.RegisterCompilationEndAction(legacy.ReportAtEnd);
    }

    private sealed class LegacyEndpoints
    {
        private readonly AuthorizationSettings _settings;
        private readonly ConcurrentQueue<(IMethodSymbol Action, LegacyControllerKind Kind, bool Anonymous)> _candidates = new();
        private int _mvcGlobal;
        private int _apiGlobal;

        public LegacyEndpoints(AuthorizationSettings settings) => _settings = settings;

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var kind = LegacyMvcEndpoints.KindOf(type);
            if (kind == LegacyControllerKind.None)
            {
                return;
            }

            var classAuthorized = LegacyMvcEndpoints.HasAttribute(type, "Authorize");
            var classAnonymous = LegacyMvcEndpoints.HasAttribute(type, "AllowAnonymous");
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method || !LegacyMvcEndpoints.IsAction(method))
                {
                    continue;
                }

                var authorized = LegacyMvcEndpoints.HasAttribute(method, "Authorize");
                var anonymous = LegacyMvcEndpoints.HasAttribute(method, "AllowAnonymous") || classAnonymous && !authorized;
                if ((authorized || classAuthorized) && !anonymous)
                {
                    continue;
                }

                _candidates.Enqueue((method, kind, anonymous));
            }
        }

        public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var kind = LegacyMvcEndpoints.GlobalFilter(invocation, context.SemanticModel, out var filter, out var name, context.CancellationToken);
            if (kind != LegacyControllerKind.None && LegacyMvcEndpoints.FilterIs(filter, name, "Authorize"))
            {
                Interlocked.Exchange(ref kind == LegacyControllerKind.Mvc ? ref _mvcGlobal : ref _apiGlobal, 1);
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            var mvcGlobal = Volatile.Read(ref _mvcGlobal) != 0;
            var apiGlobal = Volatile.Read(ref _apiGlobal) != 0;
            foreach (var (action, kind, anonymous) in _candidates)
            {
                var covered = kind == LegacyControllerKind.Mvc ? mvcGlobal : apiGlobal;
                if (!anonymous && covered)
                {
                    continue;
                }

                var controller = action.ContainingType.Name;
                var name = controller + "." + action.Name;
                if (_settings.IsAllowListed(null, name, controller) || (anonymous && !_settings.AllowListDeclared))
                {
                    continue;
                }

                // accessControl.stateChangingRequireAuthorization: anonymous writes are errors (MIC-63).
                var error = LegacyMvcEndpoints.IsStateChanging(action, kind) && _settings.StateChangingRequireAuthorization;
                if (!_settings.DenyByDefault && !error)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(KindProperty, LegacyActionKind)
                    .Add(ExplicitAnonymousProperty, anonymous ? "true" : "false");
                context.Report(Rule, action.Locations[0], action, error ? DiagnosticSeverity.Error : null, properties, name);
            }
        }
    }
}
