using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Endpoints;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3002: a controller action, Razor Page or minimal API reachable anonymously outside the policy's allow-list (MN-02, MN-04, MIC-63, A.11.1.1, A.11.6.1).</summary>
/// <remarks>
/// Whether an endpoint without its own <c>[Authorize]</c> is protected depends on facts that usually live in
/// Program.cs (a fallback policy, a global <c>AuthorizeFilter</c>, <c>MapControllers().RequireAuthorization()</c>,
/// Razor Pages conventions), so those endpoints are collected and reported at compilation end. An explicit
/// <c>[AllowAnonymous]</c>/<c>.AllowAnonymous()</c> outside the allow-list needs no global fact: it is reported at
/// once, so the IDE shows it while typing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK3002EndpointWithoutAuthorizationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming what was flagged, for the code fix.</summary>
    internal const string KindProperty = "Kind";

    /// <summary>Diagnostic property set when the endpoint is anonymous on purpose; adding [Authorize] would not help.</summary>
    internal const string ExplicitAnonymousProperty = "ExplicitAnonymous";

    internal const string ActionKind = "Action";
    internal const string PageHandlerKind = "PageHandler";
    internal const string PageKind = "Page";
    internal const string MinimalApiKind = "MinimalApi";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.EndpointWithoutAuthorization, RuleCategory.Authorization, DiagnosticSeverity.Warning,
        cwe: new[] { 862, 306 }, controls: new[] { "MN-02", "MN-04", "MIC-63", "A.11.1.1", "A.11.6.1" },
        reportedAtCompilationEnd: true);

    private static readonly string[] MapVerbs = { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        RegisterSystemWeb(start);
        if (!AuthorizationSymbols.TryCreate(start.Compilation, out var symbols))
        {
            return;
        }

        var facts = new CompilationFacts(symbols, AnalyzerPolicy.Get(start));
        start.RegisterSymbolAction(facts.AnalyzeType, SymbolKind.NamedType);
        start.RegisterOperationAction(facts.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(facts.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterCompilationEndAction(facts.ReportAtEnd);
    }

    private enum CandidateKind
    {
        Controller,
        Page,
        MinimalApi,
    }

    /// <summary>An endpoint with no authorization of its own, decided at compilation end.</summary>
    private sealed class Candidate
    {
        public Candidate(CandidateKind kind, Location location, string name, bool stateChanging, string fixKind)
        {
            Kind = kind;
            Location = location;
            Name = name;
            StateChanging = stateChanging;
            FixKind = fixKind;
        }

        public CandidateKind Kind { get; }

        public Location Location { get; }

        public string Name { get; }

        public bool StateChanging { get; }

        public string FixKind { get; }

        public PageIdentity? Page { get; set; }

        public IParameterSymbol? RootParameter { get; set; }

        public string? Verb { get; set; }

        public string? Route { get; set; }

        public string[] SymbolNames { get; set; } = Array.Empty<string>();

        /// <summary>
        /// For an endpoint whose only authorization names policies: the names, decided at compilation end against the
        /// policies registered with <c>AddPolicy</c>. Empty with <see cref="InlineAdmitsEveryone"/> for an inline policy.
        /// </summary>
        public List<string>? Policies { get; set; }

        /// <summary>The endpoint's inline <c>RequireAuthorization(p =&gt; ...)</c> policies all admit everyone.</summary>
        public bool InlineAdmitsEveryone { get; set; }
    }

    /// <summary>Compilation-wide facts and the endpoints waiting for them.</summary>
    private sealed class CompilationFacts
    {
        private readonly AuthorizationSymbols _symbols;
        private readonly AuthorizationSettings _settings;
        private readonly AnalyzerPolicy _policy;
        private readonly ConcurrentQueue<Candidate> _candidates = new();
        private readonly ConcurrentQueue<PageAuthorizationConvention> _pageConventions = new();
        private readonly ConcurrentDictionary<IParameterSymbol, ConcurrentQueue<BuilderFacts>> _callSites = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<Candidate> _policyCandidates = new();
        private readonly ConcurrentDictionary<string, bool> _policiesAdmittingEveryone = new(StringComparer.Ordinal);
        private int _fallbackPolicy;
        private int _globalAuthorizationFilter;
        private int _controllersAuthorized;
        private int _pagesAuthorized;

        public CompilationFacts(AuthorizationSymbols symbols, AnalyzerPolicy policy)
        {
            _symbols = symbols;
            _policy = policy;
            _settings = AuthorizationSettings.From(policy.Policy.AccessControl);
        }

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsAbstract)
            {
                return;
            }

            if (_symbols.ControllerBase is not null || _symbols.ControllerAttribute is not null)
            {
                if (MvcEndpointDiscovery.IsController(type, _symbols))
                {
                    AnalyzeController(context, type);
                    return;
                }
            }

            if (_symbols.PageModel is not null && MvcEndpointDiscovery.IsPageModel(type, _symbols))
            {
                AnalyzePage(context, type);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var containingType = method.ContainingType;
            if (containingType is null)
            {
                return;
            }

            // AddPolicy("Anyone", p => p.RequireAssertion(_ => true)) on AuthorizationOptions or AuthorizationBuilder.
            if (method.Name == "AddPolicy" && (SymbolEqualityComparer.Default.Equals(containingType, _symbols.AuthorizationOptions)
                || SymbolEqualityComparer.Default.Equals(containingType, _symbols.AuthorizationBuilder)))
            {
                RecordPolicy(invocation);
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(containingType, _symbols.EndpointRouteBuilderExtensions))
            {
                if (Array.IndexOf(MapVerbs, method.Name) >= 0)
                {
                    AnalyzeMinimalEndpoint(context, invocation);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(containingType, _symbols.ControllerEndpoints))
            {
                if (EndpointFacts.IsAuthorizedBuilder(invocation, _symbols))
                {
                    Interlocked.Exchange(ref _controllersAuthorized, 1);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(containingType, _symbols.RazorPagesEndpoints))
            {
                if (method.Name == "MapRazorPages" && EndpointFacts.IsAuthorizedBuilder(invocation, _symbols))
                {
                    Interlocked.Exchange(ref _pagesAuthorized, 1);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(containingType, _symbols.AuthorizationBuilder))
            {
                // AddAuthorizationBuilder().SetFallbackPolicy(policy) / AddFallbackPolicy(name, policy).
                if ((method.Name == "SetFallbackPolicy" && !EndpointFacts.IsNullArgument(invocation)) || method.Name == "AddFallbackPolicy")
                {
                    Interlocked.Exchange(ref _fallbackPolicy, 1);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(containingType, _symbols.PageConventions))
            {
                RecordPageConvention(invocation);
            }
            else if (invocation.Instance?.Type is { } instanceType && AuthorizationSymbols.InheritsFrom(instanceType, _symbols.FilterCollection))
            {
                RecordGlobalFilter(invocation);
            }
            else if (!method.DeclaringSyntaxReferences.IsEmpty)
            {
                RecordBuilderArguments(invocation);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            // AddAuthorization(o => o.FallbackPolicy = ...): a null policy leaves endpoints open.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FallbackPolicy" } property
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.AuthorizationOptions)
                && !EndpointFacts.IsNullConstant(assignment.Value))
            {
                Interlocked.Exchange(ref _fallbackPolicy, 1);
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            var fallback = Volatile.Read(ref _fallbackPolicy) != 0;
            var mvcFilter = Volatile.Read(ref _globalAuthorizationFilter) != 0;
            var controllers = Volatile.Read(ref _controllersAuthorized) != 0;
            var pages = Volatile.Read(ref _pagesAuthorized) != 0;
            var conventions = _pageConventions.ToArray();
            foreach (var candidate in _policyCandidates)
            {
                // MN-02: a policy whose only requirement is an assertion that returns true lets anonymous callers in; the
                // fallback policy does not apply because the endpoint has authorization metadata. A global MVC filter or
                // MapControllers().RequireAuthorization() still adds a real requirement to controllers.
                if (candidate.Kind == CandidateKind.Controller && (mvcFilter || controllers))
                {
                    continue;
                }

                if (candidate.Kind == CandidateKind.Page && (mvcFilter || pages))
                {
                    continue;
                }

                if (AdmitsEveryone(candidate))
                {
                    Report(context.ReportDiagnostic, candidate.Location, candidate.Name, candidate.StateChanging, candidate.FixKind, explicitAnonymous: false);
                }
            }

            foreach (var candidate in _candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                switch (candidate.Kind)
                {
                    case CandidateKind.Controller:
                        if (!fallback && !mvcFilter && !controllers)
                        {
                            Report(context.ReportDiagnostic, candidate.Location, candidate.Name, candidate.StateChanging, candidate.FixKind, explicitAnonymous: false);
                        }

                        break;

                    case CandidateKind.Page:
                        var byConvention = ConventionProtection(conventions, candidate.Page!);
                        if (byConvention == Protection.Anonymous)
                        {
                            Report(context.ReportDiagnostic, candidate.Location, candidate.Name, candidate.StateChanging, candidate.FixKind, explicitAnonymous: true);
                        }
                        else if (byConvention == Protection.None && !fallback && !mvcFilter && !pages)
                        {
                            Report(context.ReportDiagnostic, candidate.Location, candidate.Name, candidate.StateChanging, candidate.FixKind, explicitAnonymous: false);
                        }

                        break;

                    case CandidateKind.MinimalApi:
                        ReportMinimalAtEnd(context, candidate, fallback);
                        break;
                }
            }
        }

        private void ReportMinimalAtEnd(CompilationAnalysisContext context, Candidate candidate, bool fallback)
        {
            var protection = Protection.None;
            string? prefix = null;
            if (candidate.RootParameter is { } parameter)
            {
                (protection, prefix) = Resolve(parameter, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default));
            }

            if (protection == Protection.Authorized || (protection == Protection.None && fallback))
            {
                return;
            }

            var name = candidate.Name;
            if (prefix is not null)
            {
                var route = EndpointBuilderFlow.JoinRoute(prefix, candidate.Route);
                if (_settings.IsAllowListed(route, candidate.SymbolNames))
                {
                    return;
                }

                name = MinimalName(candidate.Verb, route, null);
            }

            Report(context.ReportDiagnostic, candidate.Location, name, candidate.StateChanging, candidate.FixKind, protection == Protection.Anonymous);
        }

        // Every caller of a method that maps endpoints on its builder parameter must pass a protected builder.
        private (Protection Protection, string? Prefix) Resolve(IParameterSymbol parameter, HashSet<IParameterSymbol> visited) =>
            EndpointFacts.ResolveCallers(parameter, visited, p => _callSites.TryGetValue(p, out var sites) ? sites : null);

        private static Protection ConventionProtection(PageAuthorizationConvention[] conventions, PageIdentity page)
        {
            var result = Protection.None;
            foreach (var convention in conventions)
            {
                if (convention.Covers(page))
                {
                    result = AuthorizationSymbols.Combine(result, convention.Protection);
                }
            }

            return result;
        }

        private void AnalyzeController(SymbolAnalysisContext context, INamedTypeSymbol controller)
        {
            var classProtection = HierarchyProtection(controller, _symbols.ControllerBase);
            var controllerNames = new[] { controller.Name, controller.ToDisplayString() };
            foreach (var action in MvcEndpointDiscovery.Actions(controller, _symbols))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var protection = AuthorizationSymbols.Combine(classProtection, MethodProtection(action));
                if (action.Locations.IsEmpty || !action.Locations[0].IsInSource)
                {
                    continue;
                }

                if (protection == Protection.Authorized)
                {
                    if (EndpointAuthorizationCalls.PolicyNamesOnly(controller, _symbols.ControllerBase, action, _symbols) is { } policies
                        && !IsAllowListed(MvcEndpointDiscovery.ActionRoutes(controller, action, _symbols), new[] { controller.Name + "." + action.Name, controller.ToDisplayString() + "." + action.Name, controllerNames[0], controllerNames[1] }))
                    {
                        var verbsOfPolicy = MvcEndpointDiscovery.ActionVerbs(action, _symbols);
                        _policyCandidates.Enqueue(new Candidate(CandidateKind.Controller, action.Locations[0], controller.Name + "." + action.Name,
                            verbsOfPolicy.Exists(MvcEndpointDiscovery.IsStateChanging), ActionKind) { Policies = policies });
                    }

                    continue;
                }

                var verbs = MvcEndpointDiscovery.ActionVerbs(action, _symbols);
                var stateChanging = verbs.Exists(MvcEndpointDiscovery.IsStateChanging);
                var name = controller.Name + "." + action.Name;
                var names = new[] { name, controller.ToDisplayString() + "." + action.Name, controllerNames[0], controllerNames[1] };
                if (IsAllowListed(MvcEndpointDiscovery.ActionRoutes(controller, action, _symbols), names))
                {
                    continue;
                }

                if (protection == Protection.Anonymous)
                {
                    Report(context.ReportDiagnostic, action.Locations[0], name, stateChanging, ActionKind, explicitAnonymous: true);
                }
                else
                {
                    _candidates.Enqueue(new Candidate(CandidateKind.Controller, action.Locations[0], name, stateChanging, ActionKind));
                }
            }
        }

        private void AnalyzePage(SymbolAnalysisContext context, INamedTypeSymbol pageModel)
        {
            // [Authorize] on a page handler is ignored by Razor Pages: only the page model's attributes count.
            var protection = HierarchyProtection(pageModel, _symbols.PageModel);
            if (protection == Protection.Authorized || pageModel.Locations.IsEmpty || !pageModel.Locations[0].IsInSource)
            {
                return;
            }

            var page = MvcEndpointDiscovery.PageOf(pageModel);
            var routes = new List<string>(page.Routes());
            var names = new[] { page.DisplayName, pageModel.Name, pageModel.ToDisplayString() };
            if (IsAllowListed(routes, names))
            {
                return;
            }

            var handlers = 0;
            foreach (var method in MvcEndpointDiscovery.PageMethods(pageModel, _symbols))
            {
                if (!MvcEndpointDiscovery.TryParseHandler(method.Name, out var verb) || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
                {
                    continue;
                }

                handlers++;
                var handlerName = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name;
                AddPageEndpoint(context, page, method.Locations[0], page.DisplayName + " " + handlerName, MvcEndpointDiscovery.IsStateChanging(verb), PageHandlerKind, protection);
            }

            if (handlers == 0)
            {
                // A page without handlers still renders on GET.
                AddPageEndpoint(context, page, pageModel.Locations[0], page.DisplayName, stateChanging: false, PageKind, protection);
            }
        }

        private void AddPageEndpoint(SymbolAnalysisContext context, PageIdentity page, Location location, string name, bool stateChanging, string fixKind, Protection protection)
        {
            if (protection == Protection.Anonymous)
            {
                Report(context.ReportDiagnostic, location, name, stateChanging, fixKind, explicitAnonymous: true);
            }
            else
            {
                _candidates.Enqueue(new Candidate(CandidateKind.Page, location, name, stateChanging, fixKind) { Page = page });
            }
        }

        private void AnalyzeMinimalEndpoint(OperationAnalysisContext context, IInvocationOperation map)
        {
            var (verb, stateChanging) = VerbOf(map);
            var pattern = EndpointBuilderFlow.ConstantArgument(map, "pattern");
            var group = EndpointBuilderFlow.Upstream(EndpointBuilderFlow.ReceiverOf(map), _symbols);
            var handler = HandlerMethod(map, out var handlerProtection);
            var protection = AuthorizationSymbols.Combine(
                AuthorizationSymbols.Combine(EndpointBuilderFlow.Downstream(map, _symbols), handlerProtection),
                group.Protection);
            if (protection == Protection.Authorized)
            {
                if (handlerProtection == Protection.None && MinimalPolicyCandidate(map, verb, stateChanging, pattern, group.Prefix) is { } policyCandidate)
                {
                    _policyCandidates.Enqueue(policyCandidate);
                }

                return;
            }

            var route = EndpointBuilderFlow.JoinRoute(group.Prefix, pattern);
            var symbolNames = handler is null
                ? Array.Empty<string>()
                : new[] { handler.ContainingType.Name + "." + handler.Name, handler.ContainingType.ToDisplayString() + "." + handler.Name };
            if (_settings.IsAllowListed(route, symbolNames))
            {
                return;
            }

            var patternText = pattern is null ? EndpointBuilderFlow.Argument(map, "pattern")?.Syntax.ToString() : null;
            var name = MinimalName(verb, route, patternText);
            var location = map.Syntax.GetLocation();
            if (protection == Protection.Anonymous)
            {
                Report(context.ReportDiagnostic, location, name, stateChanging, MinimalApiKind, explicitAnonymous: true);
                return;
            }

            _candidates.Enqueue(new Candidate(CandidateKind.MinimalApi, location, name, stateChanging, MinimalApiKind)
            {
                RootParameter = group.RootParameter,
                Verb = verb,
                Route = pattern,
                SymbolNames = symbolNames,
            });
        }

        private static string MinimalName(string? verb, string? route, string? patternText)
        {
            var path = route is null ? patternText ?? "?" : route.StartsWith("/", StringComparison.Ordinal) ? route : "/" + route;
            return verb is null ? path : verb + " " + path;
        }

        private static (string? Verb, bool StateChanging) VerbOf(IInvocationOperation map)
        {
            switch (map.TargetMethod.Name)
            {
                case "MapGet": return ("GET", false);
                case "MapPost": return ("POST", true);
                case "MapPut": return ("PUT", true);
                case "MapDelete": return ("DELETE", true);
                case "MapPatch": return ("PATCH", true);
                case "MapMethods":
                    break;
                default:
                    return (null, false);
            }

            if (EndpointBuilderFlow.Argument(map, "httpMethods") is not IArrayCreationOperation { Initializer: { } items })
            {
                return (null, false);
            }

            var verbs = new List<string>();
            var stateChanging = false;
            foreach (var item in items.ElementValues)
            {
                if (item.ConstantValue is { HasValue: true, Value: string verb })
                {
                    verbs.Add(verb.ToUpperInvariant());
                    stateChanging |= MvcEndpointDiscovery.IsStateChanging(verb.ToUpperInvariant());
                }
            }

            return (verbs.Count == 0 ? null : string.Join(",", verbs), stateChanging);
        }

        // app.MapGet("/x", [Authorize] () => ...) and app.MapGet("/x", Handlers.Get) carry the handler's attributes.
        private IMethodSymbol? HandlerMethod(IInvocationOperation map, out Protection protection)
        {
            protection = Protection.None;
            foreach (var argument in map.Arguments)
            {
                if (EndpointBuilderFlow.Unwrap(argument.Value) is not IDelegateCreationOperation creation)
                {
                    continue;
                }

                switch (creation.Target)
                {
                    case IAnonymousFunctionOperation lambda:
                        protection = _symbols.ProtectionOf(lambda.Symbol.GetAttributes());
                        return null;
                    case IMethodReferenceOperation reference:
                        protection = _symbols.ProtectionOf(reference.Method.GetAttributes());
                        return reference.Method;
                }
            }

            return null;
        }

        private void RecordPageConvention(IInvocationOperation invocation)
        {
            if (PageAuthorizationConvention.TryCreate(invocation, out var convention))
            {
                _pageConventions.Enqueue(convention);
            }
        }

        // o.Filters.Add(new AuthorizeFilter(policy)), Filters.Add<ApiKeyAuthorizationFilter>(), Filters.Add(typeof(...)).
        private void RecordGlobalFilter(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("Add" or "AddService" or "Insert"))
            {
                return;
            }

            if (method.IsGenericMethod && method.TypeArguments.Length == 1 && _symbols.IsAuthorizationFilter(method.TypeArguments[0]))
            {
                Interlocked.Exchange(ref _globalAuthorizationFilter, 1);
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                var filterType = EndpointFacts.FilterTypeOf(argument);
                if (filterType is not null && _symbols.IsAuthorizationFilter(filterType))
                {
                    Interlocked.Exchange(ref _globalAuthorizationFilter, 1);
                    return;
                }
            }
        }

        // app.MapGroup("/orders").RequireAuthorization().MapOrderEndpoints(): the callee's builder parameter is protected here.
        private void RecordBuilderArguments(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (EndpointFacts.BuilderParameterOf(argument, _symbols) is not { } parameter)
                {
                    continue;
                }

                var facts = EndpointBuilderFlow.Upstream(argument.Value, _symbols);
                _callSites.GetOrAdd(parameter, static _ => new ConcurrentQueue<BuilderFacts>()).Enqueue(facts);
            }
        }

        // app.MapGroup("/open").RequireAuthorization(p => p.RequireAssertion(_ => true)), or RequireAuthorization("Anyone").
        private Candidate? MinimalPolicyCandidate(IInvocationOperation map, string? verb, bool stateChanging, string? pattern, string? prefix)
        {
            var policies = new List<string>();
            if (!EndpointAuthorizationCalls.TryPolicyOnly(map, policies, out var inline))
            {
                return null;
            }

            var route = EndpointBuilderFlow.JoinRoute(prefix, pattern);
            if (_settings.IsAllowListed(route, Array.Empty<string>()))
            {
                return null;
            }

            return new Candidate(CandidateKind.MinimalApi, map.Syntax.GetLocation(), MinimalName(verb, route, null), stateChanging, MinimalApiKind)
            {
                Policies = policies,
                InlineAdmitsEveryone = inline,
            };
        }

        private void RecordPolicy(IInvocationOperation invocation)
        {
            if (EndpointAuthorizationCalls.PolicyOf(invocation) is { } policy)
            {
                // A name registered twice keeps the stricter reading.
                _policiesAdmittingEveryone.AddOrUpdate(policy.Name, policy.AdmitsEveryone, (_, previous) => previous && policy.AdmitsEveryone);
            }
        }

        private bool AdmitsEveryone(Candidate candidate)
        {
            var policies = candidate.Policies ?? new List<string>();
            if (policies.Count == 0 && !candidate.InlineAdmitsEveryone)
            {
                return false;
            }

            foreach (var policy in policies)
            {
                if (!_policiesAdmittingEveryone.TryGetValue(policy, out var admits) || !admits)
                {
                    return false;
                }
            }

            return true;
        }

        private Protection HierarchyProtection(INamedTypeSymbol type, INamedTypeSymbol? stopAt)
        {
            var result = Protection.None;
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, stopAt); current = current.BaseType)
            {
                result = AuthorizationSymbols.Combine(result, _symbols.ProtectionOf(current.GetAttributes()));
            }

            return result;
        }

        private Protection MethodProtection(IMethodSymbol method)
        {
            var result = Protection.None;
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                result = AuthorizationSymbols.Combine(result, _symbols.ProtectionOf(current.GetAttributes()));
            }

            return result;
        }

        private bool IsAllowListed(List<string> routes, string[] names)
        {
            foreach (var route in routes)
            {
                if (_settings.IsAllowListed(route, names))
                {
                    return true;
                }
            }

            return routes.Count == 0 && _settings.IsAllowListed(null, names);
        }

        private void Report(Action<Diagnostic> report, Location location, string name, bool stateChanging, string fixKind, bool explicitAnonymous)
        {
            // An explicit [AllowAnonymous] is judged against a declared allow-list only: without one it is the decision.
            if (explicitAnonymous && !_settings.AllowListDeclared)
            {
                return;
            }

            // accessControl.stateChangingRequireAuthorization: anonymous writes are errors (MIC-63).
            var error = stateChanging && _settings.StateChangingRequireAuthorization;
            if (!_settings.DenyByDefault && !error)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(KindProperty, fixKind)
                .Add(ExplicitAnonymousProperty, explicitAnonymous ? "true" : "false");
            report(PolicyDiagnostic.Create(_policy, Rule, location, symbol: null, error ? DiagnosticSeverity.Error : Rule.DefaultSeverity, properties, name));
        }
    }
}
