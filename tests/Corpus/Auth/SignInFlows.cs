using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Corpus.Auth;

public sealed class SignInService
{
    private readonly SignInManager<ApplicationUser> _signIn;
    private readonly UserManager<ApplicationUser> _users;
    private readonly IPasswordHasher<ApplicationUser> _hasher;
    private readonly IAuthorizationService _authorization;
    private readonly ILogger<SignInService> _logger;

    public SignInService(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IPasswordHasher<ApplicationUser> hasher, IAuthorizationService authorization, ILogger<SignInService> logger)
    {
        _signIn = signIn;
        _users = users;
        _hasher = hasher;
        _authorization = authorization;
        _logger = logger;
    }

    public async Task<bool> LoginAsync(string userName, string password)
    {
        try
        {
            var result = await _signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded;
        }
        catch (InvalidOperationException) // vuln:PK3001 sign-in failure treated as success
        {
            return true;
        }
    }

    public async Task<bool> LoginSafeAsync(string userName, string password)
    {
        try
        {
            var result = await _signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded;
        }
        catch (InvalidOperationException ex) // safe:PK3001 logged, returns false
        {
            _logger.LogError(ex, "Sign-in failed for an account");
            return false;
        }
    }

    public async Task<bool> CheckPasswordAsync(ApplicationUser user, string password)
    {
        var ok = false;
        try
        {
            ok = await _users.CheckPasswordAsync(user, password);
        }
        catch (Exception ex) // vuln:PK3001 logs but keeps going with a flag that a later step may set
        {
            _logger.LogWarning(ex, "Password check failed");
            ok = true;
        }

        return ok;
    }

    public async Task<bool> CheckPasswordSafeAsync(ApplicationUser user, string password)
    {
        var ok = false;
        try
        {
            ok = await _users.CheckPasswordAsync(user, password);
        }
        catch (Exception ex) // safe:PK3001 flag stays false
        {
            _logger.LogWarning(ex, "Password check failed");
        }

        return ok;
    }

    public PasswordVerificationResult Verify(ApplicationUser user, string hash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(user, hash, password);
        }
        catch (FormatException) // vuln:PK3001 malformed hash accepted
        {
            return PasswordVerificationResult.Success;
        }
    }

    public PasswordVerificationResult VerifySafe(ApplicationUser user, string hash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(user, hash, password);
        }
        catch (FormatException) // safe:PK3001 malformed hash rejected
        {
            return PasswordVerificationResult.Failed;
        }
    }

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, object document)
    {
        try
        {
            var result = await _authorization.AuthorizeAsync(user, document, "EditPolicy");
            return result.Succeeded;
        }
        catch (InvalidOperationException) // vuln:PK3001 missing policy means allowed
        {
            return true;
        }
    }

    public async Task<bool> CanEditSafeAsync(ClaimsPrincipal user, object document)
    {
        try
        {
            var result = await _authorization.AuthorizeAsync(user, document, "EditPolicy");
            return result.Succeeded;
        }
        catch (InvalidOperationException ex) // safe:PK3001 missing policy means denied
        {
            _logger.LogError(ex, "Authorization policy missing");
            return false;
        }
    }

    public async Task TwoFactorAsync(string code)
    {
        try
        {
            await _signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        catch (Exception) { } // vuln:PK3001 one-line empty catch
    }

    public async Task<Microsoft.AspNetCore.Identity.SignInResult> TwoFactorSafeAsync(string code)
    {
        try
        {
            return await _signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        catch (Exception ex) // safe:PK3001 reports failure
        {
            _logger.LogError(ex, "2FA sign-in failed");
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
    }

    public async Task<bool> RefreshSignInAsync(ApplicationUser user)
    {
        try
        {
            await _signIn.RefreshSignInAsync(user);
            return true;
        }
        catch (ObjectDisposedException) // vuln:PK3001 pretends the refresh succeeded
        {
            return true;
        }
    }

    public async Task ExternalAsync()
    {
        ExternalLoginInfo? info = null;
        try
        {
            info = await _signIn.GetExternalLoginInfoAsync();
        }
        catch (Exception ex) // safe:PK3001 info stays null and is checked below
        {
            _logger.LogWarning(ex, "External login info unavailable");
        }

        if (info is null)
        {
            throw new UnauthorizedAccessException();
        }
    }
}

[Authorize]
public sealed class ConfirmModel : PageModel
{
    private readonly UserManager<ApplicationUser> _users;

    public ConfirmModel(UserManager<ApplicationUser> users) => _users = users;

    public async Task<IActionResult> OnGetAsync(string userId, string code)
    {
        var user = await _users.FindByIdAsync(userId);
        try
        {
            var result = await _users.ConfirmEmailAsync(user!, code);
            if (!result.Succeeded) return BadRequest();
        }
        catch (Exception) // vuln:PK3001 confirmation failure ignored; page continues as confirmed
        {
        }

        return RedirectToPage("/Account/Confirmed");
    }

    public async Task<IActionResult> OnPostAsync(string userId, string code)
    {
        var user = await _users.FindByIdAsync(userId);
        try
        {
            var result = await _users.ConfirmEmailAsync(user!, code);
            if (!result.Succeeded) return BadRequest();
        }
        catch (InvalidOperationException) // safe:PK3001 returns an error
        {
            return BadRequest();
        }

        return RedirectToPage("/Account/Confirmed");
    }
}

public static class NonAuthCatches
{
    public static int ParsePage(string? value)
    {
        try
        {
            return int.Parse(value ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException) // safe:PK3001 not an authentication path
        {
            return 1;
        }
    }

    public static void DeleteTempFile(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (System.IO.IOException) // safe:PK3001 best-effort clean-up, unrelated to auth
        {
        }
    }
}
