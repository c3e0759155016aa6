using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3006: a state-changing endpoint that a forged cross-site request can call (A.10.9.2, A.10.9.1, A.12.2.3, IPA-091; IPA Web 6).</summary>
/// <remarks>
/// Endpoints are found with <see cref="MvcEndpointDiscovery"/> and <see cref="EndpointBuilderFlow"/>, as PK3002 finds
/// them. Whether one is protected depends on compilation-wide facts (a global antiforgery filter, <c>UseAntiforgery()</c>,
/// the authentication schemes), so candidates are collected and decided at compilation end:
/// <list type="bullet">
/// <item>MVC actions answering POST/PUT/PATCH/DELETE whose closest antiforgery policy (action, controller, global filter)
/// is missing or <c>[IgnoreAntiforgeryToken]</c>. API controllers (<c>[ApiController]</c> or <c>ControllerBase</c> without
/// views) only when the compilation registers cookie, Windows or certificate authentication: credentials the browser
/// sends by itself.</item>
/// <item>Razor Pages validate by default: only <c>[IgnoreAntiforgeryToken]</c> on a page model with POST/PUT/PATCH/DELETE
/// handlers, and a global <c>IgnoreAntiforgeryTokenAttribute</c> filter or page convention.</item>
/// <item>Minimal APIs that bind form data (<c>[FromForm]</c>, <c>IFormFile</c>, <c>IFormCollection</c>) with
/// <c>DisableAntiforgery()</c>, or with neither <c>UseAntiforgery()</c> nor <c>AddAntiforgery()</c> in the compilation.</item>
/// <item>Actions, page handlers and <c>MapGet</c> handlers reachable by GET that write data (<see cref="PersistentWriteCalls"/>):
/// antiforgery never validates GET.</item>
/// </list>
/// A compilation whose only authentication is bearer tokens (JwtBearer, BearerToken, Microsoft.Identity.Web API) is
/// silent: a cross-site request carries no token.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK3006MissingAntiforgeryAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set on actions the code fix can protect with <c>[ValidateAntiForgeryToken]</c>.</summary>
    internal const string FixProperty = "AddValidateAntiForgeryToken";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.MissingAntiforgery, RuleCategory.Session, DiagnosticSeverity.Warning,
        cwe: new[] { 352 }, controls: new[] { "A.10.9.2", "A.10.9.1", "A.12.2.3", "IPA-091" },
        reportedAtCompilationEnd: true);

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

        var facts = new CompilationFacts(symbols, new AntiforgerySymbols(start.Compilation), start.Compilation);
        start.RegisterSymbolAction(facts.AnalyzeType, SymbolKind.NamedType);
        start.RegisterOperationBlockAction(facts.AnalyzeBody);
        start.RegisterOperationAction(facts.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterCompilationEndAction(facts.ReportAtEnd);
    }

    private enum Reason
    {
        Missing,
        Ignored,
        GlobalIgnored,
        NoMiddleware,
        Disabled,
        Get,
    }

    /// <summary>An endpoint that may be open to forged requests, decided at compilation end.</summary>
    private sealed class Candidate
    {
        public Candidate(Location location, string name, Reason reason, bool api)
        {
            Location = location;
            Name = name;
            Reason = reason;
            Api = api;
        }

        public Location Location { get; }

        public string Name { get; }

        public Reason Reason { get; }

        /// <summary>An API controller: exposed only when the browser sends credentials by itself (cookies).</summary>
        public bool Api { get; }

        /// <summary>For <see cref="Reason.Get"/>: the action or handler whose body must write data.</summary>
        public IMethodSymbol? Method { get; set; }

        /// <summary>For <see cref="Reason.Get"/>: the write already found (minimal APIs), shown in the message.</summary>
        public string? Write { get; set; }

        public bool Fixable { get; set; }
    }

    /// <summary>Compilation-wide facts and the endpoints waiting for them.</summary>
    private sealed class CompilationFacts
    {
        private static readonly string[] StateChangingMaps = { "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods" };

        private readonly AuthorizationSymbols _symbols;
        private readonly AntiforgerySymbols _antiforgery;
        private readonly INamedTypeSymbol? _dbContext;
        private readonly INamedTypeSymbol? _dbSet;
        private readonly ConcurrentQueue<Candidate> _candidates = new();
        private readonly ConcurrentDictionary<IMethodSymbol, string> _writes = new(SymbolEqualityComparer.Default);
        private int _globalValidate;
        private int _globalValidateAll;
        private int _globalIgnore;
        private int _middleware;
        private int _ambientCredentials;
        private int _bearer;

        public CompilationFacts(AuthorizationSymbols symbols, AntiforgerySymbols antiforgery, Compilation compilation)
        {
            _symbols = symbols;
            _antiforgery = antiforgery;
            _dbContext = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.DbContext");
            _dbSet = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
        }

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsAbstract)
            {
                return;
            }

            if ((_symbols.ControllerBase is not null || _symbols.ControllerAttribute is not null) && MvcEndpointDiscovery.IsController(type, _symbols))
            {
                AnalyzeController(type, context.CancellationToken);
            }
            else if (_symbols.PageModel is not null && MvcEndpointDiscovery.IsPageModel(type, _symbols))
            {
                AnalyzePage(type);
            }
        }

        // Records which public methods write data, for actions and page handlers reachable by GET.
        public void AnalyzeBody(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method
                || !(AuthorizationSymbols.InheritsFrom(method.ContainingType, _symbols.ControllerBase)
                    || AuthorizationSymbols.InheritsFrom(method.ContainingType, _symbols.PageModel)))
            {
                return;
            }

            foreach (var block in context.OperationBlocks)
            {
                if (FirstWrite(block) is { } write)
                {
                    _writes.TryAdd(method.OriginalDefinition, write);
                    return;
                }
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "UseAntiforgery":
                case "AddAntiforgery":
                    // WebApplication adds the middleware itself once antiforgery services are registered explicitly.
                    Interlocked.Exchange(ref _middleware, 1);
                    return;
                case "AddCookie":
                case "AddIdentity":
                case "AddDefaultIdentity":
                case "AddIdentityCookies":
                case "AddIdentityApiEndpoints":
                case "AddOpenIdConnect":
                case "AddMicrosoftIdentityWebApp":
                case "AddNegotiate":
                case "AddCertificate":
                    // Cookies, Windows and client certificates travel with every request the browser makes.
                    Interlocked.Exchange(ref _ambientCredentials, 1);
                    return;
                case "AddJwtBearer":
                case "AddBearerToken":
                case "AddMicrosoftIdentityWebApi":
                    Interlocked.Exchange(ref _bearer, 1);
                    return;
                case "ConfigureFilter":
                    RecordFilter(invocation, context.ContainingSymbol);
                    return;
            }

            if (method.Name is "Add" or "Insert" or "AddService" && invocation.Instance?.Type is { } instanceType
                && (AuthorizationSymbols.InheritsFrom(instanceType, _symbols.FilterCollection) || _antiforgery.IsFilterList(instanceType)))
            {
                RecordFilter(invocation, context.ContainingSymbol);
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.EndpointRouteBuilderExtensions))
            {
                if (method.Name == "MapGet")
                {
                    AnalyzeMapGet(invocation);
                }
                else if (Array.IndexOf(StateChangingMaps, method.Name) >= 0 && IsStateChangingMap(invocation))
                {
                    AnalyzeMinimalWrite(invocation);
                }
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            var ambient = Volatile.Read(ref _ambientCredentials) != 0;
            if (!ambient && Volatile.Read(ref _bearer) != 0)
            {
                return;
            }

            var globalValidate = Volatile.Read(ref _globalValidate) != 0;
            var globalValidateAll = Volatile.Read(ref _globalValidateAll) != 0;
            var globalIgnore = Volatile.Read(ref _globalIgnore) != 0;
            var middleware = Volatile.Read(ref _middleware) != 0;
            var reported = new HashSet<(Location, Reason)>();
            foreach (var candidate in _candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (candidate.Api && !ambient)
                {
                    continue;
                }

                string? write = null;
                switch (candidate.Reason)
                {
                    // A global IgnoreAntiforgeryToken filter is reported where it is added, once.
                    case Reason.Missing when globalValidate || globalIgnore:
                    case Reason.NoMiddleware when middleware:
                    case Reason.Get when globalValidateAll:
                        continue;
                    case Reason.Get:
                        write = candidate.Write;
                        if (write is null && (candidate.Method is null || !_writes.TryGetValue(candidate.Method.OriginalDefinition, out write)))
                        {
                            continue;
                        }

                        break;
                }

                if (!reported.Add((candidate.Location, candidate.Reason)))
                {
                    continue;
                }

                var reason = new LocalizableResourceString("PK3006Reason" + candidate.Reason, Resources.ResourceManager, typeof(Resources));
                var properties = candidate.Fixable ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "true") : null;
                var name = write is null ? candidate.Name : candidate.Name + " (" + write + ")";
                context.Report(Rule, candidate.Location, candidate.Method, severity: null, properties, name, reason);
            }
        }

        private void AnalyzeController(INamedTypeSymbol controller, CancellationToken cancellationToken)
        {
            var api = _antiforgery.IsApi(controller, _symbols);
            var classPolicy = _antiforgery.HierarchyPolicy(controller, _symbols.ControllerBase);
            foreach (var action in MvcEndpointDiscovery.Actions(controller, _symbols))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (action.Locations.IsEmpty || !action.Locations[0].IsInSource)
                {
                    continue;
                }

                var actionPolicy = _antiforgery.MethodPolicy(action);
                var policy = actionPolicy != AntiforgeryPolicy.None ? actionPolicy : classPolicy;
                var verbs = MvcEndpointDiscovery.ActionVerbs(action, _symbols);
                var name = controller.Name + "." + action.Name;
                var location = action.Locations[0];
                if (verbs.Exists(MvcEndpointDiscovery.IsStateChanging))
                {
                    if (policy == AntiforgeryPolicy.Ignore)
                    {
                        _candidates.Enqueue(new Candidate(location, name, Reason.Ignored, api) { Method = action });
                    }
                    else if (policy == AntiforgeryPolicy.None)
                    {
                        _candidates.Enqueue(new Candidate(location, name, Reason.Missing, api) { Method = action, Fixable = true });
                    }
                }

                if ((verbs.Count == 0 || verbs.Contains("GET")) && policy != AntiforgeryPolicy.ValidateAll)
                {
                    _candidates.Enqueue(new Candidate(location, name, Reason.Get, api) { Method = action });
                }
            }
        }

        private void AnalyzePage(INamedTypeSymbol pageModel)
        {
            // Razor Pages take filters from the page model only; attributes on handler methods are ignored.
            var policy = _antiforgery.HierarchyPolicy(pageModel, _symbols.PageModel);
            var page = MvcEndpointDiscovery.PageOf(pageModel).DisplayName;
            foreach (var method in MvcEndpointDiscovery.PageMethods(pageModel, _symbols))
            {
                if (!MvcEndpointDiscovery.TryParseHandler(method.Name, out var verb) || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
                {
                    continue;
                }

                var name = page + " " + method.Name;
                if (MvcEndpointDiscovery.IsStateChanging(verb) && policy == AntiforgeryPolicy.Ignore)
                {
                    _candidates.Enqueue(new Candidate(method.Locations[0], name, Reason.Ignored, api: false) { Method = method });
                }
                else if (verb == "GET" && policy != AntiforgeryPolicy.ValidateAll)
                {
                    _candidates.Enqueue(new Candidate(method.Locations[0], name, Reason.Get, api: false) { Method = method });
                }
            }
        }

        private void AnalyzeMinimalWrite(IInvocationOperation map)
        {
            var handler = EndpointBuilderFlow.HandlerOf(map);
            if (handler is null || !_antiforgery.BindsForm(handler))
            {
                return;
            }

            var name = MinimalName(map);
            var location = map.Syntax.GetLocation();
            if (_antiforgery.PolicyOf(handler.GetAttributes()) == AntiforgeryPolicy.Ignore)
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.Ignored, api: false));
            }
            else if (EndpointBuilderFlow.HasConvention(map, "DisableAntiforgery", _symbols)
                || EndpointBuilderFlow.HasUpstreamConvention(EndpointBuilderFlow.ReceiverOf(map), "DisableAntiforgery", _symbols))
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.Disabled, api: false));
            }
            else
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.NoMiddleware, api: false));
            }
        }

        // app.MapGet("/orders/{id}/delete", async (int id, ShopDb db) => { ...; await db.SaveChangesAsync(); }).
        private void AnalyzeMapGet(IInvocationOperation map)
        {
            foreach (var argument in map.Arguments)
            {
                if (EndpointBuilderFlow.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && FirstWrite(lambda.Body) is { } write)
                {
                    _candidates.Enqueue(new Candidate(map.Syntax.GetLocation(), MinimalName(map), Reason.Get, api: false) { Write = write });
                    return;
                }
            }
        }

        private void RecordFilter(IInvocationOperation invocation, ISymbol? containingSymbol)
        {
            var policy = AntiforgeryPolicy.None;
            var method = invocation.TargetMethod;
            if (method.IsGenericMethod && method.TypeArguments.Length == 1)
            {
                policy = _antiforgery.PolicyOfType(method.TypeArguments[0]);
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = EndpointBuilderFlow.Unwrap(argument.Value);
                var type = value is ITypeOfOperation typeOf ? typeOf.TypeOperand : value.Type;
                var own = _antiforgery.PolicyOfType(type);
                if (own != AntiforgeryPolicy.None)
                {
                    policy = own;
                }
            }

            switch (policy)
            {
                case AntiforgeryPolicy.Ignore:
                    Interlocked.Exchange(ref _globalIgnore, 1);
                    _candidates.Enqueue(new Candidate(invocation.Syntax.GetLocation(), "IgnoreAntiforgeryTokenAttribute", Reason.GlobalIgnored, api: false));
                    break;
                case AntiforgeryPolicy.ValidateAll:
                    Interlocked.Exchange(ref _globalValidate, 1);
                    Interlocked.Exchange(ref _globalValidateAll, 1);
                    break;
                case AntiforgeryPolicy.ValidateUnsafe:
                    Interlocked.Exchange(ref _globalValidate, 1);
                    break;
            }
        }

        private string? FirstWrite(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation call && PersistentWriteCalls.WriteOf(call, _dbContext, _dbSet) is { } write)
                {
                    return write;
                }
            }

            return null;
        }

        private static bool IsStateChangingMap(IInvocationOperation map)
        {
            if (map.TargetMethod.Name != "MapMethods")
            {
                return true;
            }

            if (EndpointBuilderFlow.Argument(map, "httpMethods") is not IArrayCreationOperation { Initializer: { } items })
            {
                return false;
            }

            foreach (var item in items.ElementValues)
            {
                if (item.ConstantValue is { HasValue: true, Value: string verb } && MvcEndpointDiscovery.IsStateChanging(verb.ToUpperInvariant()))
                {
                    return true;
                }
            }

            return false;
        }

        private string MinimalName(IInvocationOperation map)
        {
            var verb = map.TargetMethod.Name switch
            {
                "MapGet" => "GET",
                "MapPost" => "POST",
                "MapPut" => "PUT",
                "MapDelete" => "DELETE",
                "MapPatch" => "PATCH",
                _ => "MAP",
            };
            var route = EndpointBuilderFlow.ConstantArgument(map, "pattern") ?? EndpointBuilderFlow.Argument(map, "pattern")?.Syntax.ToString() ?? "?";
            var group = EndpointBuilderFlow.Upstream(EndpointBuilderFlow.ReceiverOf(map), _symbols).Prefix;
            var path = EndpointBuilderFlow.JoinRoute(group, route) ?? route;
            return verb + " " + (path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path);
        }
    }
}
