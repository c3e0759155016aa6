using System;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Setup;

/// <summary>More Identity configurations (password and lockout rules against the corpus policy: 12 chars, 5 attempts, 15 minutes).</summary>
public static class IdentityVariants
{
    public static void AddShopUi(this IServiceCollection services) =>
        services.AddIdentityCore<ApplicationUser>(o =>
        {
            o.Password.RequiredLength = 11; // vuln:PK3003 one short of the policy
            o.Password.RequireNonAlphanumeric = false; // safe:PK3003 composition is not required by this policy
            o.Lockout.MaxFailedAccessAttempts = 6; // vuln:PK3003 one attempt over the policy
        });

    public static void AddApiEndpoints(this IServiceCollection services) =>
        services.AddIdentityApiEndpoints<ApplicationUser>(o =>
        {
            o.Password.RequiredLength = 12; // safe:PK3003 equals the policy
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(900); // safe:PK3003 900 seconds is 15 minutes
            o.Lockout.MaxFailedAccessAttempts = 4; // safe:PK3003 stricter
        });

    public static void Tighten(this IServiceCollection services) =>
        services.PostConfigure<IdentityOptions>(o => o.Password.RequiredLength = 8); // vuln:PK3003 PostConfigure lowers the length after everything else

    public static void TightenSafe(this IServiceCollection services) =>
        services.PostConfigure<IdentityOptions>(o => o.Password.RequiredLength = 15); // safe:PK3003 PostConfigure raises it

    public static void LockoutZero(IdentityOptions options) => options.Lockout.DefaultLockoutTimeSpan = TimeSpan.Zero; // vuln:PK3003 zero-length lockout

    public static void LockoutFractional(IdentityOptions options) => options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromHours(0.2); // vuln:PK3003 twelve minutes

    public static void LockoutDay(IdentityOptions options) => options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromDays(1); // safe:PK3003 a day

    public static void Unlimited(IdentityOptions options) => options.Lockout.MaxFailedAccessAttempts = int.MaxValue; // vuln:PK3003 never locks out

    public static void LockoutOff(IdentityOptions options)
    {
        options.Lockout.AllowedForNewUsers = false; // vuln:PK3003 new accounts never lock out
        options.Lockout.MaxFailedAccessAttempts = 5; // safe:PK3003 equals the policy
    }

    public static void WithObject(IdentityOptions options)
    {
        var password = new PasswordOptions();
        password.RequiredLength = 9; // vuln:PK3003 nine characters on a separate options object
        password.RequireUppercase = true; // safe:PK3003 composition allowed
        options.Password = password;
    }

    public static void WithObjectSafe(IdentityOptions options)
    {
        var password = new PasswordOptions { RequiredLength = 20, RequiredUniqueChars = 4 }; // safe:PK3003 long passphrases
        options.Password = password;
    }

    public static void Lockout(IdentityOptions options) =>
        options.Lockout = new LockoutOptions { MaxFailedAccessAttempts = 20, DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15) }; // vuln:PK3003 twenty attempts

    public static void ApplyPasswordRules(PasswordOptions password, int length) => password.RequiredLength = length; // vuln:PK3003#rules-helper length decided by the caller

    public static void UseRules(IdentityOptions options) => ApplyPasswordRules(options.Password, 8); // vuln:PK3003#rules-helper passes 8

    public static void ApplyStrictRules(PasswordOptions password) => password.RequiredLength = Math.Max(password.RequiredLength, 12); // safe:PK3003 never below 12
}

/// <summary>Sign-in code paths and lockout.</summary>
public sealed class AccountSignIn(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users)
{
    public Task<SignInResult> Api(ApplicationUser user, string password) =>
        signIn.CheckPasswordSignInAsync(user, password, false); // vuln:PK3003 lockout off by position

    public async Task<bool> Direct(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password); // vuln:PK3003 CheckPasswordAsync never counts failures, no lockout
    }

    public async Task<bool> DirectWithLockout(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password)) // safe:PK3003 lockout checked before, failures counted after
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    public Task<SignInResult> Web(string email, string password, bool remember) =>
        signIn.PasswordSignInAsync(email, password, isPersistent: remember, lockoutOnFailure: true); // safe:PK3003 lockout on

    public Task<SignInResult> TwoFactor(string code, bool remember) =>
        signIn.TwoFactorAuthenticatorSignInAsync(code, remember, rememberClient: false); // safe:PK3003 2FA failures count towards lockout inside Identity

    public Task<SignInResult> Kiosk(ApplicationUser user, string pin) =>
        signIn.PasswordSignInAsync(user, pin, isPersistent: false, lockoutOnFailure: false); // vuln:PK3003 kiosk PIN without lockout

    public Task<SignInResult> Recovery(string recoveryCode) =>
        signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode); // safe:PK3003 recovery codes are single-use and counted

    public async Task<bool> Reauthenticate(ApplicationUser user, string password)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true); // safe:PK3003 re-authentication with lockout
        return result.Succeeded;
    }
}
