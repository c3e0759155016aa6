namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// What ASP.NET Core does when an application leaves an option unset. These are facts about the framework, not
/// thresholds: PK3003 and PK3004 compare them with the policy exactly as they compare a value the application wrote.
/// Checked against the ASP.NET Core 8–10 sources (aspnetcore repository, <c>src/Identity/Extensions.Core</c>,
/// <c>src/Security/Authentication/Cookies</c>, <c>src/Middleware/Session</c>); unchanged since ASP.NET Core 2.1.
/// </summary>
internal static class AspNetCoreSecurityDefaults
{
    /// <summary><c>PasswordOptions.RequiredLength</c>.</summary>
    public const int RequiredLength = 6;

    /// <summary><c>PasswordOptions.RequiredUniqueChars</c>.</summary>
    public const int RequiredUniqueChars = 1;

    /// <summary><c>PasswordOptions.RequireDigit</c>, <c>RequireLowercase</c>, <c>RequireUppercase</c>, <c>RequireNonAlphanumeric</c>.</summary>
    public const bool RequireCharacterClass = true;

    /// <summary><c>LockoutOptions.MaxFailedAccessAttempts</c>.</summary>
    public const int MaxFailedAccessAttempts = 5;

    /// <summary><c>LockoutOptions.DefaultLockoutTimeSpan</c>, in minutes.</summary>
    public const double DefaultLockoutMinutes = 5;

    /// <summary><c>LockoutOptions.AllowedForNewUsers</c>.</summary>
    public const bool LockoutAllowedForNewUsers = true;

    /// <summary><c>CookieAuthenticationOptions.ExpireTimeSpan</c> (14 days), in minutes.</summary>
    public const double CookieExpireMinutes = 14 * 24 * 60;

    /// <summary><c>CookieAuthenticationOptions.SlidingExpiration</c>.</summary>
    public const bool CookieSlidingExpiration = true;

    /// <summary><c>SessionOptions.IdleTimeout</c> (20 minutes), in minutes.</summary>
    public const double SessionIdleMinutes = 20;

    /// <summary>
    /// <c>SessionOptions.Cookie.SecurePolicy</c>: the session cookie builder sets <c>CookieSecurePolicy.None</c>,
    /// so the session cookie never carries <c>Secure</c> unless the application asks for it.
    /// </summary>
    public const string SessionCookieSecurePolicy = "None";

    /// <summary>
    /// <c>CookieAuthenticationOptions.Cookie.SecurePolicy</c>: <c>SameAsRequest</c> (Secure whenever the request is
    /// HTTPS). PK3004 does not report this default: an HTTPS-only site gets a Secure cookie from it.
    /// </summary>
    public const string AuthenticationCookieSecurePolicy = "SameAsRequest";

    /// <summary><c>Cookie.HttpOnly</c> of the authentication and session cookies.</summary>
    public const bool CookieHttpOnly = true;

    /// <summary><c>Cookie.SameSite</c> of the authentication and session cookies.</summary>
    public const CookieSameSite CookieSameSite = PolicyKit.CookieSameSite.Lax;

    /// <summary><c>CookieOptions</c> for <c>Response.Cookies.Append</c>: neither <c>Secure</c> nor <c>HttpOnly</c>.</summary>
    public const bool ResponseCookieSecure = false;

    /// <summary><c>CookieOptions.HttpOnly</c>.</summary>
    public const bool ResponseCookieHttpOnly = false;
}
