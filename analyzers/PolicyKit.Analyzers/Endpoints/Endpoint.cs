using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>What kind of ASP.NET Core handler answers an endpoint.</summary>
internal enum EndpointKind
{
    /// <summary>An MVC or API controller action.</summary>
    Action,

    /// <summary>A Razor Pages handler (<c>OnGet</c>, <c>OnPostDelete</c> …), or a page without handlers (GET).</summary>
    PageHandler,

    /// <summary>A minimal-API delegate given to <c>MapGet</c>, <c>MapPost</c> … (groups included).</summary>
    MinimalApi,

    /// <summary>A SignalR hub mapped with <c>MapHub&lt;T&gt;</c>.</summary>
    Hub,

    /// <summary>A routable Blazor component (<c>@page</c>, <c>[Route]</c>).</summary>
    Component,
}

/// <summary>The authorization that applies to a request reaching the endpoint.</summary>
internal enum AuthorizationKind
{
    /// <summary>Nothing requires a user: anyone can call it.</summary>
    Anonymous,

    /// <summary><c>[AllowAnonymous]</c> or <c>.AllowAnonymous()</c>: anonymous on purpose, whatever else applies.</summary>
    AllowAnonymous,

    /// <summary>An authorization requirement applies (<c>[Authorize]</c>, <c>RequireAuthorization</c>, a filter, a fallback policy).</summary>
    Authorized,
}

/// <summary>Whether antiforgery validation runs for the endpoint's requests.</summary>
internal enum AntiforgeryKind
{
    /// <summary>Not applicable: safe methods (GET, HEAD), hubs, components, JSON APIs or bearer-token authentication.</summary>
    NotApplicable,

    /// <summary>A token is validated (attribute, global filter, Razor Pages default, minimal-API form antiforgery).</summary>
    Validated,

    /// <summary>Validation is switched off on purpose (<c>[IgnoreAntiforgeryToken]</c>, <c>DisableAntiforgery()</c>).</summary>
    Ignored,

    /// <summary>A state-changing endpoint with nothing that validates a token.</summary>
    Missing,
}

/// <summary>The effective authorization of an endpoint and where it comes from.</summary>
internal sealed class EndpointAuthorization
{
    public EndpointAuthorization(AuthorizationKind kind, string source, ImmutableArray<string> roles, ImmutableArray<string> policies)
    {
        Kind = kind;
        Source = source;
        Roles = roles;
        Policies = policies;
    }

    public AuthorizationKind Kind { get; }

    /// <summary>Where the decision comes from: <c>[Authorize] on OrdersController</c>, <c>fallback policy</c>, <c>group /api</c> ….</summary>
    public string Source { get; }

    /// <summary>Roles named by <c>[Authorize(Roles = …)]</c>.</summary>
    public ImmutableArray<string> Roles { get; }

    /// <summary>Policies named by <c>[Authorize(Policy = …)]</c> or <c>RequireAuthorization("…")</c>.</summary>
    public ImmutableArray<string> Policies { get; }

    /// <summary>One line for a report: <c>authorized (roles: Admin) — [Authorize] on AdminController</c>.</summary>
    public string Describe()
    {
        var text = Kind switch
        {
            AuthorizationKind.AllowAnonymous => "anonymous (AllowAnonymous)",
            AuthorizationKind.Authorized => "authorized",
            _ => "anonymous",
        };
        if (!Roles.IsEmpty)
        {
            text += " (roles: " + string.Join(", ", Roles) + ")";
        }

        if (!Policies.IsEmpty)
        {
            text += " (policy: " + string.Join(", ", Policies) + ")";
        }

        return Source.Length == 0 ? text : text + " — " + Source;
    }
}

/// <summary>The effective antiforgery of an endpoint and why.</summary>
internal sealed class EndpointAntiforgery
{
    public EndpointAntiforgery(AntiforgeryKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public AntiforgeryKind Kind { get; }

    /// <summary>Why: <c>GET</c>, <c>Razor Pages default</c>, <c>[IgnoreAntiforgeryToken]</c>, <c>global AutoValidateAntiforgeryToken filter</c> ….</summary>
    public string Reason { get; }

    /// <summary>One line for a report: <c>validated — Razor Pages default</c>.</summary>
    public string Describe()
    {
        var text = Kind switch
        {
            AntiforgeryKind.Validated => "validated",
            AntiforgeryKind.Ignored => "ignored",
            AntiforgeryKind.Missing => "not validated",
            _ => "not applicable",
        };
        return Reason.Length == 0 ? text : text + " — " + Reason;
    }
}

/// <summary>One ASP.NET Core endpoint as routing, authorization and antiforgery see it.</summary>
internal sealed class Endpoint
{
    public Endpoint(EndpointKind kind, string route, ImmutableArray<string> verbs, string handler, Location location, Location declaration, EndpointAuthorization authorization, EndpointAntiforgery antiforgery)
    {
        Kind = kind;
        Route = route;
        Verbs = verbs;
        Handler = handler;
        Location = location;
        Declaration = declaration;
        Authorization = authorization;
        Antiforgery = antiforgery;
    }

    public EndpointKind Kind { get; }

    /// <summary>The route template (<c>/api/orders/{id}</c>); several templates are joined with <c>", "</c>; <c>?</c> when not constant.</summary>
    public string Route { get; }

    /// <summary>The HTTP methods it answers, upper case; empty when it answers any.</summary>
    public ImmutableArray<string> Verbs { get; }

    /// <summary>The handler: <c>OrdersController.Delete</c>, <c>Pages/Admin/Index OnPostDelete</c>, <c>POST /api/orders</c>.</summary>
    public string Handler { get; }

    /// <summary>Where the handler is named (the method's identifier, the <c>Map*</c> call).</summary>
    public Location Location { get; }

    /// <summary>The whole handler declaration (method or <c>Map*</c> call with its delegate): findings inside it are on this endpoint.</summary>
    public Location Declaration { get; }

    public EndpointAuthorization Authorization { get; }

    public EndpointAntiforgery Antiforgery { get; }

    /// <summary>The verbs for display: <c>GET, POST</c>, or <c>*</c> for any.</summary>
    public string VerbText => Verbs.IsEmpty ? "*" : string.Join(", ", Verbs);
}
