using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>A Razor Pages authorization convention: <c>AuthorizeFolder("/Admin")</c>, <c>AllowAnonymousToPage("/Index")</c>.</summary>
internal readonly struct PageAuthorizationConvention
{
    public PageAuthorizationConvention(Protection protection, bool folder, string? area, string path, string? policy)
    {
        Protection = protection;
        Folder = folder;
        Area = area;
        Path = path;
        Policy = policy;
    }

    public Protection Protection { get; }

    public bool Folder { get; }

    public string? Area { get; }

    public string Path { get; }

    public string? Policy { get; }

    /// <summary>
    /// Reads a <c>PageConventionCollection</c> call: <c>AuthorizePage/Folder/AreaPage/AreaFolder</c> or
    /// <c>AllowAnonymousTo…</c> with a constant path; false for any other call or a path that is not constant.
    /// </summary>
    public static bool TryCreate(IInvocationOperation invocation, out PageAuthorizationConvention convention)
    {
        convention = default;
        var name = invocation.TargetMethod.Name;
        Protection protection;
        if (name.StartsWith("Authorize", StringComparison.Ordinal))
        {
            protection = Protection.Authorized;
        }
        else if (name.StartsWith("AllowAnonymousTo", StringComparison.Ordinal))
        {
            protection = Protection.Anonymous;
        }
        else
        {
            return false;
        }

        var folder = name.EndsWith("Folder", StringComparison.Ordinal);
        var path = EndpointBuilderFlow.ConstantArgument(invocation, folder ? "folderPath" : "pageName");
        if (path is null)
        {
            return false;
        }

        var area = name.IndexOf("Area", StringComparison.Ordinal) >= 0 ? EndpointBuilderFlow.ConstantArgument(invocation, "areaName") : null;
        var policy = EndpointBuilderFlow.ConstantArgument(invocation, "policy");
        convention = new PageAuthorizationConvention(protection, folder, area, "/" + path.Trim().Trim('/'), policy);
        return true;
    }

    public string Describe() => (Protection == Protection.Anonymous ? "AllowAnonymousTo" : "Authorize") + (Folder ? "Folder" : "Page") + "(\"" + Path + "\")";

    public bool Covers(PageIdentity page)
    {
        if (!string.Equals(Area, page.Area, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!Folder)
        {
            return string.Equals(Path, page.Path, StringComparison.OrdinalIgnoreCase);
        }

        return Path == "/"
            || string.Equals(Path, page.Path, StringComparison.OrdinalIgnoreCase)
            || page.Path.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The compilation-wide facts that decide an endpoint's effective authorization and antiforgery, as PK3002 and
/// PK3006 read them: fallback policy, global MVC filters, <c>MapControllers()/MapRazorPages()</c> conventions,
/// Razor Pages conventions, antiforgery middleware and the authentication schemes registered.
/// </summary>
internal sealed class EndpointFacts
{
    public bool FallbackPolicy { get; set; }

    public bool GlobalAuthorizationFilter { get; set; }

    /// <summary><c>MapControllers().RequireAuthorization(…)</c> (or a controller route with it); the policies it names.</summary>
    public List<string>? ControllersAuthorized { get; set; }

    /// <summary><c>MapRazorPages().RequireAuthorization(…)</c>; the policies it names.</summary>
    public List<string>? PagesAuthorized { get; set; }

    public List<PageAuthorizationConvention> PageConventions { get; } = new();

    /// <summary>A global <c>[AutoValidateAntiforgeryToken]</c>/<c>[ValidateAntiForgeryToken]</c> filter.</summary>
    public bool GlobalValidate { get; set; }

    /// <summary>A global <c>[ValidateAntiForgeryToken]</c> filter: GET is validated too.</summary>
    public bool GlobalValidateAll { get; set; }

    /// <summary>A global <c>IgnoreAntiforgeryTokenAttribute</c> filter or page convention.</summary>
    public bool GlobalIgnore { get; set; }

    /// <summary><c>UseAntiforgery()</c> or <c>AddAntiforgery()</c>: minimal APIs that bind forms are validated.</summary>
    public bool AntiforgeryMiddleware { get; set; }

    /// <summary>Cookie, Identity, OpenID Connect, Windows or certificate authentication: credentials the browser sends by itself.</summary>
    public bool AmbientCredentials { get; set; }

    /// <summary>Bearer-token authentication (JwtBearer, BearerToken, Microsoft.Identity.Web API).</summary>
    public bool Bearer { get; set; }

    /// <summary>Only bearer tokens authenticate: a forged cross-site request carries no credential.</summary>
    public bool BearerOnly => Bearer && !AmbientCredentials;

    /// <summary><c>MvcOptions.InputFormatters.Add/Insert</c>: a custom formatter may read a body a form can send.</summary>
    public bool CustomInputFormatters { get; set; }

    /// <summary>Scheme names registered with <c>AddJwtBearer(name)</c>/<c>AddBearerToken(name)</c>.</summary>
    public HashSet<string> BearerSchemes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Named policies (<c>AddPolicy</c>) and the authentication schemes each names.</summary>
    public Dictionary<string, AuthenticationNames> PolicySchemes { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether every scheme the endpoint's authorization names is a bearer scheme, as PK3006 reads it.</summary>
    public bool IsBearerOnly(AuthenticationNames names) =>
        AntiforgeryExemptions.IsBearerOnly(names, BearerSchemes, policy => PolicySchemes.TryGetValue(policy, out var named) ? named : null);

    /// <summary>Named policies (<c>AddPolicy</c>) and whether each admits everyone (<c>RequireAssertion(_ =&gt; true)</c> only).</summary>
    public Dictionary<string, bool> PoliciesAdmittingEveryone { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the named policies (and an inline policy, when <paramref name="inline"/>) all admit everyone, as PK3002 reads them.</summary>
    public bool AdmitEveryone(List<string> policies, bool inline)
    {
        if (policies.Count == 0 && !inline)
        {
            return false;
        }

        foreach (var policy in policies)
        {
            if (!PoliciesAdmittingEveryone.TryGetValue(policy, out var admits) || !admits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For each <c>IEndpointRouteBuilder</c> parameter of a source method, what its callers pass.</summary>
    public Dictionary<IParameterSymbol, List<BuilderFacts>> BuilderCallSites { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Resolves what every caller of a method mapping endpoints on its builder parameter passes: protected only when
    /// all callers pass a protected builder; the route prefix only when there is one caller.
    /// </summary>
    public (Protection Protection, string? Prefix) Resolve(IParameterSymbol parameter, HashSet<IParameterSymbol> visited) =>
        ResolveCallers(parameter, visited, p => BuilderCallSites.TryGetValue(p.OriginalDefinition, out var sites) ? sites : null);

    /// <summary>
    /// <see cref="Resolve"/> over call sites kept anywhere (<paramref name="sitesOf"/> gives a parameter's, or null):
    /// protected only when all callers pass a protected builder; the route prefix only when there is one caller.
    /// </summary>
    public static (Protection Protection, string? Prefix) ResolveCallers(
        IParameterSymbol parameter, HashSet<IParameterSymbol> visited, Func<IParameterSymbol, IReadOnlyCollection<BuilderFacts>?> sitesOf)
    {
        if (!visited.Add(parameter) || sitesOf(parameter) is not { Count: > 0 } sites)
        {
            return (Protection.None, null);
        }

        var all = true;
        var anonymous = false;
        string? prefix = null;
        foreach (var site in sites)
        {
            var protection = site.Protection;
            var sitePrefix = site.Prefix;
            if (protection == Protection.None && site.RootParameter is { } outer)
            {
                var resolved = ResolveCallers(outer, visited, sitesOf);
                protection = resolved.Protection;
                sitePrefix = EndpointBuilderFlow.JoinRoute(resolved.Prefix, sitePrefix);
            }

            anonymous |= protection == Protection.Anonymous;
            all &= protection == Protection.Authorized;
            prefix = sitePrefix;
        }

        return (anonymous ? Protection.Anonymous : all ? Protection.Authorized : Protection.None, sites.Count == 1 ? prefix : null);
    }

    /// <summary>Records the facts one invocation states; returns false when it is none of them.</summary>
    public bool Record(IInvocationOperation invocation, AuthorizationSymbols symbols, AntiforgerySymbols antiforgery)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType;
        if (containingType is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "UseAntiforgery" or "AddAntiforgery":
                AntiforgeryMiddleware = true;
                return true;
            case "AddCookie" or "AddIdentity" or "AddDefaultIdentity" or "AddIdentityCookies" or "AddIdentityApiEndpoints"
                or "AddOpenIdConnect" or "AddMicrosoftIdentityWebApp" or "AddNegotiate" or "AddCertificate":
                AmbientCredentials = true;
                return true;
            case "Add" or "Insert" when invocation.Instance is IPropertyReferenceOperation { Property.Name: "InputFormatters" }:
                CustomInputFormatters = true;
                return true;
            case "AddJwtBearer" or "AddBearerToken" or "AddMicrosoftIdentityWebApi":
                Bearer = true;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "authenticationScheme" && argument.Value.ConstantValue is { HasValue: true, Value: string scheme })
                    {
                        BearerSchemes.Add(scheme);
                    }
                }

                return true;
            case "AddPolicy" when EndpointAuthorizationCalls.PolicyOf(invocation) is { } policy:
                PoliciesAdmittingEveryone[policy.Name] = policy.AdmitsEveryone
                    && (!PoliciesAdmittingEveryone.TryGetValue(policy.Name, out var previous) || previous);
                var names = new AuthenticationNames();
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name is "configurePolicy" or "policy")
                    {
                        names.Unnamed |= !names.AddFrom(argument.Value);
                    }
                }

                PolicySchemes[policy.Name] = names;
                return true;
        }

        if (SymbolEqualityComparer.Default.Equals(containingType, symbols.ControllerEndpoints))
        {
            if (IsAuthorizedBuilder(invocation, symbols))
            {
                ControllersAuthorized ??= new List<string>();
                ControllersAuthorized.AddRange(ConventionNames.Policies(invocation));
            }

            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(containingType, symbols.RazorPagesEndpoints))
        {
            if (method.Name == "MapRazorPages" && IsAuthorizedBuilder(invocation, symbols))
            {
                PagesAuthorized ??= new List<string>();
                PagesAuthorized.AddRange(ConventionNames.Policies(invocation));
            }

            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(containingType, symbols.AuthorizationBuilder))
        {
            if ((method.Name == "SetFallbackPolicy" && !IsNullArgument(invocation)) || method.Name == "AddFallbackPolicy")
            {
                FallbackPolicy = true;
            }

            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(containingType, symbols.PageConventions))
        {
            if (method.Name == "ConfigureFilter")
            {
                RecordGlobalFilter(invocation, symbols, antiforgery);
            }
            else
            {
                RecordPageConvention(invocation);
            }

            return true;
        }

        if (method.Name is "Add" or "Insert" or "AddService" && invocation.Instance?.Type is { } instanceType
            && (AuthorizationSymbols.InheritsFrom(instanceType, symbols.FilterCollection) || antiforgery.IsFilterList(instanceType)))
        {
            RecordGlobalFilter(invocation, symbols, antiforgery);
            return true;
        }

        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            RecordBuilderArguments(invocation, symbols);
        }

        return false;
    }

    /// <summary><c>AddAuthorization(o => o.FallbackPolicy = …)</c>: a non-null policy covers endpoints without metadata.</summary>
    public void Record(ISimpleAssignmentOperation assignment, AuthorizationSymbols symbols)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FallbackPolicy" } property
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, symbols.AuthorizationOptions)
            && !IsNullConstant(assignment.Value))
        {
            FallbackPolicy = true;
        }
    }

    /// <summary><c>MapControllers()</c>/<c>MapRazorPages()</c> with <c>RequireAuthorization()</c> chained on it or on the group it is mapped on.</summary>
    public static bool IsAuthorizedBuilder(IInvocationOperation mapping, AuthorizationSymbols symbols) =>
        AuthorizationSymbols.Combine(
            EndpointBuilderFlow.Downstream(mapping, symbols),
            EndpointBuilderFlow.Upstream(EndpointBuilderFlow.ReceiverOf(mapping), symbols).Protection) == Protection.Authorized;

    private void RecordPageConvention(IInvocationOperation invocation)
    {
        if (PageAuthorizationConvention.TryCreate(invocation, out var convention))
        {
            PageConventions.Add(convention);
        }
    }

    private void RecordGlobalFilter(IInvocationOperation invocation, AuthorizationSymbols symbols, AntiforgerySymbols antiforgery)
    {
        var method = invocation.TargetMethod;
        var policy = AntiforgeryPolicy.None;
        if (method.IsGenericMethod && method.TypeArguments.Length == 1)
        {
            GlobalAuthorizationFilter |= symbols.IsAuthorizationFilter(method.TypeArguments[0]);
            policy = antiforgery.PolicyOfType(method.TypeArguments[0]);
        }

        foreach (var argument in invocation.Arguments)
        {
            var type = FilterTypeOf(argument);
            if (type is null)
            {
                continue;
            }

            GlobalAuthorizationFilter |= symbols.IsAuthorizationFilter(type);
            var own = antiforgery.PolicyOfType(type);
            if (own != AntiforgeryPolicy.None)
            {
                policy = own;
            }
        }

        switch (policy)
        {
            case AntiforgeryPolicy.Ignore:
                GlobalIgnore = true;
                break;
            case AntiforgeryPolicy.ValidateAll:
                GlobalValidate = true;
                GlobalValidateAll = true;
                break;
            case AntiforgeryPolicy.ValidateUnsafe:
                GlobalValidate = true;
                break;
        }
    }

    /// <summary>The filter type an argument of <c>Filters.Add(…)</c> names: <c>typeof(T)</c>'s operand, else the value's type.</summary>
    public static ITypeSymbol? FilterTypeOf(IArgumentOperation argument)
    {
        var value = EndpointBuilderFlow.Unwrap(argument.Value);
        return value is ITypeOfOperation typeOf ? typeOf.TypeOperand : value.Type;
    }

    /// <summary>
    /// The <c>IEndpointRouteBuilder</c> parameter (as declared: its original definition) that an argument is passed
    /// to, so that a method mapping endpoints on it learns what its callers pass; null for any other argument.
    /// </summary>
    public static IParameterSymbol? BuilderParameterOf(IArgumentOperation argument, AuthorizationSymbols symbols) =>
        argument.Parameter is { } parameter && AuthorizationSymbols.Implements(parameter.Type, symbols.EndpointRouteBuilder)
            ? parameter.OriginalDefinition
            : null;

    private void RecordBuilderArguments(IInvocationOperation invocation, AuthorizationSymbols symbols)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (BuilderParameterOf(argument, symbols) is not { } parameter)
            {
                continue;
            }

            if (!BuilderCallSites.TryGetValue(parameter, out var sites))
            {
                BuilderCallSites[parameter] = sites = new List<BuilderFacts>();
            }

            sites.Add(EndpointBuilderFlow.Upstream(argument.Value, symbols));
        }
    }

    /// <summary>The policy argument of <c>SetFallbackPolicy(policy)</c> is the constant null.</summary>
    public static bool IsNullArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 1 || (!invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0))
            {
                return IsNullConstant(argument.Value);
            }
        }

        return false;
    }

    /// <summary>The value is the constant null, before or after unwrapping conversions.</summary>
    public static bool IsNullConstant(IOperation value) =>
        EndpointBuilderFlow.Unwrap(value).ConstantValue is { HasValue: true, Value: null }
        || value.ConstantValue is { HasValue: true, Value: null };
}
