using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PolicyKit.AspNetCore;

/// <summary>
/// Compares the running configuration with the policy and lists every setting that is weaker: Identity's password
/// and lockout options, every cookie authentication scheme, the session, the authorization fallback policy. Settings
/// the policy leaves undecided are not compared.
/// </summary>
public static class PolicyConfigurationCheck
{
    /// <summary>Checks everything the application has registered (Identity, cookies, session, authorization).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings, empty when the configuration satisfies the policy.</returns>
    public static IReadOnlyList<PolicyConfigurationFinding> Run(IServiceProvider services, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<PolicyConfigurationFinding>();
        var registered = services.GetService<IServiceProviderIsService>();

        // AddIdentity and AddIdentityCore both register a lookup normalizer; without Identity there is nothing to check.
        if (registered?.IsService(typeof(ILookupNormalizer)) == true)
        {
            findings.AddRange(Check(services.GetRequiredService<IOptions<IdentityOptions>>().Value, policy));
        }

        if (services.GetService<IAuthenticationSchemeProvider>() is { } schemes)
        {
            var cookies = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
            // The default provider completes synchronously; this runs once, at start-up.
            foreach (var scheme in schemes.GetAllSchemesAsync().GetAwaiter().GetResult())
            {
                if (typeof(CookieAuthenticationHandler).IsAssignableFrom(scheme.HandlerType))
                {
                    findings.AddRange(Check(scheme.Name, cookies.Get(scheme.Name), policy));
                }
            }
        }

        if (registered?.IsService(typeof(ISessionStore)) == true)
        {
            findings.AddRange(Check(services.GetRequiredService<IOptions<SessionOptions>>().Value, policy));
        }

        if (registered?.IsService(typeof(IAuthorizationService)) == true)
        {
            findings.AddRange(Check(services.GetRequiredService<IOptions<AuthorizationOptions>>().Value, policy));
        }

        return findings;
    }

    /// <summary>Checks Identity's password and lockout options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<PolicyConfigurationFinding> Check(IdentityOptions options, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<PolicyConfigurationFinding>();
        var rules = policy.Password;
        if (rules.MinimumLength is int minimum && options.Password.RequiredLength < minimum)
        {
            Add(findings, policy, "IdentityOptions.Password.RequiredLength", N(options.Password.RequiredLength), "at least " + N(minimum), "password.minimumLength");
        }

        var classes = rules.ForbidCompositionRules == true ? CharacterClasses.None : rules.RequiredClasses ?? CharacterClasses.None;
        RequireFlag(findings, policy, classes, CharacterClasses.Lower, options.Password.RequireLowercase, "RequireLowercase");
        RequireFlag(findings, policy, classes, CharacterClasses.Upper, options.Password.RequireUppercase, "RequireUppercase");
        RequireFlag(findings, policy, classes, CharacterClasses.Digit, options.Password.RequireDigit, "RequireDigit");
        RequireFlag(findings, policy, classes, CharacterClasses.Symbol, options.Password.RequireNonAlphanumeric, "RequireNonAlphanumeric");

        if (rules.Lockout.Threshold is int threshold)
        {
            if (!options.Lockout.AllowedForNewUsers)
            {
                Add(findings, policy, "IdentityOptions.Lockout.AllowedForNewUsers", "false", "true (lockout after " + N(threshold) + " failures)", "password.lockout.threshold");
            }

            if (options.Lockout.MaxFailedAccessAttempts > threshold)
            {
                Add(findings, policy, "IdentityOptions.Lockout.MaxFailedAccessAttempts", N(options.Lockout.MaxFailedAccessAttempts), "at most " + N(threshold), "password.lockout.threshold");
            }
        }

        if (rules.Lockout.DurationMinutes is int duration && options.Lockout.DefaultLockoutTimeSpan < TimeSpan.FromMinutes(duration))
        {
            Add(findings, policy, "IdentityOptions.Lockout.DefaultLockoutTimeSpan", Minutes(options.Lockout.DefaultLockoutTimeSpan), "at least " + N(duration) + " minutes", "password.lockout.durationMinutes");
        }

