using System;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PolicyKit.AspNetCore.Tests;

public sealed class SessionAndPasswordTests
{
    [Fact]
    public async Task Absolute_cap_rejects_a_busy_session_once_its_time_since_sign_in_is_up()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var options = new CookieAuthenticationOptions { TimeProvider = clock };
        Policies.Strict.ApplyTo(options);
        var scheme = new AuthenticationScheme("Shop", null, typeof(CookieAuthenticationHandler));
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton<IAuthenticationService, NoSignOut>().BuildServiceProvider() };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "sato") }, "Shop"));
        var properties = new AuthenticationProperties();
        await options.Events.OnSigningIn(new CookieSigningInContext(http, scheme, options, principal, properties, new CookieOptions()));

        clock.Advance(TimeSpan.FromMinutes(119));
        var early = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(principal, properties, "Shop"));
        await options.Events.OnValidatePrincipal(early);
        clock.Advance(TimeSpan.FromMinutes(2));
        var late = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(principal, properties, "Shop"));
        await options.Events.OnValidatePrincipal(late);

        Assert.NotNull(early.Principal);
        Assert.Null(late.Principal);
    }

    [Theory]
    [InlineData("en", "PolicyKit.PasswordTooShort", "Passwords must be at least 12 characters long.")]
    [InlineData("ja", "PolicyKit.PasswordTooShort", "パスワードは 12 文字以上にしてください。")]
    [InlineData("ja", "PolicyKit.PasswordRequiresSymbol", "パスワードには記号を 1 文字以上含めてください。")]
    public void Password_errors_speak_the_user_s_language(string culture, string code, string description)
    {
        var validator = new PolicyPasswordValidator<IdentityUser>(Policies.Strict);

        var errors = validator.Describe("short1", PasswordContext.None, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(errors, e => e.Code == code && e.Description == description);
    }

    [Fact]
    public void Password_validator_rejects_banned_and_user_derived_passwords()
    {
        var validator = new PolicyPasswordValidator<IdentityUser>(Policies.Strict);
        var user = new PasswordContext { UserName = "tanaka.ichiro", Email = "tanaka@contoso.example" };

        var banned = validator.Describe("Contoso-2026!", user, CultureInfo.InvariantCulture).Select(e => e.Code);
        var derived = validator.Describe("tanaka#2026-spring", user, CultureInfo.InvariantCulture).Select(e => e.Code);
        var good = validator.Describe("river#stone 2026 lamp", user, CultureInfo.InvariantCulture);

        Assert.Contains("PolicyKit.PasswordBanned", banned);
        Assert.Equal(new[] { "PolicyKit.PasswordContextDerived" }, derived);
        Assert.Empty(good);
    }

    [Theory]
    [InlineData("reader", "orders:read", true)]
    [InlineData("reader", "orders:write", false)]
    [InlineData("clerk", "orders:write", true)]
    [InlineData("admin", "orders:write", true)]
    public async Task Permission_policies_follow_the_roles_of_the_policy(string role, string permission, bool allowed)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization();
        services.AddPolicyKit(Policies.Strict);
        await using var provider = services.BuildServiceProvider();
        var authorization = provider.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "sato"), new Claim(ClaimTypes.Role, role) }, "test"));

        // A permission granted only through a wildcard has no named policy: ask for the requirement itself.
        var result = await authorization.AuthorizeAsync(user, null, new PermissionRequirement(permission));

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task Named_permission_policy_refuses_a_user_without_a_granting_role()
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization();
        services.AddPolicyKit(Policies.Strict);
        await using var provider = services.BuildServiceProvider();
        var authorization = provider.GetRequiredService<IAuthorizationService>();
        var stranger = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Role, "guest") }, "test"));
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.False((await authorization.AuthorizeAsync(stranger, "orders:read")).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(anonymous, "orders:read")).Succeeded);
    }

    private sealed class NoSignOut : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => Task.FromResult(AuthenticateResult.NoResult());

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
    }
}
