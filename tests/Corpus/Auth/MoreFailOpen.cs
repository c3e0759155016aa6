using System;
using System.Net.Http;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;

namespace Corpus.Auth;

public sealed class LicenseGate(HttpClient http, ILogger<LicenseGate> logger)
{
    public async Task<bool> IsLicensedAsync(string tenant)
    {
        try
        {
            return (await http.GetAsync($"/licenses/{tenant}")).IsSuccessStatusCode;
        }
        catch (TaskCanceledException) // vuln:PK3001 licence server timeout grants access
        {
            return true;
        }
    }

    public async Task<bool> IsLicensedStrictAsync(string tenant)
    {
        try
        {
            return (await http.GetAsync($"/licenses/{tenant}")).IsSuccessStatusCode;
        }
        catch (TaskCanceledException ex) // safe:PK3001 timeout denies
        {
            logger.LogWarning(ex, "Licence check timed out for {Tenant}", tenant);
            return false;
        }
    }
}

public sealed class InvitationTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("invites").ToTimeLimitedDataProtector();

    public string? TeamOf(string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException) // vuln:PK3001 an expired or forged invitation joins the default team
        {
            return "default-team";
        }
    }

    public string? TeamOfStrict(string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException) // safe:PK3001 no team for a bad token
        {
            return null;
        }
    }
}

public sealed class TenantFilter(ILogger<TenantFilter> logger) : IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        try
        {
            var tenant = context.HttpContext.User.FindFirstValue("tenant") ?? throw new InvalidOperationException("no tenant claim");
            if (tenant != context.RouteData.Values["tenant"] as string)
            {
                context.Result = new ForbidResult();
            }
        }
        catch (InvalidOperationException ex) // vuln:PK3001 missing tenant claim skips the tenant check
        {
            logger.LogDebug(ex, "No tenant claim");
        }

        return Task.CompletedTask;
    }
}

public sealed class TenantFilterStrict(ILogger<TenantFilterStrict> logger) : IAsyncAuthorizationFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        try
        {
            var tenant = context.HttpContext.User.FindFirstValue("tenant") ?? throw new InvalidOperationException("no tenant claim");
            if (tenant != context.RouteData.Values["tenant"] as string)
            {
                context.Result = new ForbidResult();
            }
        }
        catch (InvalidOperationException ex) // safe:PK3001 forbids without a tenant claim
        {
            logger.LogDebug(ex, "No tenant claim");
            context.Result = new ForbidResult();
        }

        return Task.CompletedTask;
    }
}

public sealed class PasswordChange(UserManager<ApplicationUser> users, ILogger<PasswordChange> logger)
{
    public async Task<bool> ChangeAsync(ApplicationUser user, string current, string next)
    {
        try
        {
            var result = await users.ChangePasswordAsync(user, current, next);
            return result.Succeeded;
        }
        catch (Exception ex) // vuln:PK3001 reports success when the change threw
        {
            logger.LogError(ex, "Password change failed");
            return true;
        }
    }

    public async Task<bool> ChangeStrictAsync(ApplicationUser user, string current, string next)
    {
        try
        {
            var result = await users.ChangePasswordAsync(user, current, next);
            return result.Succeeded;
        }
        catch (Exception ex) // safe:PK3001 failure reported as failure
        {
            logger.LogError(ex, "Password change failed");
            return false;
        }
    }

    public async Task ResetAsync(ApplicationUser user, string token, string next)
    {
        try
        {
            await users.ResetPasswordAsync(user, token, next);
        }
        catch (InvalidOperationException) // vuln:PK3001 reset failure swallowed, caller shows "password changed"
        {
        }
    }

    public async Task<IdentityResult> ResetStrictAsync(ApplicationUser user, string token, string next)
    {
        try
        {
            return await users.ResetPasswordAsync(user, token, next);
        }
        catch (InvalidOperationException ex) // safe:PK3001 turned into a failed result
        {
            return IdentityResult.Failed(new IdentityError { Code = "reset", Description = ex.GetType().Name });
        }
    }
}

public sealed class OwnershipHandler(ShopDbContext db) : AuthorizationHandler<OperationAuthorizationRequirementStub, Order>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirementStub requirement, Order resource)
    {
        try
        {
            var owner = await db.Orders.FindAsync(resource.Id);
            if (owner?.CustomerId == context.User.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                context.Succeed(requirement);
            }
        }
        catch (ObjectDisposedException) // vuln:PK3001 falls back to the resource's own (client-supplied) owner field
        {
            if (resource.CustomerId == context.User.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                context.Succeed(requirement);
            }
        }
    }
}

public sealed class OperationAuthorizationRequirementStub : IAuthorizationRequirement
{
}

public static class SessionBinding
{
    public static bool SameDevice(HttpContext context, string expectedFingerprint)
    {
        try
        {
            return context.Request.Headers["X-Device"].ToString() == expectedFingerprint;
        }
        catch (Exception) // vuln:PK3001 any error means "same device"
        {
            return true;
        }
    }

    public static bool EmailConfirmed(ApplicationUser user, Func<ApplicationUser, bool> check)
    {
        var confirmed = true;
        try
        {
            confirmed = check(user);
        }
        catch (NullReferenceException) // vuln:PK3001 unconfirmed accounts pass when the check crashes
        {
        }

        return confirmed;
    }

    public static bool EmailConfirmedStrict(ApplicationUser user, Func<ApplicationUser, bool> check)
    {
        try
        {
            return check(user);
        }
        catch (NullReferenceException) // safe:PK3001 treated as unconfirmed
        {
            return false;
        }
    }
}
