using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3004SessionWeakerThanPolicyAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK3004 on TempData/antiforgery cookies, sign-in lifetimes, appended credential cookies and SameSite Unspecified.</summary>
public sealed class PK3004SessionWeakerThanPolicyMoreTests
{
    private const string Workday = """{ "session": { "idleTimeoutMinutes": 30, "absoluteTimeoutMinutes": 480, "cookie": { "secure": true, "httpOnly": true, "sameSite": "Lax" } } }""";
    private const string Fortnight = """{ "session": { "idleTimeoutMinutes": 30, "absoluteTimeoutMinutes": 20160, "cookie": { "secure": true, "httpOnly": true, "sameSite": "Lax" } } }""";

    private const string RememberMe = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SignInController : Controller
        {
            [HttpPost]
            [ValidateAntiForgeryToken]
            public async Task<IActionResult> KeepMe()
            {
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, User,
                    new AuthenticationProperties { IsPersistent = true, [|ExpiresUtc = DateTimeOffset.UtcNow.AddDays(14)|] });
                return NoContent();
            }
        }
        """;

    [Fact]
    public Task Flags_a_remembered_sign_in_longer_than_the_absolute_timeout() => Verify.Analyzer(Workday, RememberMe);

    [Fact]
    public Task Ignores_the_same_sign_in_under_a_two_week_policy() => Verify.NoDiagnostic(RememberMe.Replace("[|", "").Replace("|]", ""), Fortnight);

    [Fact]
    public Task Ignores_a_sign_in_within_the_absolute_timeout() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;

        public static class ShiftSignIn
        {
            public static Task Start(HttpContext context) =>
                context.SignInAsync(context.User, new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(4) });
        }
        """, Workday);

    [Fact]
    public Task Flags_tempdata_and_antiforgery_cookies_sent_over_http() => Verify.Analyzer(Workday, """
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class FrameworkCookies
        {
            public static void Add(IServiceCollection services)
            {
                services.Configure<CookieTempDataProviderOptions>(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
                services.Configure<CookieTempDataProviderOptions>(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|]);
                services.AddAntiforgery(o => [|o.Cookie.SecurePolicy = CookieSecurePolicy.None|]);
                services.AddAntiforgery(o => [|o.Cookie.SameSite = SameSiteMode.None|]);
            }
        }
        """);

    [Fact]
    public Task Ignores_tempdata_and_antiforgery_cookies_that_meet_the_policy() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class FrameworkCookies
        {
            public static void Add(IServiceCollection services)
            {
                services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
                services.AddAntiforgery(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.Name = "__Host-af";
                });
            }
        }
        """, Workday);

    [Fact]
    public Task Flags_an_unspecified_same_site_on_an_authentication_cookie() => Verify.Analyzer(Workday, """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Auth
        {
            public static void Add(IServiceCollection services) =>
                services.AddAuthentication().AddCookie("partners", o =>
                {
                    o.ExpireTimeSpan = System.TimeSpan.FromMinutes(20);
                    o.SlidingExpiration = false;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    [|o.Cookie.SameSite = SameSiteMode.Unspecified|];
                });
        }
        """);

    [Fact]
    public Task Flags_a_credential_cookie_named_for_what_it_holds_not_for_a_session() => Verify.Analyzer(Workday, """
        using Microsoft.AspNetCore.Http;

        public static class TrustedDevice
        {
            public static void Remember(HttpResponse response, string deviceToken) =>
                response.Cookies.Append("trusted_device", deviceToken, new CookieOptions { HttpOnly = true, [|Secure = false|], SameSite = SameSiteMode.Strict });

            public static void Impersonate(HttpResponse response, string ticket) =>
                response.Cookies.Append("acting_as", ticket, new CookieOptions { HttpOnly = true, Secure = true, [|SameSite = SameSiteMode.Unspecified|] });
        }
        """);

    [Fact]
    public Task Flags_a_shopping_cart_cookie_that_is_not_secure() => Verify.Analyzer(Workday, """
        using Microsoft.AspNetCore.Http;

        public static class Basket
        {
            public static void Keep(HttpResponse response, string basketId) =>
                response.Cookies.Append("basket", basketId, new CookieOptions { HttpOnly = true, [|Secure = false|], SameSite = SameSiteMode.Lax });
        }
        """);

    [Fact]
    public Task Ignores_preference_cookies_whatever_their_flags() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Http;

        public static class Preferences
        {
            public static void Save(HttpResponse response, string theme, string culture)
            {
                response.Cookies.Append("theme", theme);
                response.Cookies.Append("ui_culture", culture, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Unspecified });
            }
        }
        """, Workday);

    [Fact]
    public Task Flags_an_expiry_set_on_the_options_after_they_are_built() => Verify.Analyzer(Workday, """
        using System;
        using Microsoft.AspNetCore.Http;

        public static class AccessCookie
        {
            public static void Write(HttpResponse response, string accessToken)
            {
                var options = new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict };
                [|options.Expires = DateTimeOffset.UtcNow.AddDays(3)|];
                response.Cookies.Append("access_token", accessToken, options);
            }
        }
        """);

    [Fact]
    public Task Ignores_options_adjusted_within_the_policy_or_handed_to_a_helper() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Http;

        public static class AccessCookie
        {
            public static void Write(HttpResponse response, string accessToken)
            {
                var options = new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict };
                options.Expires = DateTimeOffset.UtcNow.AddHours(2);
                response.Cookies.Append("access_token", accessToken, options);
            }

            public static void WriteHardened(HttpResponse response, string accessToken)
            {
                var options = new CookieOptions { Expires = DateTimeOffset.UtcNow.AddHours(1) };
                Harden(options);
                response.Cookies.Append("access_token", accessToken, options);
            }

            private static void Harden(CookieOptions options)
            {
                options.HttpOnly = true;
                options.Secure = true;
                options.SameSite = SameSiteMode.Strict;
            }
        }
        """, Workday);

    [Fact]
    public Task Flags_a_session_cookie_without_options_when_the_cookie_policy_middleware_is_not_used() => Verify.Analyzer(Workday, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class SessionCookie
        {
            public static void Policy(IServiceCollection services) =>
                services.Configure<CookiePolicyOptions>(o =>
                {
                    o.Secure = CookieSecurePolicy.Always;
                    o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
                });

            public static void Write(HttpResponse response, string id) => response.Cookies.[|Append("session_id", id)|];
        }
        """);

    [Fact]
    public Task Ignores_a_session_cookie_without_options_behind_the_cookie_policy_middleware() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;

        public static class SessionCookie
        {
            public static void Use(IApplicationBuilder app) =>
                app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always, HttpOnly = HttpOnlyPolicy.Always, MinimumSameSitePolicy = SameSiteMode.Lax });

            public static void Write(HttpResponse response, string id) => response.Cookies.Append("session_id", id);
        }
        """, Workday);
}
