using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Policy;

/// <summary>
/// What PK3002 needs from the policy's <c>accessControl</c> section: the anonymous allow-list, whether access is
/// denied by default, and whether state-changing endpoints must always be authorized.
/// </summary>
/// <remarks>
/// Allow-list entries are matched case-insensitively against an endpoint's route templates and against its
/// symbol-ish names. Route entries (<c>/health</c>, <c>/account/login</c>, <c>/</c>, <c>/Privacy</c>) are compared
/// after trimming leading <c>~</c> and leading/trailing slashes and reducing parameters to their names
/// (<c>{id}</c> ≈ <c>{id:int}</c> ≈ <c>{id?}</c>); symbol entries (<c>HomeController.Index</c>,
/// <c>AccountController</c>, <c>Pages/Privacy</c>) are compared with the names the analyzer gives the endpoint.
/// In both, <c>*</c> matches within one segment (not across <c>/</c>, nor across <c>.</c> in names) and <c>**</c>
/// matches anything.
/// </remarks>
internal sealed class AuthorizationSettings
{
    /// <summary>
    /// The baseline used when the policy does not decide: nothing is anonymous by intent, access is denied by default
    /// and state-changing endpoints must be authorized (A.11.1.1 deny-by-default interpretation; MIC-63 least privilege).
    /// </summary>
    public static AuthorizationSettings Baseline { get; } = new(ImmutableArray<string>.Empty, denyByDefault: true, stateChangingRequireAuthorization: true, allowListDeclared: false);

    private readonly ImmutableArray<Pattern> _patterns;

    public AuthorizationSettings(ImmutableArray<string> anonymousAllowList, bool denyByDefault, bool stateChangingRequireAuthorization, bool allowListDeclared = true)
    {
        AllowListDeclared = allowListDeclared;
        AnonymousAllowList = anonymousAllowList.IsDefault ? ImmutableArray<string>.Empty : anonymousAllowList;
        DenyByDefault = denyByDefault;
        StateChangingRequireAuthorization = stateChangingRequireAuthorization;
        var patterns = ImmutableArray.CreateBuilder<Pattern>(AnonymousAllowList.Length);
        foreach (var entry in AnonymousAllowList)
        {
            if (!string.IsNullOrWhiteSpace(entry))
            {
                patterns.Add(new Pattern(NormalizeRoute(entry), entry.Trim()));
            }
        }

        _patterns = patterns.ToImmutable();
    }

    /// <summary>Routes and symbols that the policy allows to be reached anonymously (<c>accessControl.anonymousAllowList</c>).</summary>
    public ImmutableArray<string> AnonymousAllowList { get; }

    /// <summary>
    /// Whether the policy declares <c>accessControl.anonymousAllowList</c> (even empty). Without one, an explicit
    /// <c>[AllowAnonymous]</c>/<c>.AllowAnonymous()</c> is the only statement of intent there is, and it is taken as
    /// the decision; endpoints with no authorization at all are still reported.
    /// </summary>
    public bool AllowListDeclared { get; }

    /// <summary>Endpoints must require authorization unless allow-listed (<c>accessControl.denyByDefault</c>).</summary>
    public bool DenyByDefault { get; }

    /// <summary>POST/PUT/PATCH/DELETE endpoints must never be anonymous (<c>accessControl.stateChangingRequireAuthorization</c>).</summary>
    public bool StateChangingRequireAuthorization { get; }

    /// <summary>
    /// The settings a policy's <c>accessControl</c> section declares. Undecided flags keep the safe reading of
    /// <see cref="Baseline"/>: deny by default (MN-02) and authorize state changes (MIC-63).
    /// </summary>
    public static AuthorizationSettings From(AccessControlPolicy policy) =>
        policy.AnonymousAllowList is null && policy.DenyByDefault is null && policy.StateChangingRequireAuthorization is null
            ? Baseline
            : new(
                policy.AnonymousAllowList is { } list ? ImmutableArray.CreateRange(list) : ImmutableArray<string>.Empty,
                policy.DenyByDefault ?? Baseline.DenyByDefault,
                policy.StateChangingRequireAuthorization ?? Baseline.StateChangingRequireAuthorization,
                allowListDeclared: policy.AnonymousAllowList is not null);

