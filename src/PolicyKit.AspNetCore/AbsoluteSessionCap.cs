using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PolicyKit.AspNetCore;

/// <summary>
/// Ends a cookie session a fixed time after sign-in, however active it is (<c>session.absoluteTimeoutMinutes</c>).
/// Sliding expiration renews the ticket's <c>IssuedUtc</c>, so the sign-in instant is kept in the ticket's own
/// properties and checked in <c>OnValidatePrincipal</c>; the handlers already there (Identity's security-stamp check)
/// still run.
/// </summary>
public static class AbsoluteSessionCap
{
    /// <summary>The authentication property holding the sign-in instant (round-trip ISO 8601, UTC).</summary>
    public const string SignedInAtKey = ".policykit.signedInAt";

    private static readonly ConditionalWeakTable<CookieAuthenticationEvents, object> Installed = new();

    /// <summary>Installs the cap on <paramref name="options"/>' events (once per events object).</summary>
    /// <param name="options">The cookie options.</param>
    /// <param name="absolute">The longest session.</param>
    public static void Install(CookieAuthenticationOptions options, TimeSpan absolute)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = options.Events ??= new CookieAuthenticationEvents();
        if (Installed.TryGetValue(events, out _))
        {
            return;
        }

        var signingIn = events.OnSigningIn;
        var validate = events.OnValidatePrincipal;
        events.OnSigningIn = context =>
        {
            context.Properties.Items[SignedInAtKey] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
            return signingIn(context);
        };
        events.OnValidatePrincipal = context => ValidateAsync(context, absolute, validate);
        Installed.AddOrUpdate(events, absolute);
    }

    /// <summary>Whether the cap is installed on these options' events.</summary>
    /// <param name="options">The cookie options.</param>
    /// <returns>True when installed.</returns>
    public static bool IsInstalled(CookieAuthenticationOptions options) =>
        options?.Events is { } events && Installed.TryGetValue(events, out _);

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan absolute, Func<CookieValidatePrincipalContext, Task> next)
    {
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : context.Properties.IssuedUtc;
        if (signedInAt is null || Now(context.Options) - signedInAt.Value > absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
