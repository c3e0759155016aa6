using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>
/// Every endpoint of a compilation — MVC/API actions, Razor Pages handlers, minimal APIs (groups included), SignalR
/// hubs and routable Blazor components — with its route, HTTP methods, effective authorization and effective
/// antiforgery. Discovery is <see cref="MvcEndpointDiscovery"/> and <see cref="EndpointBuilderFlow"/>, the same as
/// PK3002 and PK3006; the compilation-wide facts are read as those rules read them (<see cref="EndpointFacts"/>).
/// </summary>
internal static class EndpointInventory
{
    private static readonly string[] MapMethods = { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map" };

    /// <summary>The endpoints of <paramref name="compilation"/>, sorted by file and position; empty without ASP.NET Core.</summary>
    public static ImmutableArray<Endpoint> Build(Compilation compilation, CancellationToken cancellationToken)
    {
        if (!AuthorizationSymbols.TryCreate(compilation, out var symbols))
        {
            return ImmutableArray<Endpoint>.Empty;
        }

        var builder = new Builder(compilation, symbols, new AntiforgerySymbols(compilation));
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Collect(tree, cancellationToken);
        }

        return builder.Finish(cancellationToken);
    }

    private sealed class Builder
    {
        private readonly Compilation _compilation;
        private readonly AuthorizationSymbols _symbols;
        private readonly AntiforgerySymbols _antiforgery;
        private readonly INamedTypeSymbol? _hub;
        private readonly INamedTypeSymbol? _componentRoute;
        private readonly INamedTypeSymbol? _componentBase;
        private readonly EndpointFacts _facts = new();
        private readonly HashSet<INamedTypeSymbol> _controllers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _pages = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _components = new(SymbolEqualityComparer.Default);
        private readonly List<IInvocationOperation> _maps = new();
        private readonly List<IInvocationOperation> _hubMaps = new();

        public Builder(Compilation compilation, AuthorizationSymbols symbols, AntiforgerySymbols antiforgery)
        {
            _compilation = compilation;
            _symbols = symbols;
            _antiforgery = antiforgery;
            _hub = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.SignalR.Hub");
            _componentRoute = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Components.RouteAttribute");
            _componentBase = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Components.IComponent");
        }

