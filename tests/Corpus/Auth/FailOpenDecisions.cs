using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;

namespace Corpus.Auth;

/// <summary>Decisions whose "yes" is the restrictive answer, and filters that decide by not setting a result.</summary>
public sealed class StepUpRules(UserManager<ApplicationUser> users, HttpClient fraudApi, ILogger<StepUpRules> logger)
{
    public async Task<bool> MustReauthenticateAsync(ApplicationUser user)
    {
        try
        {
            return await users.GetTwoFactorEnabledAsync(user) && !await users.IsEmailConfirmedAsync(user);
        }
        catch (InvalidOperationException ex) // vuln:PK3001 store error answers "no step-up needed"
        {
            logger.LogWarning(ex, "Step-up lookup failed");
            return false;
        }
    }

    public async Task<bool> MustReauthenticateStrictAsync(ApplicationUser user)
    {
        try
        {
            return await users.GetTwoFactorEnabledAsync(user) && !await users.IsEmailConfirmedAsync(user);
        }
        catch (InvalidOperationException ex) // safe:PK3001 store error demands step-up
        {
            logger.LogWarning(ex, "Step-up lookup failed");
            return true;
        }
    }

    public async Task<bool> IsAccountBlockedAsync(string accountId)
    {
        var blocked = false;
        try
        {
            blocked = (await fraudApi.GetAsync($"/blocks/{accountId}")).IsSuccessStatusCode;
        }
        catch (HttpRequestException ex) // vuln:PK3001 fraud service down: every account counts as unblocked
        {
            logger.LogWarning(ex, "Fraud service unavailable");
        }

        return blocked;
    }

    public async Task<bool> IsAccountBlockedStrictAsync(string accountId)
    {
        var blocked = true;
        try
        {
            blocked = (await fraudApi.GetAsync($"/blocks/{accountId}")).IsSuccessStatusCode;
        }
        catch (HttpRequestException ex) // safe:PK3001 outage keeps the account blocked
        {
            logger.LogWarning(ex, "Fraud service unavailable");
        }

        return blocked;
    }
}

public sealed class WarehouseScopeFilter(IReadOnlyDictionary<string, string> warehouseOfUser, ILogger<WarehouseScopeFilter> logger) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        try
        {
            var warehouse = warehouseOfUser[context.HttpContext.User.Identity?.Name ?? string.Empty];
            if (warehouse != context.RouteData.Values["warehouse"] as string)
            {
                context.Result = new ForbidResult();
            }
        }
        catch (KeyNotFoundException ex) // vuln:PK3001 users without a warehouse skip the scope check
        {
            logger.LogInformation(ex, "No warehouse for user");
        }
    }
}

public sealed class DownloadLinks(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("download-links");

    public string? FileOfToken(string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException) // vuln:PK3001 a forged or expired link still downloads a file
        {
            return "catalogue.pdf";
        }
    }

    public string? FileOfTokenStrict(string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException) // safe:PK3001 forged link, no file
        {
            return null;
        }
    }
}

public sealed record SignInForm(string Email, string Password);

public sealed class SessionsController(SignInManager<ApplicationUser> signIn, ILogger<SessionsController> logger) : Controller
{
    [HttpPost]
    public async Task<IActionResult> Create(SignInForm form, string returnUrl)
    {
        try
        {
            var result = await signIn.PasswordSignInAsync(form.Email, form.Password, false, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                ModelState.AddModelError(string.Empty, "Invalid sign-in attempt.");
                return View(form);
            }

            return LocalRedirect(returnUrl);
        }
        catch (InvalidOperationException ex) // safe:PK3001 the code after the try shows the form again
        {
            logger.LogError(ex, "Sign-in store unavailable");
            ModelState.AddModelError(string.Empty, "Sign-in is unavailable.");
        }

        return View(form);
    }
}

public static class HousekeepingChecks
{
    public static bool IsDiskNearlyFull(string path)
    {
        try
        {
            return new System.IO.DriveInfo(path).AvailableFreeSpace < 1_000_000_000;
        }
        catch (System.IO.IOException) // safe:PK3001 not a security decision
        {
            return true;
        }
    }
}
