using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyKit.AspNetCore;

/// <summary>Applies <see cref="SessionPolicy"/> to ASP.NET Core's server-side session (<see cref="SessionOptions"/>).</summary>
public static class SessionOptionsPolicy
{
    /// <summary>Sets <c>IdleTimeout</c> from <c>session.idleTimeoutMinutes</c> and makes the session cookie
    /// <c>Secure</c> and <c>HttpOnly</c>, with the policy's <c>SameSite</c>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">The session options.</param>
    public static void ApplyTo(this PolicySet policy, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        if (policy.Session.IdleTimeoutMinutes is int minutes)
        {
            options.IdleTimeout = TimeSpan.FromMinutes(minutes);
        }

        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        if (policy.Session.Cookie.SameSite is CookieSameSite sameSite)
        {
            options.Cookie.SameSite = CookiePolicy.ToSameSiteMode(sameSite);
        }
    }
}
