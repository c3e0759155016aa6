using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace PolicyKit.AspNetCore.Tests;

public sealed class ApplyToTests
{
    [Fact]
    public void Identity_options_take_length_classes_and_lockout_from_the_policy()
    {
        var options = new IdentityOptions();

        Policies.Strict.ApplyTo(options);

        Assert.Equal(12, options.Password.RequiredLength);
        Assert.True(options.Password.RequireDigit);
        Assert.True(options.Password.RequireNonAlphanumeric);
        Assert.False(options.Password.RequireUppercase);
        Assert.False(options.Password.RequireLowercase);
        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Lockout.DefaultLockoutTimeSpan);
        Assert.Empty(PolicyConfigurationCheck.Check(options, Policies.Strict));
    }

    [Fact]
    public void Identity_options_drop_every_composition_rule_when_the_policy_forbids_them()
    {
        var options = new IdentityOptions();

        Policies.NistLike.ApplyTo(options);

        Assert.Equal(15, options.Password.RequiredLength);
        Assert.False(options.Password.RequireDigit || options.Password.RequireLowercase || options.Password.RequireUppercase || options.Password.RequireNonAlphanumeric);
    }

    [Fact]
    public void Cookie_slides_only_with_an_absolute_cap()
    {
        var capped = new CookieAuthenticationOptions();
        var uncapped = new CookieAuthenticationOptions { SlidingExpiration = true };

        Policies.Strict.ApplyTo(capped);
        Policies.NistLike.ApplyTo(uncapped);

        Assert.True(capped.SlidingExpiration);
        Assert.True(AbsoluteSessionCap.IsInstalled(capped));
        Assert.Equal(TimeSpan.FromMinutes(20), capped.ExpireTimeSpan);
        Assert.Equal(CookieSecurePolicy.Always, capped.Cookie.SecurePolicy);
        Assert.True(capped.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, capped.Cookie.SameSite);
        Assert.False(uncapped.SlidingExpiration);
        Assert.Equal(TimeSpan.FromMinutes(30), uncapped.ExpireTimeSpan);
    }

    [Fact]
    public void Session_takes_idle_timeout_and_cookie_flags()
    {
        var options = new SessionOptions();

        Policies.Strict.ApplyTo(options);

        Assert.Equal(TimeSpan.FromMinutes(20), options.IdleTimeout);
        Assert.Equal(CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.Empty(PolicyConfigurationCheck.Check(options, Policies.Strict));
    }

    [Fact]
    public void Authorization_gets_a_fallback_and_one_policy_per_permission()
    {
        var options = new AuthorizationOptions();

        Policies.Strict.ApplyTo(options);

        Assert.NotNull(options.FallbackPolicy);
        Assert.NotNull(options.GetPolicy("orders:read"));
        Assert.NotNull(options.GetPolicy(AuthorizationPolicies.Administrative));
        Assert.Null(options.GetPolicy("orders:*"));
        Assert.Empty(PolicyConfigurationCheck.Check(options, Policies.Strict));
    }
}