        return findings;
    }

    /// <summary>Checks one cookie authentication scheme.</summary>
    /// <param name="scheme">The scheme name, used in the messages.</param>
    /// <param name="options">Its options.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<PolicyConfigurationFinding> Check(string scheme, CookieAuthenticationOptions options, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<PolicyConfigurationFinding>();
        var prefix = $"CookieAuthenticationOptions[{scheme}].";
        var session = policy.Session;
        if (session.IdleTimeoutMinutes is int idle && options.ExpireTimeSpan > TimeSpan.FromMinutes(idle))
        {
            Add(findings, policy, prefix + "ExpireTimeSpan", Minutes(options.ExpireTimeSpan), "at most " + N(idle) + " minutes", "session.idleTimeoutMinutes");
        }
        else if (session.IdleTimeoutMinutes is null && session.AbsoluteTimeoutMinutes is int cap && options.ExpireTimeSpan > TimeSpan.FromMinutes(cap))
        {
            Add(findings, policy, prefix + "ExpireTimeSpan", Minutes(options.ExpireTimeSpan), "at most " + N(cap) + " minutes", "session.absoluteTimeoutMinutes");
        }

        if (options.SlidingExpiration)
        {
            if (session.SlidingExpirationAllowed == false)
            {
                Add(findings, policy, prefix + "SlidingExpiration", "true", "false", "session.slidingExpirationAllowed");
            }
            else if (session.AbsoluteTimeoutMinutes is int absolute && !AbsoluteSessionCap.IsInstalled(options))
            {
                Add(findings, policy, prefix + "SlidingExpiration", "true without an absolute cap", "sessions to end " + N(absolute) + " minutes after sign-in (AbsoluteSessionCap)", "session.absoluteTimeoutMinutes");
            }
        }

        CheckCookie(findings, policy, prefix + "Cookie", options.Cookie);
        return findings;
    }

    /// <summary>Checks the server-side session.</summary>
    /// <param name="options">The session options.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<PolicyConfigurationFinding> Check(SessionOptions options, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<PolicyConfigurationFinding>();
        if (policy.Session.IdleTimeoutMinutes is int idle && options.IdleTimeout > TimeSpan.FromMinutes(idle))
        {
            Add(findings, policy, "SessionOptions.IdleTimeout", Minutes(options.IdleTimeout), "at most " + N(idle) + " minutes", "session.idleTimeoutMinutes");
        }

        CheckCookie(findings, policy, "SessionOptions.Cookie", options.Cookie);
        return findings;
    }

    /// <summary>Checks the authorization fallback policy against <c>accessControl.denyByDefault</c>.</summary>
    /// <param name="options">The authorization options.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<PolicyConfigurationFinding> Check(AuthorizationOptions options, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<PolicyConfigurationFinding>();
        if (policy.AccessControl.DenyByDefault == true && !RequiresAUser(options.FallbackPolicy))
        {
            Add(findings, policy, "AuthorizationOptions.FallbackPolicy", options.FallbackPolicy is null ? "null (endpoints without metadata are open)" : "a policy that does not require a user", "an authenticated user", "accessControl.denyByDefault");
        }

        return findings;
    }

    private static bool RequiresAUser(AuthorizationPolicy? fallback)
    {
        if (fallback is null)
        {
            return false;
        }

        foreach (var requirement in fallback.Requirements)
        {
            if (requirement is DenyAnonymousAuthorizationRequirement or RolesAuthorizationRequirement or ClaimsAuthorizationRequirement or NameAuthorizationRequirement)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckCookie(List<PolicyConfigurationFinding> findings, PolicySet policy, string setting, CookieBuilder cookie)
    {
        var rule = policy.Session.Cookie;
        if (rule.Secure == true && cookie.SecurePolicy != CookieSecurePolicy.Always)
        {
            Add(findings, policy, setting + ".SecurePolicy", cookie.SecurePolicy.ToString(), "Always", "session.cookie.secure");
        }

        if (rule.HttpOnly == true && !cookie.HttpOnly)
        {
            Add(findings, policy, setting + ".HttpOnly", "false", "true", "session.cookie.httpOnly");
        }

        if (rule.SameSite is CookieSameSite required && CookiePolicy.Rank(cookie.SameSite) < required)
        {
            Add(findings, policy, setting + ".SameSite", cookie.SameSite.ToString(), required + " or stricter", "session.cookie.sameSite");
        }
    }

    private static void RequireFlag(List<PolicyConfigurationFinding> findings, PolicySet policy, CharacterClasses required, CharacterClasses cls, bool actual, string flag)
    {
        if ((required & cls) != 0 && !actual)
        {
            Add(findings, policy, "IdentityOptions.Password." + flag, "false", "true", "password.requiredClasses");
        }
    }

    private static void Add(List<PolicyConfigurationFinding> findings, PolicySet policy, string setting, string actual, string required, string path) =>
        findings.Add(new PolicyConfigurationFinding(setting, actual, required, path, policy.SourceOf(path)));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan value) => value.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " minutes";
}
