using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace PolicyKit.AspNetCore;

/// <summary>Applies <see cref="SessionPolicy"/> to cookie authentication (the Identity application cookie and any other).</summary>
public static class CookiePolicy
{
    /// <summary>
    /// Sets the authentication cookie from <c>session</c>: <c>ExpireTimeSpan</c> from <c>idleTimeoutMinutes</c>;
    /// <c>SlidingExpiration</c> only when the policy allows it and sets <c>absoluteTimeoutMinutes</c>, which is then
    /// enforced on every request (<see cref="AbsoluteSessionCap"/>); the cookie <c>Secure</c> (always) and
    /// <c>HttpOnly</c>, with the policy's <c>SameSite</c>.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">The cookie scheme's options.</param>
    public static void ApplyTo(this PolicySet policy, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var session = policy.Session;
        if ((session.IdleTimeoutMinutes ?? session.AbsoluteTimeoutMinutes) is int minutes)
        {
            options.ExpireTimeSpan = TimeSpan.FromMinutes(minutes);
        }

        // ASVS 3.3 / NIST 800-63B §2.2.3: a sliding session needs an absolute cap, or it never ends while in use.
        var sliding = session.SlidingExpirationAllowed != false && session.AbsoluteTimeoutMinutes is not null && session.IdleTimeoutMinutes is not null;
        options.SlidingExpiration = sliding;
        if (sliding)
        {
            AbsoluteSessionCap.Install(options, TimeSpan.FromMinutes(session.AbsoluteTimeoutMinutes!.Value));
        }

        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        if (session.Cookie.SameSite is CookieSameSite sameSite)
        {
            options.Cookie.SameSite = ToSameSiteMode(sameSite);
        }
    }

    /// <summary>The ASP.NET Core mode for a policy's SameSite value.</summary>
    /// <param name="sameSite">The policy value.</param>
    /// <returns>The mode.</returns>
    public static SameSiteMode ToSameSiteMode(CookieSameSite sameSite) => sameSite switch
    {
        CookieSameSite.Strict => SameSiteMode.Strict,
        CookieSameSite.Lax => SameSiteMode.Lax,
        _ => SameSiteMode.None,
    };

    /// <summary>How strict a mode is, on the policy's scale (<c>Unspecified</c> counts as <c>None</c>: browsers differ).</summary>
    internal static CookieSameSite Rank(SameSiteMode mode) => mode switch
    {
        SameSiteMode.Strict => CookieSameSite.Strict,
        SameSiteMode.Lax => CookieSameSite.Lax,
        _ => CookieSameSite.None,
    };
}
