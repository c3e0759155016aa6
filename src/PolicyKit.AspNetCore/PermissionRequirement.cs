using System;
using Microsoft.AspNetCore.Authorization;

namespace PolicyKit.AspNetCore;

/// <summary>An authorization requirement: the user holds a role that grants <see cref="Permission"/> in the policy.</summary>
public sealed class PermissionRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="permission">The operation, e.g. <c>orders:read</c>.</param>
    public PermissionRequirement(string permission) => Permission = permission ?? throw new ArgumentNullException(nameof(permission));

    /// <summary>The operation, e.g. <c>orders:read</c>.</summary>
    public string Permission { get; }
}
