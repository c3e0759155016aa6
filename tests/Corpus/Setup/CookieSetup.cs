using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Setup;

public static class CookieSetup
{
    public static void AddShopCookies(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.HttpOnly = false; // vuln:PK3004 auth cookie readable by scripts
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // vuln:PK3004 auth cookie over http
            options.ExpireTimeSpan = TimeSpan.FromDays(14); // vuln:PK3004 longer than the 30-minute idle timeout
            options.SlidingExpiration = true; // safe:PK3004 sliding allowed by the policy
        });
    }

    public static void AddAdminCookies(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.HttpOnly = true; // safe:PK3004 HttpOnly
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always; // safe:PK3004 Secure
            options.Cookie.SameSite = SameSiteMode.Strict; // safe:PK3004 stricter than Lax
            options.ExpireTimeSpan = TimeSpan.FromMinutes(20); // safe:PK3004 within the idle timeout
        });
    }

    public static void ConfigureApplicationCookie(this IServiceCollection services) =>
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.None; // vuln:PK3004 SameSite None
            o.ExpireTimeSpan = TimeSpan.FromHours(8); // vuln:PK3004 8 hours idle
        });

    public static void ConfigureExternalCookie(this IServiceCollection services) =>
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Lax; // safe:PK3004 Lax
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5); // safe:PK3004 short-lived
        });

    public static void AddShopSession(this IServiceCollection services)
    {
        services.AddSession(options =>
        {
            options.IdleTimeout = TimeSpan.FromHours(2); // vuln:PK3004 session idle two hours
            options.Cookie.HttpOnly = false; // vuln:PK3004 session cookie readable by scripts
            options.Cookie.SecurePolicy = CookieSecurePolicy.None; // vuln:PK3004 session cookie never Secure
        });
    }

    public static void AddStrictSession(this IServiceCollection services)
    {
        services.AddSession(options =>
        {
            options.IdleTimeout = TimeSpan.FromMinutes(15); // safe:PK3004 within policy
            options.Cookie.HttpOnly = true; // safe:PK3004 HttpOnly
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always; // safe:PK3004 Secure
            options.Cookie.IsEssential = true; // safe:PK3004 consent flag, not a weakness
        });
    }

    public static void AddCookiePolicy(this IServiceCollection services) =>
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.None; // vuln:PK3004 cookie policy allows SameSite None
            o.Secure = CookieSecurePolicy.SameAsRequest; // vuln:PK3004 cookie policy not forcing Secure
        });

    public static void AddStrictCookiePolicy(this IServiceCollection services) =>
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.Lax; // safe:PK3004 Lax
            o.Secure = CookieSecurePolicy.Always; // safe:PK3004 Secure always
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always; // safe:PK3004 HttpOnly always
        });
}

public sealed class SessionCookieController : Controller
{
    public IActionResult IssueRefresh(string refreshToken)
    {
        Response.Cookies.Append("refresh_token", refreshToken, new CookieOptions { HttpOnly = false, Secure = true }); // vuln:PK3004 token cookie without HttpOnly
        return Ok();
    }

    public IActionResult IssueRefreshSafe(string refreshToken)
    {
        Response.Cookies.Append("refresh_token", refreshToken, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict }); // safe:PK3004 flags set
        return Ok();
    }

    public IActionResult RememberSession(string sessionId)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = false, // vuln:PK3004 session id cookie without Secure
            Expires = DateTimeOffset.UtcNow.AddDays(30),
        };
        Response.Cookies.Append("sid", sessionId, options);
        return Ok();
    }

    public IActionResult Theme(string theme)
    {
        Response.Cookies.Append("theme", theme, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, IsEssential = false }); // safe:PK3004 preference cookie with Secure
        return Ok();
    }

    public IActionResult AuthCookie(string ticket)
    {
        Response.Cookies.Append(".Shop.Auth", ticket, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.None }); // vuln:PK3004 auth cookie SameSite None
        return Ok();
    }
}
