using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>Who may do what (<c>accessControl</c>): roles, deny by default, individual accounts, anonymous allow-list.</summary>
public sealed record AccessControlPolicy
{
    /// <summary>Whether anything not explicitly granted is denied.</summary>
    public bool? DenyByDefault { get; init; }

    /// <summary>Whether shared accounts are refused.</summary>
    public bool? IndividualAccountsOnly { get; init; }

    /// <summary>The least-privileged role given to authenticated users who have no role.</summary>
    public string? DefaultRole { get; init; }

    /// <summary>The roles.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = Array.Empty<Role>();

    /// <summary>Resources anyone may reach without signing in: paths (<c>/health</c>, globs allowed) or endpoints (<c>HomeController.Index</c>).</summary>
    public IReadOnlyList<string>? AnonymousAllowList { get; init; }

    /// <summary>Whether state-changing endpoints must require authorization.</summary>
    public bool? StateChangingRequireAuthorization { get; init; }

    /// <summary>Whether <paramref name="resource"/> is on the anonymous allow-list.</summary>
    /// <param name="resource">A path or endpoint name.</param>
    /// <returns>True when anyone may reach it.</returns>
    public bool IsAnonymousAllowed(string resource)
    {
        if (AnonymousAllowList is null || resource is null)
        {
            return false;
        }

        foreach (var entry in AnonymousAllowList)
        {
            if (string.Equals(entry, resource, StringComparison.OrdinalIgnoreCase)
                || (entry.IndexOfAny(GlobChars) >= 0 && PathGlob.IsMatch(entry, resource, anchored: true)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Decides an access: allow-listed resources are open to anyone; otherwise the subject must be authenticated,
    /// an individual account when <see cref="IndividualAccountsOnly"/> is set, and hold a role (or the
    /// <see cref="DefaultRole"/>) granting <paramref name="operation"/>. With <see cref="DenyByDefault"/> not
    /// <see langword="true"/>, an operation no role mentions is allowed to authenticated subjects.
    /// </summary>
    /// <param name="subject">Who asks.</param>
    /// <param name="operation">The permission needed, e.g. <c>payroll:read</c>.</param>
    /// <param name="resource">The path or endpoint, for the anonymous allow-list.</param>
    /// <returns>True when allowed.</returns>
    public bool IsAllowed(AccessSubject subject, string operation, string resource)
    {
        if (IsAnonymousAllowed(resource))
        {
            return true;
        }

        if (subject is null || !subject.IsAuthenticated)
        {
            return false;
        }

        if (IndividualAccountsOnly == true && subject.IsSharedAccount)
        {
            return false;
        }

        var roleNames = subject.Roles.Count > 0 || DefaultRole is null ? subject.Roles : new[] { DefaultRole };
        foreach (var name in roleNames)
        {
            var role = FindRole(name);
            if (role is not null && role.Grants(operation))
            {
                return true;
            }
        }

        return DenyByDefault != true && !AnyRoleMentions(operation);
    }

    /// <summary>Finds a role by name (case-insensitive).</summary>
    /// <param name="name">The role name.</param>
    /// <returns>The role, or <see langword="null"/>.</returns>
    public Role? FindRole(string name)
    {
        foreach (var role in Roles)
        {
            if (string.Equals(role.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }

    private bool AnyRoleMentions(string operation)
    {
        foreach (var role in Roles)
        {
            foreach (var permission in role.Permissions)
            {
                if (permission != "*" && Role.PermissionMatches(permission, operation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly char[] GlobChars = { '*', '?' };
}
