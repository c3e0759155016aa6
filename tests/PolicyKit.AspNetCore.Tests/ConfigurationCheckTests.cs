using System;
using System.Linq;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyKit.AspNetCore.Tests;

public sealed class ConfigurationCheckTests
{
    [Fact]
    public void Reports_identity_settings_weaker_than_the_policy_with_their_clause()
    {
        var options = new IdentityOptions();
        options.Password.RequiredLength = 6;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 10;

        var findings = PolicyConfigurationCheck.Check(options, Policies.Strict).Select(f => f.Message).ToArray();

        Assert.Contains("IdentityOptions.Password.RequiredLength is 6; password.minimumLength requires at least 12 [adopter].", findings);
        Assert.Contains("IdentityOptions.Password.RequireNonAlphanumeric is false; password.requiredClasses requires true [adopter].", findings);
        Assert.Contains("IdentityOptions.Lockout.MaxFailedAccessAttempts is 10; password.lockout.threshold requires at most 5 [adopter].", findings);
        Assert.Contains("IdentityOptions.Lockout.DefaultLockoutTimeSpan is 5 minutes; password.lockout.durationMinutes requires at least 15 minutes [adopter].", findings);
    }

    [Fact]
    public void Reports_a_cookie_that_is_not_secure_lives_too_long_and_slides_without_a_cap()
    {
        var options = new CookieAuthenticationOptions { SlidingExpiration = true, ExpireTimeSpan = TimeSpan.FromDays(14) };
        options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        options.Cookie.SameSite = SameSiteMode.Lax;

        var settings = PolicyConfigurationCheck.Check("Identity.Application", options, Policies.Strict).Select(f => f.Setting).ToArray();

        Assert.Equal(
            new[]
            {
                "CookieAuthenticationOptions[Identity.Application].ExpireTimeSpan",
                "CookieAuthenticationOptions[Identity.Application].SlidingExpiration",
                "CookieAuthenticationOptions[Identity.Application].Cookie.SecurePolicy",
                "CookieAuthenticationOptions[Identity.Application].Cookie.SameSite",
            },
            settings);
    }

    [Fact]
    public void Reports_a_missing_fallback_policy_under_deny_by_default()
    {
        var finding = Assert.Single(PolicyConfigurationCheck.Check(new AuthorizationOptions(), Policies.Strict));

        Assert.Equal("accessControl.denyByDefault", finding.PolicyPath);
    }

    [Fact]
    public void AddPolicyKit_configures_identity_cookies_session_and_authorization_that_pass_the_check()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<IdentityUser>();
        services.AddAuthentication().AddCookie("Shop");
        services.AddAuthorization();
        services.AddDistributedMemoryCache();
        services.AddSession();
        services.AddPolicyKit(Policies.Strict);
        using var provider = services.BuildServiceProvider();

        Assert.Empty(PolicyConfigurationCheck.Run(provider, Policies.Strict));
    }

    [Fact]
    public void A_later_configure_that_weakens_a_setting_is_caught()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication().AddCookie("Shop");
        services.AddDistributedMemoryCache();
        services.AddSession();
        services.AddPolicyKit(Policies.Strict);
        services.Configure<SessionOptions>(o => o.IdleTimeout = TimeSpan.FromHours(8));
        services.Configure<CookieAuthenticationOptions>("Shop", o => o.Cookie.HttpOnly = false);
        using var provider = services.BuildServiceProvider();

        var settings = PolicyConfigurationCheck.Run(provider, Policies.Strict).Select(f => f.Setting).ToArray();

        Assert.Equal(new[] { "CookieAuthenticationOptions[Shop].Cookie.HttpOnly", "SessionOptions.IdleTimeout" }, settings);
    }
}