        public void Collect(SyntaxTree tree, CancellationToken cancellationToken)
        {
#pragma warning disable RS1030 // not an analyzer callback: the review tool builds the inventory once per compilation
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case ClassDeclarationSyntax declaration:
                        if (model.GetDeclaredSymbol(declaration, cancellationToken) is { } type)
                        {
                            CollectType(type);
                        }

                        break;
                    case InvocationExpressionSyntax:
                        if (model.GetOperation(node, cancellationToken) is IInvocationOperation invocation)
                        {
                            CollectInvocation(invocation);
                        }

                        break;
                    case AssignmentExpressionSyntax when node.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        if (model.GetOperation(node, cancellationToken) is ISimpleAssignmentOperation assignment)
                        {
                            _facts.Record(assignment, _symbols);
                        }

                        break;
                }
            }
        }

        public ImmutableArray<Endpoint> Finish(CancellationToken cancellationToken)
        {
            var result = new List<Endpoint>();
            foreach (var controller in _controllers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddController(controller, result);
            }

            foreach (var page in _pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddPage(page, result);
            }

            foreach (var map in _maps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddMinimal(map, result);
            }

            foreach (var map in _hubMaps)
            {
                AddHub(map, result);
            }

            foreach (var component in _components)
            {
                AddComponent(component, result);
            }

            result.Sort(static (a, b) =>
            {
                var byFile = string.CompareOrdinal(a.Location.GetMappedLineSpan().Path, b.Location.GetMappedLineSpan().Path);
                return byFile != 0 ? byFile : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });
            return result.ToImmutableArray();
        }

        private void CollectType(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract)
            {
                return;
            }

            if ((_symbols.ControllerBase is not null || _symbols.ControllerAttribute is not null) && MvcEndpointDiscovery.IsController(type, _symbols))
            {
                _controllers.Add(type);
            }
            else if (_symbols.PageModel is not null && MvcEndpointDiscovery.IsPageModel(type, _symbols))
            {
                _pages.Add(type);
            }
            else if (_componentRoute is not null && AuthorizationSymbols.Implements(type, _componentBase) && ComponentRoutes(type).Count > 0)
            {
                _components.Add(type);
            }
        }

        private void CollectInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.EndpointRouteBuilderExtensions))
            {
                if (Array.IndexOf(MapMethods, method.Name) >= 0)
                {
                    _maps.Add(invocation);
                }

                return;
            }

            if (method.Name == "MapHub" && method.IsGenericMethod && method.TypeArguments.Length == 1)
            {
                _hubMaps.Add(invocation);
                return;
            }

            _facts.Record(invocation, _symbols, _antiforgery);
        }

        private void AddController(INamedTypeSymbol controller, List<Endpoint> result)
        {
            var classProtection = HierarchyProtection(controller, _symbols.ControllerBase, out var protectingClass);
            var classPolicy = _antiforgery.HierarchyPolicy(controller, _symbols.ControllerBase);
            var api = _antiforgery.IsApi(controller, _symbols);
            foreach (var action in MvcEndpointDiscovery.Actions(controller, _symbols))
            {
                if (action.Locations.IsEmpty || !action.Locations[0].IsInSource)
                {
                    continue;
                }

                var roles = new List<string>();
                var policies = new List<string>();
                for (var current = (INamedTypeSymbol?)controller; current is not null && !SymbolEqualityComparer.Default.Equals(current, _symbols.ControllerBase); current = current.BaseType)
                {
                    ConventionNames.FromAttributes(current.GetAttributes(), _symbols, roles, policies);
                }

                var methodProtection = MethodProtection(action, roles, policies);
                var protection = AuthorizationSymbols.Combine(classProtection, methodProtection);
                string source;
                if (protection == Protection.Anonymous)
                {
                    source = methodProtection == Protection.Anonymous ? "[AllowAnonymous] on " + action.Name : "[AllowAnonymous] on " + protectingClass;
                }
                else if (protection == Protection.Authorized)
                {
                    source = methodProtection == Protection.Authorized ? "[Authorize] on " + action.Name : "[Authorize] on " + protectingClass;

                    // PK3002: a policy whose only requirement is an assertion returning true admits anonymous callers.
                    if (_facts.ControllersAuthorized is null && !_facts.GlobalAuthorizationFilter
                        && EndpointAuthorizationCalls.PolicyNamesOnly(controller, _symbols.ControllerBase, action, _symbols) is { } named
                        && _facts.AdmitEveryone(named, inline: false))
                    {
                        protection = Protection.None;
                        source = "policy " + string.Join(", ", named) + " admits everyone";
                    }
                }
                else
                {
                    source = Global(_facts.ControllersAuthorized, "MapControllers().RequireAuthorization()", policies, out protection);
                }

                var verbs = MvcEndpointDiscovery.ActionVerbs(action, _symbols);
                var actionPolicy = _antiforgery.MethodPolicy(action);
                var policy = actionPolicy != AntiforgeryPolicy.None ? actionPolicy : classPolicy;
                var where = actionPolicy != AntiforgeryPolicy.None ? action.Name : controller.Name;
                result.Add(new Endpoint(
                    EndpointKind.Action,
                    string.Join(", ", MvcEndpointDiscovery.ActionRoutes(controller, action, _symbols)),
                    ImmutableArray.CreateRange(verbs),
                    controller.Name + "." + action.Name,
                    action.Locations[0],
                    DeclarationOf(action),
                    Authorization(protection, source, roles, policies),
                    MvcAntiforgery(verbs, policy, where, api, ExemptAction(controller, action))));
            }
        }

        private void AddPage(INamedTypeSymbol pageModel, List<Endpoint> result)
        {
            if (pageModel.Locations.IsEmpty || !pageModel.Locations[0].IsInSource)
            {
                return;
            }

            var roles = new List<string>();
            var policies = new List<string>();
            for (var current = (INamedTypeSymbol?)pageModel; current is not null && !SymbolEqualityComparer.Default.Equals(current, _symbols.PageModel); current = current.BaseType)
            {
                ConventionNames.FromAttributes(current.GetAttributes(), _symbols, roles, policies);
            }

            // [Authorize] on a page handler is ignored by Razor Pages: only the page model's attributes count.
            var protection = HierarchyProtection(pageModel, _symbols.PageModel, out var protectingClass);
            var page = MvcEndpointDiscovery.PageOf(pageModel);
            string source;
            if (protection != Protection.None)
            {
                source = (protection == Protection.Anonymous ? "[AllowAnonymous] on " : "[Authorize] on ") + protectingClass;
            }
            else
            {
                source = string.Empty;
                foreach (var convention in _facts.PageConventions)
                {
                    if (convention.Covers(page) && convention.Protection >= protection)
                    {
                        protection = convention.Protection;
                        source = convention.Describe();
                        if (convention.Policy is { } conventionPolicy)
                        {
                            ConventionNames.AddDistinct(policies, conventionPolicy);
                        }
                    }
                }

                if (protection == Protection.None)
                {
                    source = Global(_facts.PagesAuthorized, "MapRazorPages().RequireAuthorization()", policies, out protection);
                }
            }

            var authorization = Authorization(protection, source, roles, policies);
            var pagePolicy = _antiforgery.HierarchyPolicy(pageModel, _symbols.PageModel);
            var route = string.Join(", ", page.Routes());
            var handlers = 0;
            foreach (var method in MvcEndpointDiscovery.PageMethods(pageModel, _symbols))
            {
                if (!MvcEndpointDiscovery.TryParseHandler(method.Name, out var verb) || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
                {
                    continue;
                }

                handlers++;
                result.Add(new Endpoint(
                    EndpointKind.PageHandler,
                    route,
                    ImmutableArray.Create(verb),
                    page.DisplayName + " " + method.Name,
                    method.Locations[0],
                    DeclarationOf(method),
                    authorization,
                    PageAntiforgery(verb, pagePolicy, pageModel.Name)));
            }

            if (handlers == 0)
            {
                // A page without handlers still renders on GET.
                result.Add(new Endpoint(
                    EndpointKind.PageHandler, route, ImmutableArray.Create("GET"), page.DisplayName, pageModel.Locations[0],
                    pageModel.Locations[0], authorization, PageAntiforgery("GET", pagePolicy, pageModel.Name)));
            }
        }

        private void AddMinimal(IInvocationOperation map, List<Endpoint> result)
        {
            var verbs = MinimalVerbs(map);
            var pattern = EndpointBuilderFlow.ConstantArgument(map, "pattern");
            var group = EndpointBuilderFlow.Upstream(EndpointBuilderFlow.ReceiverOf(map), _symbols);
            var handler = EndpointBuilderFlow.HandlerOf(map);
            var roles = new List<string>();
            var policies = new List<string>();
            var handlerProtection = Protection.None;
            if (handler is not null)
            {
                handlerProtection = _symbols.ProtectionOf(handler.GetAttributes());
                ConventionNames.FromAttributes(handler.GetAttributes(), _symbols, roles, policies);
            }

            ConventionNames.Collect(map, roles, policies);
            var downstream = EndpointBuilderFlow.Downstream(map, _symbols);
            var prefix = group.Prefix;
            var groupProtection = group.Protection;
            if (group.RootParameter is { } parameter)
            {
                var resolved = _facts.Resolve(parameter, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default));
                groupProtection = AuthorizationSymbols.Combine(groupProtection, resolved.Protection);
                prefix = EndpointBuilderFlow.JoinRoute(resolved.Prefix, prefix);
            }

            var protection = AuthorizationSymbols.Combine(AuthorizationSymbols.Combine(downstream, handlerProtection), groupProtection);
            string source;
            var admitted = new List<string>();
            if (protection == Protection.Authorized && handlerProtection == Protection.None
                && EndpointAuthorizationCalls.TryPolicyOnly(map, admitted, out var inline) && _facts.AdmitEveryone(admitted, inline))
            {
                // PK3002: RequireAuthorization(p => p.RequireAssertion(_ => true)) or a named policy like it admits anyone.
                protection = Protection.None;
                source = "RequireAuthorization with a policy that admits everyone";
            }
            else if (protection != Protection.None)
            {
                var verb = protection == Protection.Anonymous ? "AllowAnonymous" : "RequireAuthorization";
                source = handlerProtection == protection ? (protection == Protection.Anonymous ? "[AllowAnonymous]" : "[Authorize]") + " on the handler"
                    : downstream == protection ? "." + verb + "() on the endpoint"
                    : "." + verb + "() on group " + (prefix ?? "(builder parameter)");
            }
            else
            {
                source = Global(null, string.Empty, policies, out protection);
            }

            var route = EndpointBuilderFlow.JoinRoute(prefix, pattern)
                ?? EndpointBuilderFlow.JoinRoute(prefix, EndpointBuilderFlow.Argument(map, "pattern")?.Syntax.ToString())
                ?? "?";
            if (!route.StartsWith("/", StringComparison.Ordinal) && route != "?")
            {
                route = "/" + route;
            }

            result.Add(new Endpoint(
                EndpointKind.MinimalApi,
                route,
                verbs,
                (verbs.IsEmpty ? "MAP" : string.Join(",", verbs)) + " " + route + (handler is { MethodKind: MethodKind.Ordinary } named ? " → " + named.ContainingType.Name + "." + named.Name : string.Empty),
                map.Syntax.GetLocation(),
                map.Syntax.GetLocation(),
                Authorization(protection, source, roles, policies),
                MinimalAntiforgery(map, verbs, handler)));
        }

        private void AddHub(IInvocationOperation map, List<Endpoint> result)
        {
            var hub = map.TargetMethod.TypeArguments[0] as INamedTypeSymbol;
            if (hub is null || (_hub is not null && !AuthorizationSymbols.InheritsFrom(hub, _hub)))
            {
                return;
            }

            var roles = new List<string>();
            var policies = new List<string>();
            var classProtection = HierarchyProtection(hub, _hub, out var protectingClass);
            for (var current = (INamedTypeSymbol?)hub; current is not null && !SymbolEqualityComparer.Default.Equals(current, _hub); current = current.BaseType)
            {
                ConventionNames.FromAttributes(current.GetAttributes(), _symbols, roles, policies);
            }

            ConventionNames.Collect(map, roles, policies);
            var group = EndpointBuilderFlow.Upstream(EndpointBuilderFlow.ReceiverOf(map), _symbols);
            var conventions = AuthorizationSymbols.Combine(EndpointBuilderFlow.Downstream(map, _symbols), group.Protection);
            var protection = AuthorizationSymbols.Combine(classProtection, conventions);
            string source;
            if (protection == Protection.None)
            {
                source = Global(null, string.Empty, policies, out protection);
            }
            else
            {
                source = classProtection == protection ? (protection == Protection.Anonymous ? "[AllowAnonymous] on " : "[Authorize] on ") + protectingClass
                    : (protection == Protection.Anonymous ? ".AllowAnonymous()" : ".RequireAuthorization()") + " on MapHub";
            }

            var pattern = EndpointBuilderFlow.ConstantArgument(map, "pattern") ?? "?";
            var route = EndpointBuilderFlow.JoinRoute(group.Prefix, pattern) ?? pattern;
            var declaration = hub.Locations.IsEmpty || !hub.Locations[0].IsInSource ? map.Syntax.GetLocation() : hub.Locations[0];
            result.Add(new Endpoint(
                EndpointKind.Hub,
                route.StartsWith("/", StringComparison.Ordinal) || route == "?" ? route : "/" + route,
                ImmutableArray<string>.Empty,
                "hub " + hub.Name,
                map.Syntax.GetLocation(),
                declaration,
                Authorization(protection, source, roles, policies),
                new EndpointAntiforgery(AntiforgeryKind.NotApplicable, "SignalR hub (negotiate and WebSocket/long-polling transport)")));
        }

        private void AddComponent(INamedTypeSymbol component, List<Endpoint> result)
        {
            var roles = new List<string>();
            var policies = new List<string>();
            ConventionNames.FromAttributes(component.GetAttributes(), _symbols, roles, policies);
            var protection = _symbols.ProtectionOf(component.GetAttributes());
            var source = protection == Protection.None
                ? Global(null, string.Empty, policies, out protection)
                : (protection == Protection.Anonymous ? "[AllowAnonymous] on " : "[Authorize] on ") + component.Name;
            var location = component.Locations.IsEmpty ? Location.None : component.Locations[0];
            var declaration = location;
            if (location.SourceTree is { } tree && RazorGeneratedCode.Is(tree) && RazorGeneratedCode.MarkupFileOf(tree) is { } markup)
            {
                // A .razor component is its markup file: shown at its first line, and everything in it belongs to it.
                location = Location.Create(markup, default, new LinePositionSpan(default, default));
                declaration = Location.Create(markup, default, new LinePositionSpan(default, new LinePosition(int.MaxValue / 2, 0)));
            }

            result.Add(new Endpoint(
                EndpointKind.Component,
                string.Join(", ", ComponentRoutes(component)),
                ImmutableArray.Create("GET"),
                "component " + component.Name,
                location,
                declaration,
                Authorization(protection, source, roles, policies),
                new EndpointAntiforgery(AntiforgeryKind.NotApplicable, "GET (forms posted by components are validated by UseAntiforgery)")));
        }

        // The fallback policy, a global AuthorizeFilter or a MapControllers()/MapRazorPages() convention cover an
        // endpoint that states nothing itself.
        private string Global(List<string>? mapped, string mappedName, List<string> policies, out Protection protection)
        {
            protection = Protection.Authorized;
            if (mapped is not null)
            {
                foreach (var policy in mapped)
                {
                    ConventionNames.AddDistinct(policies, policy);
                }

                return mappedName;
            }

            if (_facts.GlobalAuthorizationFilter && mappedName.Length > 0)
            {
                return "global authorization filter";
            }

            if (_facts.FallbackPolicy)
            {
                return "fallback policy";
            }

            protection = Protection.None;
            return "no [Authorize], no RequireAuthorization, no fallback policy";
        }

        private static EndpointAuthorization Authorization(Protection protection, string source, List<string> roles, List<string> policies)
        {
            var kind = protection switch
            {
                Protection.Anonymous => AuthorizationKind.AllowAnonymous,
                Protection.Authorized => AuthorizationKind.Authorized,
                _ => AuthorizationKind.Anonymous,
            };
            return kind == AuthorizationKind.Authorized
                ? new EndpointAuthorization(kind, source, ConventionNames.Sorted(roles), ConventionNames.Sorted(policies))
                : new EndpointAuthorization(kind, source, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);
        }

        // PK3006's per-endpoint exemptions: bearer-only authorization, a JSON-only body.
        private string? ExemptAction(INamedTypeSymbol controller, IMethodSymbol action)
        {
            if (_facts.IsBearerOnly(AntiforgeryExemptions.ActionAuthentication(controller, _symbols.ControllerBase, action, _symbols.AuthorizeData)))
            {
                return "bearer-only authorization";
            }

            var apiController = false;
            for (var current = (INamedTypeSymbol?)controller; current is not null && !apiController; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    apiController |= AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, _symbols.ApiControllerAttribute);
                }
            }

            return !_facts.CustomInputFormatters && AntiforgeryExemptions.IsJsonOnly(action, controller, apiController) ? "JSON-only body" : null;
        }

        private EndpointAntiforgery MvcAntiforgery(List<string> verbs, AntiforgeryPolicy policy, string where, bool api, string? exempt)
        {
            if (policy == AntiforgeryPolicy.ValidateAll)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Validated, "[ValidateAntiForgeryToken] on " + where);
            }

            if (verbs.Count > 0 && !verbs.Exists(MvcEndpointDiscovery.IsStateChanging))
            {
                return new EndpointAntiforgery(_facts.GlobalValidateAll ? AntiforgeryKind.Validated : AntiforgeryKind.NotApplicable,
                    _facts.GlobalValidateAll ? "global ValidateAntiForgeryToken filter" : string.Join(", ", verbs) + " only");
            }

            if (exempt is not null)
            {
                return new EndpointAntiforgery(AntiforgeryKind.NotApplicable, exempt);
            }

            switch (policy)
            {
                case AntiforgeryPolicy.Ignore:
                    return new EndpointAntiforgery(AntiforgeryKind.Ignored, "[IgnoreAntiforgeryToken] on " + where);
                case AntiforgeryPolicy.ValidateUnsafe:
                    return new EndpointAntiforgery(AntiforgeryKind.Validated, "[AutoValidateAntiforgeryToken] on " + where);
            }

            if (_facts.GlobalIgnore)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Ignored, "global IgnoreAntiforgeryToken filter");
            }

            if (_facts.GlobalValidate)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Validated, "global antiforgery filter");
            }

            if (_facts.BearerOnly || (api && !_facts.AmbientCredentials))
            {
                return new EndpointAntiforgery(AntiforgeryKind.NotApplicable, api ? "API controller without cookie authentication" : "bearer-token authentication only");
            }

            return new EndpointAntiforgery(AntiforgeryKind.Missing, verbs.Count == 0 ? "accepts any method; no antiforgery attribute or global filter" : "no antiforgery attribute or global filter");
        }

        private EndpointAntiforgery PageAntiforgery(string verb, AntiforgeryPolicy policy, string pageModel)
        {
            if (!MvcEndpointDiscovery.IsStateChanging(verb))
            {
                return policy == AntiforgeryPolicy.ValidateAll || _facts.GlobalValidateAll
                    ? new EndpointAntiforgery(AntiforgeryKind.Validated, "ValidateAntiForgeryToken")
                    : new EndpointAntiforgery(AntiforgeryKind.NotApplicable, verb + " only");
            }

            if (policy == AntiforgeryPolicy.Ignore)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Ignored, "[IgnoreAntiforgeryToken] on " + pageModel);
            }

            return _facts.GlobalIgnore
                ? new EndpointAntiforgery(AntiforgeryKind.Ignored, "global IgnoreAntiforgeryToken filter")
                : new EndpointAntiforgery(AntiforgeryKind.Validated, "Razor Pages default");
        }

        private EndpointAntiforgery MinimalAntiforgery(IInvocationOperation map, ImmutableArray<string> verbs, IMethodSymbol? handler)
        {
            if (!verbs.IsEmpty && !AnyStateChanging(verbs))
            {
                return new EndpointAntiforgery(AntiforgeryKind.NotApplicable, string.Join(", ", verbs) + " only");
            }

            if (handler is null || !_antiforgery.BindsForm(handler))
            {
                // Minimal APIs validate antiforgery only for form binding; JSON bodies need a CORS preflight instead.
                return new EndpointAntiforgery(AntiforgeryKind.NotApplicable, "no form binding");
            }

            if (_facts.IsBearerOnly(AntiforgeryExemptions.MinimalAuthentication(map, handler, _symbols.AuthorizeData)))
            {
                return new EndpointAntiforgery(AntiforgeryKind.NotApplicable, "bearer-only authorization");
            }

            if (_antiforgery.PolicyOf(handler.GetAttributes()) == AntiforgeryPolicy.Ignore)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Ignored, "[IgnoreAntiforgeryToken] on the handler");
            }

            if (EndpointBuilderFlow.HasConvention(map, "DisableAntiforgery", _symbols)
                || EndpointBuilderFlow.HasUpstreamConvention(EndpointBuilderFlow.ReceiverOf(map), "DisableAntiforgery", _symbols))
            {
                return new EndpointAntiforgery(AntiforgeryKind.Ignored, "DisableAntiforgery()");
            }

            if (_facts.AntiforgeryMiddleware)
            {
                return new EndpointAntiforgery(AntiforgeryKind.Validated, "form binding with antiforgery middleware");
            }

            return _facts.BearerOnly
                ? new EndpointAntiforgery(AntiforgeryKind.NotApplicable, "bearer-token authentication only")
                : new EndpointAntiforgery(AntiforgeryKind.Missing, "form binding without UseAntiforgery()/AddAntiforgery()");
        }

        private static bool AnyStateChanging(ImmutableArray<string> verbs)
        {
            foreach (var verb in verbs)
            {
                if (MvcEndpointDiscovery.IsStateChanging(verb))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<string> MinimalVerbs(IInvocationOperation map)
        {
            switch (map.TargetMethod.Name)
            {
                case "MapGet": return ImmutableArray.Create("GET");
                case "MapPost": return ImmutableArray.Create("POST");
                case "MapPut": return ImmutableArray.Create("PUT");
                case "MapDelete": return ImmutableArray.Create("DELETE");
                case "MapPatch": return ImmutableArray.Create("PATCH");
                case "MapMethods":
                    break;
                default:
                    return ImmutableArray<string>.Empty;
            }

            var verbs = ImmutableArray.CreateBuilder<string>();
            if (EndpointBuilderFlow.Argument(map, "httpMethods") is IArrayCreationOperation { Initializer: { } items })
            {
                foreach (var item in items.ElementValues)
                {
                    if (item.ConstantValue is { HasValue: true, Value: string verb })
                    {
                        verbs.Add(verb.ToUpperInvariant());
                    }
                }
            }

            return verbs.ToImmutable();
        }

        private List<string> ComponentRoutes(INamedTypeSymbol component)
        {
            var routes = new List<string>();
            foreach (var attribute in component.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _componentRoute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].ValueOrNull() is string template)
                {
                    routes.Add(template);
                }
            }

            return routes;
        }

        private Protection HierarchyProtection(INamedTypeSymbol type, INamedTypeSymbol? stopAt, out string protectingClass)
        {
            var result = Protection.None;
            protectingClass = type.Name;
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, stopAt); current = current.BaseType)
            {
                var own = _symbols.ProtectionOf(current.GetAttributes());
                if (own > result)
                {
                    result = own;
                    protectingClass = current.Name;
                }
            }

            return result;
        }

        private Protection MethodProtection(IMethodSymbol method, List<string> roles, List<string> policies)
        {
            var result = Protection.None;
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                result = AuthorizationSymbols.Combine(result, _symbols.ProtectionOf(current.GetAttributes()));
                ConventionNames.FromAttributes(current.GetAttributes(), _symbols, roles, policies);
            }

            return result;
        }

        private static Location DeclarationOf(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.IsEmpty ? method.Locations[0] : method.DeclaringSyntaxReferences[0].GetSyntax().GetLocation();
    }
}
