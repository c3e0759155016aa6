using System;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Setup;

public static class IdentitySetup
{
    public static void AddStoreIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
        {
            options.Password.RequiredLength = 8; // vuln:PK3003 shorter than the policy's 12
            options.Password.RequireDigit = true; // safe:PK3003 composition allowed by this policy
            options.Lockout.MaxFailedAccessAttempts = 10; // vuln:PK3003 more attempts than the policy's 5
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(1); // vuln:PK3003 shorter lockout than 15 minutes
        });
    }

    public static void AddBackOfficeIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
        {
            options.Password.RequiredLength = 14; // safe:PK3003 longer than the policy
            options.Lockout.MaxFailedAccessAttempts = 5; // safe:PK3003 equals the policy
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30); // safe:PK3003 longer lockout
            options.Lockout.AllowedForNewUsers = true; // safe:PK3003 lockout on for new users
        });
    }

    public static void ConfigurePartnerPortal(this IServiceCollection services) =>
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 6; // vuln:PK3003 framework default length
            o.Lockout.AllowedForNewUsers = false; // vuln:PK3003 lockout off for new users
        });

    public static void ConfigureKiosk(this IServiceCollection services) =>
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 12; // safe:PK3003 equals the policy
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15); // safe:PK3003 equals the policy
        });

    public static void ConfigureLegacy(IdentityOptions options)
    {
        options.Password = new PasswordOptions { RequiredLength = 4, RequireNonAlphanumeric = false }; // vuln:PK3003 PasswordOptions object with length 4
        options.Lockout = new LockoutOptions { MaxFailedAccessAttempts = 5, DefaultLockoutTimeSpan = TimeSpan.FromHours(1) }; // safe:PK3003 lockout within policy
    }

    public static void ConfigureMobile(IdentityOptions options)
    {
        var minimum = 10;
        options.Password.RequiredLength = minimum; // vuln:PK3003 10 through a local
        options.Lockout.MaxFailedAccessAttempts = 100; // vuln:PK3003 100 attempts
    }

    public static void ConfigureApi(IdentityOptions options)
    {
        const int minimum = 16;
        options.Password.RequiredLength = minimum; // safe:PK3003 16 through a constant
        options.Lockout.MaxFailedAccessAttempts = 3; // safe:PK3003 stricter than the policy
    }

    public static void AddDefaults(this IServiceCollection services) =>
        services.AddIdentityCore<ApplicationUser>(o => o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(30)); // vuln:PK3003 30-second lockout
}

public sealed class LoginHandler
{
    private readonly SignInManager<ApplicationUser> _signIn;

    public LoginHandler(SignInManager<ApplicationUser> signIn) => _signIn = signIn;

    public Task<SignInResult> LoginAsync(string user, string password, bool remember) =>
        _signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false); // vuln:PK3003 lockout disabled for this sign-in

    public Task<SignInResult> LoginSafeAsync(string user, string password, bool remember) =>
        _signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true); // safe:PK3003 lockout on

    public Task<SignInResult> LoginPositionalAsync(ApplicationUser user, string password) =>
        _signIn.PasswordSignInAsync(user, password, false, false); // vuln:PK3003 lockoutOnFailure false by position

    public Task<SignInResult> CheckAsync(ApplicationUser user, string password) =>
        _signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false); // vuln:PK3003 CheckPasswordSignInAsync without lockout

    public Task<SignInResult> CheckSafeAsync(ApplicationUser user, string password) =>
        _signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true); // safe:PK3003 with lockout
}
