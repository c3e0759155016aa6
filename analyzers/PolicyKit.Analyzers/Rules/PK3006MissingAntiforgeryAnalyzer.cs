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
        NoBody,
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

        /// <summary>The schemes and policies the endpoint's authorization names; bearer-only endpoints carry no ambient credential.</summary>
        public AuthenticationNames? Authentication { get; set; }

        /// <summary>The action accepts only a JSON body (<c>[Consumes]</c>, or <c>[FromBody]</c> on an <c>[ApiController]</c>).</summary>
        public bool JsonOnly { get; set; }
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
        private readonly ConcurrentDictionary<IMethodSymbol, BodyFacts> _bodies = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, byte> _bearerSchemes = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, AuthenticationNames> _policies = new(StringComparer.Ordinal);
        private int _customInputFormatters;
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

        // Records what each method body does: its first write, a token check, a pure read, and the methods it calls,
        // so that a GET action calling a repository that deletes is seen through the repository.
        public void AnalyzeBody(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return;
            }

            var facts = new BodyFacts();
            var endpoint = AuthorizationSymbols.InheritsFrom(method.ContainingType, _symbols.ControllerBase)
                || AuthorizationSymbols.InheritsFrom(method.ContainingType, _symbols.PageModel);
            foreach (var block in context.OperationBlocks)
            {
                // One pass over the body: the first write and the calls worth following.
                foreach (var operation in block.Descendants())
                {
                    if (operation is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    facts.Write ??= PersistentWriteCalls.WriteOf(invocation, _dbContext, _dbSet);
                    if (IsFollowed(invocation.TargetMethod))
                    {
                        facts.Callees.Add(invocation.TargetMethod.OriginalDefinition);
                    }
                }

                if (endpoint)
                {
                    facts.ValidatesToken |= ValidatesTokenFirst(block);
                    facts.OnlyReads |= OnlyReads(block);
                }
            }

            if (!endpoint && facts.Write is null && facts.Callees.Count == 0)
            {
                return;
            }

            _bodies.TryAdd(method.OriginalDefinition, facts);
            if (facts.Write is not null || facts.Callees.Count > 0)
            {
                RecordImplementation(method);
            }
        }

        // Calls into the compilation's own code, and interface or virtual calls that it may implement.
        private static bool IsFollowed(IMethodSymbol callee) =>
            !callee.DeclaringSyntaxReferences.IsEmpty
            || (callee.ContainingType?.TypeKind == TypeKind.Interface && callee.ContainingAssembly is { } assembly && !assembly.Name.StartsWith("Microsoft.", StringComparison.Ordinal) && !assembly.Name.StartsWith("System", StringComparison.Ordinal));

        private void RecordImplementation(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            foreach (var contract in type.AllInterfaces)
            {
                foreach (var member in contract.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                    {
                        _implementations.GetOrAdd(interfaceMethod.OriginalDefinition, static _ => new ConcurrentQueue<IMethodSymbol>()).Enqueue(method.OriginalDefinition);
                    }
                }
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                _implementations.GetOrAdd(overridden.OriginalDefinition, static _ => new ConcurrentQueue<IMethodSymbol>()).Enqueue(method.OriginalDefinition);
            }
        }

        // The first write reachable from a method: its own body, then the methods it calls (implementations of the
        // interfaces it calls included), three calls deep.
        private string? ReachableWrite(IMethodSymbol method)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol> { method.OriginalDefinition };
            for (var depth = 0; depth < 4 && frontier.Count > 0; depth++)
            {
                var next = new List<IMethodSymbol>();
                foreach (var current in frontier)
                {
                    if (!visited.Add(current))
                    {
                        continue;
                    }

                    if (_implementations.TryGetValue(current, out var implementations))
                    {
                        next.AddRange(implementations);
                    }

                    if (!_bodies.TryGetValue(current, out var body))
                    {
                        continue;
                    }

                    if (body.Write is { } write)
                    {
                        return depth == 0 ? write : current.ContainingType.Name + "." + current.Name + " → " + write;
                    }

                    next.AddRange(body.Callees);
                }

                frontier = next;
            }

            return null;
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
                    RecordBearerScheme(invocation);
                    return;
                case "AddPolicy":
                    RecordPolicy(invocation);
                    return;
                case "ConfigureFilter":
                    RecordFilter(invocation, context.ContainingSymbol);
                    return;
            }

            // MvcOptions.InputFormatters.Add/Insert: a custom formatter may accept text/plain, which a form can send.
            if (method.Name is "Add" or "Insert" && invocation.Instance is IPropertyReferenceOperation { Property.Name: "InputFormatters" })
            {
                Interlocked.Exchange(ref _customInputFormatters, 1);
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
                if ((candidate.Api && !ambient) || IsBearerOnly(candidate.Authentication))
                {
                    continue;
                }

                if (candidate.Reason is Reason.Missing or Reason.Ignored && IsSafeByBody(candidate))
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
                    case Reason.NoBody:
                        write = candidate.Write ?? (candidate.Method is null ? null : ReachableWrite(candidate.Method));
                        if (write is null)
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
            var apiController = IsApiController(controller);
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
                var authentication = AntiforgeryExemptions.ActionAuthentication(controller, _symbols.ControllerBase, action, _symbols.AuthorizeData);
                if (verbs.Exists(MvcEndpointDiscovery.IsStateChanging))
                {
                    var jsonOnly = AntiforgeryExemptions.IsJsonOnly(action, controller, apiController);
                    if (policy == AntiforgeryPolicy.Ignore)
                    {
                        _candidates.Enqueue(new Candidate(location, name, Reason.Ignored, api) { Method = action, Authentication = authentication, JsonOnly = jsonOnly });
                    }
                    else if (policy == AntiforgeryPolicy.None)
                    {
                        _candidates.Enqueue(new Candidate(location, name, Reason.Missing, api) { Method = action, Fixable = true, Authentication = authentication, JsonOnly = jsonOnly });
                    }
                }

                if ((verbs.Count == 0 || verbs.Contains("GET")) && policy != AntiforgeryPolicy.ValidateAll)
                {
                    _candidates.Enqueue(new Candidate(location, name, Reason.Get, api) { Method = action, Authentication = authentication });
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
            if (handler is null)
            {
                return;
            }

            var name = MinimalName(map);
            var location = map.Syntax.GetLocation();
            var authentication = AntiforgeryExemptions.MinimalAuthentication(map, handler, _symbols.AuthorizeData);
            if (!_antiforgery.BindsForm(handler))
            {
                // A POST that binds nothing from the body is not form-bound, so UseAntiforgery() never validates it, yet a
                // plain cross-site <form method=post> sends it with the user's cookie. Only when it writes, is not
                // AllowAnonymous (the cookie is the point) and surely reads no JSON body.
                if (IsPost(map) && BindsNoBody(handler, _dbContext) && !EndpointBuilderFlow.HasConvention(map, "AllowAnonymous", _symbols)
                    && _antiforgery.PolicyOf(handler.GetAttributes()) != AntiforgeryPolicy.ValidateUnsafe)
                {
                    var write = LambdaOf(map) is { } lambda ? FirstWrite(lambda.Body) : null;
                    _candidates.Enqueue(new Candidate(location, name, Reason.NoBody, api: true)
                    {
                        Authentication = authentication,
                        Write = write,
                        Method = write is null && LambdaOf(map) is null ? handler : null,
                    });
                }

                return;
            }

            if (_antiforgery.PolicyOf(handler.GetAttributes()) == AntiforgeryPolicy.Ignore)
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.Ignored, api: false) { Authentication = authentication });
            }
            else if (EndpointBuilderFlow.HasConvention(map, "DisableAntiforgery", _symbols)
                || EndpointBuilderFlow.HasUpstreamConvention(EndpointBuilderFlow.ReceiverOf(map), "DisableAntiforgery", _symbols))
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.Disabled, api: false) { Authentication = authentication });
            }
            else
            {
                _candidates.Enqueue(new Candidate(location, name, Reason.NoMiddleware, api: false) { Authentication = authentication });
            }
        }

        private static IAnonymousFunctionOperation? LambdaOf(IInvocationOperation map)
        {
            foreach (var argument in map.Arguments)
            {
                if (EndpointBuilderFlow.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    return lambda;
                }
            }

            return null;
        }

        // Fetch: a cross-site form can send only GET and POST; PUT, PATCH and DELETE need a CORS preflight.
        private static bool IsPost(IInvocationOperation map)
        {
            if (map.TargetMethod.Name == "MapPost")
            {
                return true;
            }

            if (map.TargetMethod.Name != "MapMethods" || EndpointBuilderFlow.Argument(map, "httpMethods") is not IArrayCreationOperation { Initializer: { } items })
            {
                return false;
            }

            foreach (var item in items.ElementValues)
            {
                if (item.ConstantValue is { HasValue: true, Value: string verb } && verb.Equals("POST", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsApiController(INamedTypeSymbol controller)
        {
            for (var current = controller; current is not null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, _symbols.ApiControllerAttribute))
                    {
                        return true;
                    }
                }
            }

            return controller.ContainingAssembly is { } assembly && HasApiControllerAttribute(assembly.GetAttributes());
        }

        private bool HasApiControllerAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, _symbols.ApiControllerAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        // AddJwtBearer("Mobile", ...): the scheme name a bearer handler is registered under.
        private void RecordBearerScheme(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "authenticationScheme" && argument.Value.ConstantValue is { HasValue: true, Value: string scheme })
                {
                    _bearerSchemes.TryAdd(scheme, 0);
                }
            }
        }

        // AddPolicy("MobileApi", p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)...).
        private void RecordPolicy(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length < 2 || EndpointBuilderFlow.ConstantArgument(invocation, "name") is not { } name)
            {
                return;
            }

            var names = new AuthenticationNames();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "configurePolicy" or "policy")
                {
                    names.Unnamed |= !names.AddFrom(argument.Value);
                }
            }

            _policies.TryAdd(name, names);
        }

        private bool IsBearerOnly(AuthenticationNames? names) =>
            names is not null && AntiforgeryExemptions.IsBearerOnly(names, _bearerSchemes.Keys, policy => _policies.TryGetValue(policy, out var named) ? named : null);

        private bool IsSafeByBody(Candidate candidate)
        {
            if (candidate.JsonOnly && Volatile.Read(ref _customInputFormatters) == 0)
            {
                return true;
            }

            return candidate.Method is { } method && _bodies.TryGetValue(method.OriginalDefinition, out var body)
                && (body.ValidatesToken || (body.OnlyReads && body.Write is null && body.Callees.Count == 0));
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
