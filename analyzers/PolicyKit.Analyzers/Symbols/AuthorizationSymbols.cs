using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>What an attribute, filter or endpoint convention says about authorization.</summary>
internal enum Protection
{
    /// <summary>Nothing said: the endpoint is anonymous unless a fallback policy or a global rule covers it.</summary>
    None = 0,

    /// <summary>An authorization requirement applies (<c>[Authorize]</c>, <c>RequireAuthorization()</c>, an authorization filter).</summary>
    Authorized = 1,

    /// <summary><c>[AllowAnonymous]</c> or <c>AllowAnonymous()</c>: ASP.NET Core skips authorization whatever else applies.</summary>
    Anonymous = 2,
}

/// <summary>
/// ASP.NET Core's authorization, MVC, Razor Pages and endpoint-routing types, resolved once per compilation.
/// </summary>
internal sealed class AuthorizationSymbols
{
    private AuthorizationSymbols(Compilation compilation, INamedTypeSymbol authorizeData, INamedTypeSymbol allowAnonymous)
    {
        AuthorizeData = authorizeData;
        AllowAnonymous = allowAnonymous;
        ControllerBase = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
        ApiControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
        NonControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ActionNameAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ActionNameAttribute");
        AreaAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.AreaAttribute");
        AcceptVerbsAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
        HttpMethodAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
        RouteTemplateProvider = Get(compilation, "Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
        PageModel = Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        NonHandlerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute");
        AuthorizationFilter = Get(compilation, "Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter");
        AsyncAuthorizationFilter = Get(compilation, "Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter");
        TypeFilterAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.TypeFilterAttribute");
        ServiceFilterAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ServiceFilterAttribute");
        FilterCollection = Get(compilation, "Microsoft.AspNetCore.Mvc.Filters.FilterCollection");
        EndpointRouteBuilder = Get(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointConventionBuilder = Get(compilation, "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
        EndpointRouteBuilderExtensions = Get(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        AuthorizationConventions = Get(compilation, "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
        RoutingConventions = Get(compilation, "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions");
        ControllerEndpoints = Get(compilation, "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions");
        RazorPagesEndpoints = Get(compilation, "Microsoft.AspNetCore.Builder.RazorPagesEndpointRouteBuilderExtensions");
        PageConventions = Get(compilation, "Microsoft.Extensions.DependencyInjection.PageConventionCollectionExtensions");
        AuthorizationOptions = Get(compilation, "Microsoft.AspNetCore.Authorization.AuthorizationOptions");
        AuthorizationBuilder = Get(compilation, "Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
    }

    public INamedTypeSymbol AuthorizeData { get; }

    public INamedTypeSymbol AllowAnonymous { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? ApiControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? ActionNameAttribute { get; }

    public INamedTypeSymbol? AreaAttribute { get; }

    public INamedTypeSymbol? AcceptVerbsAttribute { get; }

    public INamedTypeSymbol? HttpMethodAttribute { get; }

    public INamedTypeSymbol? RouteTemplateProvider { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? NonHandlerAttribute { get; }

    public INamedTypeSymbol? AuthorizationFilter { get; }

    public INamedTypeSymbol? AsyncAuthorizationFilter { get; }

    public INamedTypeSymbol? TypeFilterAttribute { get; }

    public INamedTypeSymbol? ServiceFilterAttribute { get; }

    public INamedTypeSymbol? FilterCollection { get; }

    public INamedTypeSymbol? EndpointRouteBuilder { get; }

    public INamedTypeSymbol? EndpointConventionBuilder { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? AuthorizationConventions { get; }

    public INamedTypeSymbol? RoutingConventions { get; }

    public INamedTypeSymbol? ControllerEndpoints { get; }

    public INamedTypeSymbol? RazorPagesEndpoints { get; }

    public INamedTypeSymbol? PageConventions { get; }

    public INamedTypeSymbol? AuthorizationOptions { get; }

    public INamedTypeSymbol? AuthorizationBuilder { get; }

    /// <summary>Resolves the symbols; false when ASP.NET Core authorization is not referenced (nothing to check).</summary>
    public static bool TryCreate(Compilation compilation, out AuthorizationSymbols symbols)
    {
        var authorizeData = Get(compilation, "Microsoft.AspNetCore.Authorization.IAuthorizeData");
        var allowAnonymous = Get(compilation, "Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        if (authorizeData is null || allowAnonymous is null)
        {
            symbols = null!;
            return false;
        }

        symbols = new AuthorizationSymbols(compilation, authorizeData, allowAnonymous);
        return symbols.ControllerBase is not null || symbols.PageModel is not null || symbols.EndpointRouteBuilderExtensions is not null;
    }

    /// <summary>What these attributes (of one class or method) say: <c>[AllowAnonymous]</c> wins over <c>[Authorize]</c>.</summary>
    public Protection ProtectionOf(ImmutableArray<AttributeData> attributes)
    {
        var result = Protection.None;
        foreach (var attribute in attributes)
        {
            result = Combine(result, ProtectionOf(attribute));
        }

        return result;
    }

    /// <summary>Whether this value (an attribute, a filter, endpoint metadata) requires or skips authorization.</summary>
    public Protection ProtectionOfType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return Protection.None;
        }

        if (Implements(type, AllowAnonymous))
        {
            return Protection.Anonymous;
        }

        return Implements(type, AuthorizeData) || IsAuthorizationFilter(type) ? Protection.Authorized : Protection.None;
    }

    /// <summary>An MVC authorization filter (<c>AuthorizeFilter</c>, a custom <c>IAuthorizationFilter</c>).</summary>
    public bool IsAuthorizationFilter(ITypeSymbol type) =>
        Implements(type, AuthorizationFilter) || Implements(type, AsyncAuthorizationFilter);

    /// <summary><c>[AllowAnonymous]</c> overrides every authorization requirement on the same endpoint.</summary>
    public static Protection Combine(Protection a, Protection b) => a > b ? a : b;

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface)
    {
        if (@interface is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, @interface))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
            {
                return true;
            }
        }

        return false;
    }

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private Protection ProtectionOf(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return Protection.None;
        }

        var own = ProtectionOfType(type);
        if (own != Protection.None)
        {
            return own;
        }

        // [TypeFilter(typeof(ApiKeyFilter))] and [ServiceFilter(...)] run an authorization filter chosen by type.
        if ((InheritsFrom(type, TypeFilterAttribute) || InheritsFrom(type, ServiceFilterAttribute))
            && attribute.ConstructorArguments.Length > 0
            && attribute.ConstructorArguments[0].ValueOrNull() is ITypeSymbol filterType
            && IsAuthorizationFilter(filterType))
        {
            return Protection.Authorized;
        }

        return Protection.None;
    }

    private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) => WellKnownTypes.Get(compilation, metadataName);
}
