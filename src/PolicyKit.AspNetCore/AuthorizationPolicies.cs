using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Authorization;

namespace PolicyKit.AspNetCore;

/// <summary>Applies <see cref="AccessControlPolicy"/> to ASP.NET Core authorization.</summary>
public static class AuthorizationPolicies
{
    /// <summary>The policy satisfied by the roles marked <c>administrative</c>.</summary>
    public const string Administrative = "policykit:administrative";

    /// <summary>
    /// With <c>accessControl.denyByDefault</c>, sets a fallback policy that requires an authenticated user (MN-02:
    /// nothing is usable without signing in). Adds one named policy per permission the roles list (the policy name is
    /// the permission, e.g. <c>[Authorize(Policy = "orders:read")]</c>), decided by
    /// <see cref="AccessControlPolicy.IsAllowed"/> (roles, wildcards, the default role, individual accounts), and
    /// <see cref="Administrative"/>.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">The authorization options.</param>
    public static void ApplyTo(this PolicySet policy, AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var access = policy.AccessControl;
        if (access.DenyByDefault == true)
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        }

        foreach (var permission in PermissionsOf(access))
        {
            options.AddPolicy(permission, builder => builder.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        var administrative = new List<string>();
        foreach (var role in access.Roles)
        {
            if (role.Administrative == true)
            {
                administrative.Add(role.Name);
            }
        }

        if (administrative.Count > 0)
        {
            options.AddPolicy(Administrative, builder => builder.RequireAuthenticatedUser().RequireRole(administrative));
        }
    }

    /// <summary>The exact permissions the roles list (wildcards such as <c>*</c> and <c>orders:*</c> are grants, not names).</summary>
    /// <param name="access">The access-control policy.</param>
    /// <returns>The permission names, in order of first mention.</returns>
    public static IReadOnlyList<string> PermissionsOf(AccessControlPolicy access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var role in access.Roles)
        {
            foreach (var permission in role.Permissions)
            {
                if (!permission.EndsWith('*') && seen.Add(permission))
                {
                    result.Add(permission);
                }
            }
        }

        return result;
    }
}
