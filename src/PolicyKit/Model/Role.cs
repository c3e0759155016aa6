using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>A role and the operations it may perform (<c>accessControl.roles[]</c>).</summary>
public sealed record Role
{
    /// <summary>The role name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Permissions: exact operations (<c>payroll:read</c>), prefixes (<c>payroll:*</c>) or <c>*</c>.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = Array.Empty<string>();

    /// <summary>Whether the role is administrative (privileged).</summary>
    public bool? Administrative { get; init; }

    /// <summary>Where the role comes from.</summary>
    public Provenance Source { get; init; } = Provenance.Adopter;

    /// <summary>Whether this role grants <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation, e.g. <c>payroll:read</c>.</param>
    /// <returns>True when a permission matches.</returns>
    public bool Grants(string operation)
    {
        foreach (var permission in Permissions)
        {
            if (PermissionMatches(permission, operation))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool PermissionMatches(string permission, string operation)
    {
        if (permission == "*" || string.Equals(permission, operation, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return permission.EndsWith("*", StringComparison.Ordinal)
            && operation.StartsWith(permission.Substring(0, permission.Length - 1), StringComparison.OrdinalIgnoreCase);
    }
}