    /// <summary>Whether an endpoint with this route template (if known) or any of these names is allow-listed.</summary>
    public bool IsAllowListed(string? route, params string[] symbolNames)
    {
        if (_patterns.IsEmpty)
        {
            return false;
        }

        var normalizedRoute = route is null ? null : NormalizeRoute(route);
        foreach (var pattern in _patterns)
        {
            if (normalizedRoute is not null && IsRouteMatch(pattern.Route, normalizedRoute))
            {
                return true;
            }

            foreach (var name in symbolNames)
            {
                if (!string.IsNullOrEmpty(name) && Glob.IsMatch(pattern.Symbol, name, routeSeparatorsOnly: false))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "/account/**" also allows "/account" itself: the folder and everything below it.
    private static bool IsRouteMatch(string pattern, string route) =>
        Glob.IsMatch(pattern, route, routeSeparatorsOnly: true)
        || (pattern.EndsWith("/**", StringComparison.Ordinal)
            && string.Equals(pattern.Substring(0, pattern.Length - 3), route, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Lower-cases, trims <c>~</c> and slashes at both ends, collapses repeated slashes and reduces each route parameter
    /// to its name: <c>~/Users/{id:int?}/</c> becomes <c>users/{id}</c>; catch-all <c>{*path}</c> and <c>{**path}</c>
    /// become <c>{path}</c>.
    /// </summary>
    internal static string NormalizeRoute(string route)
    {
        var text = route.Trim();
        if (text.StartsWith("~", StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                if (close < 0)
                {
                    builder.Append(text, i, text.Length - i);
                    break;
                }

                builder.Append('{').Append(ParameterName(text.Substring(i + 1, close - i - 1))).Append('}');
                i = close + 1;
                continue;
            }

            if (c == '/' && (builder.Length == 0 || builder[builder.Length - 1] == '/'))
            {
                i++;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            i++;
        }

        while (builder.Length > 0 && builder[builder.Length - 1] == '/')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static string ParameterName(string parameter)
    {
        var name = parameter.TrimStart('*');
        var end = name.Length;
        foreach (var stop in new[] { ':', '=', '?' })
        {
            var at = name.IndexOf(stop);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return name.Substring(0, end).Trim().ToLowerInvariant();
    }

    private readonly struct Pattern
    {
        public Pattern(string route, string symbol)
        {
            Route = route;
            Symbol = symbol;
        }

        public string Route { get; }

        public string Symbol { get; }
    }

    /// <summary>Case-insensitive glob: <c>*</c> stays inside a segment, <c>**</c> crosses segments.</summary>
    private static class Glob
    {
        public static bool IsMatch(string pattern, string text, bool routeSeparatorsOnly) =>
            Match(pattern, 0, text, 0, routeSeparatorsOnly, new Dictionary<long, bool>());

        private static bool Match(string pattern, int p, string text, int t, bool routeOnly, Dictionary<long, bool> memo)
        {
            var key = ((long)p << 32) | (uint)t;
            if (memo.TryGetValue(key, out var known))
            {
                return known;
            }

            bool result;
            if (p == pattern.Length)
            {
                result = t == text.Length;
            }
            else if (pattern[p] == '*')
            {
                var any = p + 1 < pattern.Length && pattern[p + 1] == '*';
                var next = any ? p + 2 : p + 1;
                result = Match(pattern, next, text, t, routeOnly, memo);
                for (var k = t; !result && k < text.Length; k++)
                {
                    if (!any && IsSeparator(text[k], routeOnly))
                    {
                        break;
                    }

                    result = Match(pattern, next, text, k + 1, routeOnly, memo);
                }
            }
            else
            {
                result = t < text.Length
                    && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])
                    && Match(pattern, p + 1, text, t + 1, routeOnly, memo);
            }

            memo[key] = result;
            return result;
        }

        private static bool IsSeparator(char c, bool routeOnly) => c == '/' || (!routeOnly && c == '.');
    }
}
