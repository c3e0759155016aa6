using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace PolicyKit.AspNetCore;

/// <summary>Decides <see cref="PermissionRequirement"/>s with <see cref="AccessControlPolicy.IsAllowed"/>.</summary>
public sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    private readonly PolicySet policy;

    /// <summary>Creates the handler.</summary>
    /// <param name="policy">The policy.</param>
    public PermissionAuthorizationHandler(PolicySet policy) => this.policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        // The resource is left empty: the anonymous allow-list is about endpoints, a permission never opens to anyone.
        if (policy.AccessControl.IsAllowed(SubjectOf(context.User), requirement.Permission, string.Empty))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The policy's view of a signed-in user: name, authentication and role claims.</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The subject.</returns>
    public static AccessSubject SubjectOf(ClaimsPrincipal? user)
    {
        var identity = user?.Identity as ClaimsIdentity;
        if (user is null || identity is null || !identity.IsAuthenticated)
        {
            return AccessSubject.Anonymous;
        }

        var roles = new List<string>();
        foreach (var claim in user.FindAll(identity.RoleClaimType))
        {
            roles.Add(claim.Value);
        }

        return new AccessSubject { Name = identity.Name, IsAuthenticated = true, Roles = roles };
    }
}
