using System;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>The cookie, session and cookie-policy types PK3004 looks at, resolved once per compilation.</summary>
internal sealed class SessionCookieSymbols
{
    private SessionCookieSymbols(Compilation compilation, INamedTypeSymbol? cookieBuilder, INamedTypeSymbol? cookieOptions)
    {
        CookieBuilder = cookieBuilder;
        CookieOptions = cookieOptions;
        CookieAuthenticationOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions");
        CookieAuthenticationEvents = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationEvents");
        SessionOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Builder.SessionOptions");
        CookiePolicyOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Builder.CookiePolicyOptions");
        ResponseCookies = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.IResponseCookies");
        AuthenticationProperties = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationProperties");
        AuthenticationBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationBuilder");
        IdentityBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.IdentityBuilder");
    }

    /// <summary><c>Microsoft.AspNetCore.Http.CookieBuilder</c> (<c>o.Cookie</c> of the authentication and session options).</summary>
    public INamedTypeSymbol? CookieBuilder { get; }

    /// <summary><c>Microsoft.AspNetCore.Http.CookieOptions</c> (<c>Response.Cookies.Append</c>).</summary>
    public INamedTypeSymbol? CookieOptions { get; }

    /// <summary><c>CookieAuthenticationOptions</c>.</summary>
    public INamedTypeSymbol? CookieAuthenticationOptions { get; }

    /// <summary><c>CookieAuthenticationEvents</c>: <c>OnValidatePrincipal</c> can enforce an absolute lifetime.</summary>
    public INamedTypeSymbol? CookieAuthenticationEvents { get; }

    /// <summary><c>SessionOptions</c>.</summary>
    public INamedTypeSymbol? SessionOptions { get; }

    /// <summary><c>CookiePolicyOptions</c>: the cookie-policy middleware overrides every cookie's flags.</summary>
    public INamedTypeSymbol? CookiePolicyOptions { get; }

    /// <summary><c>IResponseCookies</c>.</summary>
    public INamedTypeSymbol? ResponseCookies { get; }

    /// <summary><c>AuthenticationProperties</c>.</summary>
    public INamedTypeSymbol? AuthenticationProperties { get; }

    /// <summary>What <c>AddCookie</c> returns.</summary>
    public INamedTypeSymbol? AuthenticationBuilder { get; }

    /// <summary>What <c>AddIdentity</c> and <c>AddDefaultIdentity</c> return (they register the application cookie).</summary>
    public INamedTypeSymbol? IdentityBuilder { get; }

    /// <summary>Resolves the symbols; false when neither cookie type is referenced.</summary>
    public static bool TryCreate(Compilation compilation, out SessionCookieSymbols symbols)
    {
        var builder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.CookieBuilder");
        var options = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.CookieOptions");
        symbols = builder is null && options is null ? null! : new SessionCookieSymbols(compilation, builder, options);
        return builder is not null || options is not null;
    }

    /// <summary>The name of the enum member with <paramref name="value"/> (<c>CookieSecurePolicy</c> 2 → <c>None</c>).</summary>
    public static string? EnumMemberName(ITypeSymbol? enumType, long value)
    {
        if (enumType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
        {
            return null;
        }

        foreach (var member in named.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant }
                && Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == value)
            {
                return member.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// The options type that owns a framework cookie other than the authentication and session cookies, when
    /// <paramref name="type"/> is one: MVC's TempData cookie (<c>CookieTempDataProviderOptions</c>) and the antiforgery
    /// cookie (<c>AntiforgeryOptions</c>); null otherwise.
    /// </summary>
    public static string? OtherFrameworkCookieOwner(ITypeSymbol? type) => type switch
    {
        { Name: "CookieTempDataProviderOptions" } when type.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) == true => type.Name,
        { Name: "AntiforgeryOptions" } when type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Antiforgery" => type.Name,
        _ => null,
    };

    /// <summary>
    /// Whether a cookie name says it carries a session, sign-in or token (<c>session_id</c>, <c>AuthToken</c>,
    /// <c>refresh-token</c>, <c>remember_me</c>, <c>jwt</c>, a shopping <c>cart</c>): the cookies the session policy is about. A theme or
    /// consent cookie is not one of them, and its flags are the application's business.
    /// </summary>
    public static bool IsSessionCookieName(string name)
    {
        foreach (var word in SecurityNames.Words(name))
        {
            // A cart or basket cookie names server-side state of the visitor's shopping session: whoever holds it
            // continues that session (and its checkout).
            if (word is "sid" or "sso" or "sess" or "jwt" or "token" or "tokens" or "bearer" or "login" or "logon" or "signin" or "remember"
                || word is "cart" or "basket" or "checkout"
                || word.StartsWith("session", StringComparison.Ordinal)
                || (word.StartsWith("auth", StringComparison.Ordinal) && !word.StartsWith("author", StringComparison.Ordinal))
                || word == "authorization"
                || word.StartsWith("identity", StringComparison.Ordinal)
                || word == "refresh")
            {
                return true;
            }
        }

        return false;
    }
}
