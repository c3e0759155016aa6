using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Setup;

/// <summary>Cookie and session settings against the corpus policy (idle 30 min, absolute 480 min, Secure, HttpOnly, SameSite Lax).</summary>
public static class SessionVariants
{
    public static void AddPartnerCookie(this IServiceCollection services) =>
        services.AddAuthentication().AddCookie("partner", o =>
        {
            o.ExpireTimeSpan = TimeSpan.FromMinutes(31); // vuln:PK3004 one minute over the idle timeout
            o.Cookie.MaxAge = TimeSpan.FromDays(1); // vuln:PK3004 persistent cookie outlives the 8-hour absolute limit
            o.Cookie.SameSite = SameSiteMode.Strict; // safe:PK3004 Strict
        });

    public static void AddKioskCookie(this IServiceCollection services) =>
        services.AddAuthentication().AddCookie("kiosk", o =>
        {
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30); // safe:PK3004 equals the idle timeout
            o.Cookie.MaxAge = TimeSpan.FromHours(8); // safe:PK3004 equals the absolute limit
            o.Cookie.HttpOnly = true; // safe:PK3004 HttpOnly
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always; // safe:PK3004 Secure
        });

    public static void AddLegacyCookie(this IServiceCollection services) =>
        services.AddAuthentication().AddCookie("legacy", o =>
        {
            o.Cookie.SameSite = SameSiteMode.Unspecified; // vuln:PK3004 attribute omitted, browsers differ (not Lax)
            o.Cookie.SecurePolicy = CookieSecurePolicy.None; // vuln:PK3004 never Secure
        });

    public static void AddShortSession(this IServiceCollection services) =>
        services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(10); // safe:PK3004 shorter than the policy
            o.Cookie.SameSite = SameSiteMode.Lax; // safe:PK3004 Lax
        });

    public static void AddLongSession(this IServiceCollection services) =>
        services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(45); // vuln:PK3004 45 minutes idle
            o.Cookie.SameSite = SameSiteMode.None; // vuln:PK3004 session cookie sent cross-site
        });

    public static void AddSupportCookie(this IServiceCollection services) =>
        services.AddAuthentication().AddCookie("support", o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // vuln:PK3004 support-desk cookie also sent over http
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15); // safe:PK3004 short idle timeout
        });

    public static void AddScriptableSession(this IServiceCollection services) =>
        services.AddSession(o => o.Cookie.HttpOnly = false); // vuln:PK3004 session cookie readable by scripts

    public static void AddTempDataCookie(this IServiceCollection services) =>
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest); // vuln:PK3004 TempData cookie over http

    public static void AddAntiforgeryCookie(this IServiceCollection services) =>
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.None); // vuln:PK3004 antiforgery cookie never Secure

    public static void AddAntiforgeryCookieSafe(this IServiceCollection services) =>
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always); // safe:PK3004 Secure

    public static void ConfigureApplicationCookie(this IServiceCollection services) =>
        services.ConfigureApplicationCookie(o =>
        {
            o.ExpireTimeSpan = TimeSpan.FromDays(30); // vuln:PK3004 Identity cookie valid for 30 days
            o.SlidingExpiration = true; // safe:PK3004 sliding allowed by the policy
            o.Cookie.Name = ".Shop.Identity"; // safe:PK3004 a name is not a weakness
        });

    public static void ConfigureExternalCookie(this IServiceCollection services) =>
        services.ConfigureExternalCookie(o =>
        {
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5); // safe:PK3004 short external-login cookie
            o.Cookie.HttpOnly = false; // vuln:PK3004 external-login cookie readable by scripts
        });
}

[Microsoft.AspNetCore.Authorization.Authorize]
[Route("session")]
public sealed class SessionCookiesController : Controller
{
    [HttpPost("remember")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Remember()
    {
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, User,
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) }); // vuln:PK3004 30-day persistent sign-in
        return NoContent();
    }

    [HttpPost("remember-workday")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RememberWorkday()
    {
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, User,
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(8) }); // safe:PK3004 within the 8-hour absolute limit
        return NoContent();
    }

    [HttpPost("sid")]
    [ValidateAntiForgeryToken]
    public IActionResult Sid(string sessionId)
    {
        Response.Cookies.Append("sid", sessionId); // vuln:PK3004 default CookieOptions: not HttpOnly, not Secure
        return NoContent();
    }

    [HttpPost("sid-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult SidSafe(string sessionId)
    {
        Response.Cookies.Append("sid", sessionId, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax }); // safe:PK3004 all flags
        return NoContent();
    }

    [HttpPost("token")]
    [ValidateAntiForgeryToken]
    public IActionResult Token(string accessToken)
    {
        var options = new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax };
        options.Expires = DateTimeOffset.UtcNow.AddDays(7); // vuln:PK3004 access-token cookie lives a week
        Response.Cookies.Append("access_token", accessToken, options);
        return NoContent();
    }

    [HttpPost("token-short")]
    [ValidateAntiForgeryToken]
    public IActionResult TokenShort(string accessToken)
    {
        var options = new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromMinutes(15) }; // safe:PK3004 short-lived, all flags
        Response.Cookies.Append("access_token", accessToken, options);
        return NoContent();
    }

    [HttpPost("cart")]
    [ValidateAntiForgeryToken]
    public IActionResult Cart(Guid cartId)
    {
        Response.Cookies.Append("cart", cartId.ToString(), new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true }); // safe:PK3004 cart id with all flags
        return NoContent();
    }

    [HttpPost("impersonate")]
    [ValidateAntiForgeryToken]
    public IActionResult Impersonate(string ticket)
    {
        Response.Cookies.Append(".Shop.Impersonation", ticket, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Unspecified }); // vuln:PK3004 impersonation ticket without SameSite
        return NoContent();
    }

    [HttpPost("lang")]
    [ValidateAntiForgeryToken]
    public IActionResult Language(string culture)
    {
        Response.Cookies.Append(".AspNetCore.Culture", $"c={culture}|uic={culture}", new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddYears(1) }); // safe:PK3004 preference cookie, not a session
        return NoContent();
    }

    [HttpPost("device")]
    [ValidateAntiForgeryToken]
    public IActionResult Device(string deviceToken)
    {
        Response.Cookies.Append("device_trust", deviceToken, new CookieOptions { HttpOnly = true, Secure = false, SameSite = SameSiteMode.Strict }); // vuln:PK3004 2FA remember-device token over http
        return NoContent();
    }
}
