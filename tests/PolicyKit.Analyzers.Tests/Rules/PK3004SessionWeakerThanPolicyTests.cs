using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3004SessionWeakerThanPolicyAnalyzer, PolicyKit.CodeFixes.Rules.PK3004SessionWeakerThanPolicyFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3004SessionWeakerThanPolicyTests
{
    private const string Idle30 = """{ "session": { "idleTimeoutMinutes": 30 } }""";
    private const string Idle15 = """{ "session": { "idleTimeoutMinutes": 15 } }""";
    private const string Strict = """{ "session": { "cookie": { "sameSite": "Strict" } } }""";

    // The same session configuration, judged under two idle timeouts.
    private const string Session30 = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            {|#0:options.IdleTimeout = TimeSpan.FromMinutes(30)|};
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.IsEssential = true;
        });
        var app = builder.Build();
        app.UseSession();
        app.Run();
        """;

    // Cookie authentication with a fixed 8-hour lifetime: within the baseline's absolute timeout, no sliding.
    private static string CookieAuth(string settings) => """
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(options =>
                    {
                        options.LoginPath = "/Account/Login";
                        options.SlidingExpiration = false;
                        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        """ + "\n" + settings + """

                    });
            }
        }
        """;

    private static DiagnosticResult At(int location, string setting, string found, string required, string clause) =>
        PolicyVerifier<PK3004SessionWeakerThanPolicyAnalyzer>.Diagnostic().WithLocation(location).WithArguments(setting, found, required, clause);

    private static Task Run(string source, string? policy, params DiagnosticResult[] expected) =>
        Run(source, policy, OutputKind.DynamicallyLinkedLibrary, expected);

    private static Task Run(string source, string? policy, OutputKind kind, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK3004SessionWeakerThanPolicyAnalyzer>.Create(source, policy);
        test.TestState.OutputKind = kind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task Program(string source, string? policy, params DiagnosticResult[] expected) =>
        Run(source, policy, OutputKind.ConsoleApplication, expected);

    // Every PK3004 finding is decided at compilation end (a global cookie policy can make it moot).
    private static Task Fix(string before, string after, string? policy = null)
    {
        var test = new Verify.Test { TestCode = before, FixedCode = after };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
            test.FixedState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        return test.RunAsync(CancellationToken.None);
    }

    // ---- the same code under two policies ----

    [Fact]
    public Task Ignores_session_idle_timeout_of_30_under_a_policy_of_30() => Program(Session30, Idle30);

    [Fact]
    public Task Flags_session_idle_timeout_of_30_under_a_policy_of_15() => Program(Session30, Idle15,
        At(0, "SessionOptions.IdleTimeout", "30 minutes", "at most 15 minutes", "policykit.json"));

    [Fact]
    public Task Ignores_session_idle_timeout_of_30_without_a_policy_file_under_the_baseline() => Program(Session30, policy: null);

    [Fact]
    public Task Ignores_same_site_lax_under_the_baseline() => Run(CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                        options.Cookie.SameSite = SameSiteMode.Lax;
        """), policy: null);

    [Fact]
    public Task Flags_same_site_lax_under_a_strict_policy() => Run(CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                        {|#0:options.Cookie.SameSite = SameSiteMode.Lax|};
        """), Strict, At(0, "CookieAuthenticationOptions.Cookie.SameSite", "SameSiteMode.Lax", "SameSiteMode.Strict", "policykit.json"));

    // ---- cookie flags ----

    [Fact]
    public Task Flags_authentication_cookie_without_secure() => Run(CookieAuth("""
                        {|#0:options.Cookie.SecurePolicy = CookieSecurePolicy.None|};
        """), policy: null,
        At(0, "CookieAuthenticationOptions.Cookie.SecurePolicy", "CookieSecurePolicy.None", "CookieSecurePolicy.Always", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_authentication_cookie_secure_only_over_https_requests() => Run(CookieAuth("""
                        [|options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|];
        """), policy: null);

    [Fact]
    public Task Flags_authentication_cookie_readable_by_script() => Run(CookieAuth("""
                        {|#0:options.Cookie.HttpOnly = false|};
        """), policy: null, At(0, "CookieAuthenticationOptions.Cookie.HttpOnly", "false", "true", "ASVS 3.3.4"));

    [Fact]
    public Task Flags_authentication_cookie_same_site_none() => Run(CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                        {|#0:options.Cookie.SameSite = SameSiteMode.None|};
        """), policy: null,
        At(0, "CookieAuthenticationOptions.Cookie.SameSite", "SameSiteMode.None", "SameSiteMode.Lax or stricter", "ASVS 3.3.2"));

    [Fact]
    public Task Flags_identity_application_cookie_configured_weakly() => Run("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class IdentityCookie
        {
            public static void Configure(IServiceCollection services) =>
                services.ConfigureApplicationCookie(o =>
                {
                    o.SlidingExpiration = false;
                    o.ExpireTimeSpan = TimeSpan.FromHours(1);
                    [|o.Cookie.HttpOnly = false|];
                });
        }
        """, policy: null);

    [Fact]
    public Task Flags_an_explicit_weak_flag_even_when_a_global_cookie_policy_overrides_it() => Program("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            {|#0:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|};
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always, MinimumSameSitePolicy = SameSiteMode.Lax });
        app.UseAuthentication();
        app.Run();
        """, policy: null,
        At(0, "CookieAuthenticationOptions.Cookie.SecurePolicy", "CookieSecurePolicy.SameAsRequest", "CookieSecurePolicy.Always", "ASVS 3.3.1"));

    [Fact]
    public Task Ignores_defaults_left_unset_when_a_global_cookie_policy_makes_every_cookie_secure() => Program("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o =>
        {
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddSession(o => o.IdleTimeout = TimeSpan.FromMinutes(20));
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always, MinimumSameSitePolicy = SameSiteMode.Lax });
        app.UseAuthentication();
        app.Run();
        """, policy: null);

    [Fact]
    public Task Ignores_antiforgery_cookie_settings() => Run("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        }
        """, policy: null);

    [Fact]
    public Task Flags_cookie_policy_that_allows_script_access() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;

        var app = WebApplication.Create(args);
        app.UseCookiePolicy(new CookiePolicyOptions { [|HttpOnly = HttpOnlyPolicy.None|] });
        app.Run();
        """, policy: null);

    [Fact]
    public Task Flags_cookie_policy_minimum_same_site_none() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<CookiePolicyOptions>(o => [|o.MinimumSameSitePolicy = SameSiteMode.None|]);
        }
        """, policy: null);

    // ---- timeouts ----

    [Fact]
    public Task Flags_default_authentication_cookie_lifetime_and_sliding_expiry() => Program("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .{|#0:AddCookie()|};
        var app = builder.Build();
        app.Run();
        """, Idle30,
        At(0, "CookieAuthenticationOptions.ExpireTimeSpan (sliding)", "14 days (ASP.NET Core default)", "at most 30 minutes of inactivity", "policykit.json"),
        At(0, "CookieAuthenticationOptions.SlidingExpiration", "true without an absolute cap (ASP.NET Core default)", "an absolute lifetime of at most 1440 minutes", "NIST 800-63B §2.2.3"));

    [Fact]
    public Task Flags_sliding_expiry_without_an_absolute_cap() => Run("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
                    {|#0:o.SlidingExpiration = true|};
                });
            }
        }
        """, policy: null,
        At(0, "CookieAuthenticationOptions.SlidingExpiration", "true without an absolute cap", "an absolute lifetime of at most 1440 minutes", "NIST 800-63B §2.2.3"));

    [Fact]
    public Task Ignores_sliding_expiry_capped_by_validate_principal() => Run("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            private static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
                    o.Events.OnValidatePrincipal = context =>
                    {
                        if (context.Properties.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued > AbsoluteLifetime)
                        {
                            context.RejectPrincipal();
                        }

                        return Task.CompletedTask;
                    };
                });
            }
        }
        """, policy: null);

    [Fact]
    public Task Flags_sliding_expiry_the_policy_forbids() => Run("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
                    o.EventsType = typeof(CookieAuthenticationEvents);
                    {|#0:o.SlidingExpiration = true|};
                });
            }
        }
        """, """{ "session": { "slidingExpirationAllowed": false, "absoluteTimeoutMinutes": 480 } }""",
        At(0, "CookieAuthenticationOptions.SlidingExpiration", "true", "no sliding expiration", "policykit.json"));

    [Fact]
    public Task Flags_a_fixed_lifetime_longer_than_the_absolute_timeout() => Run(CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        """).Replace("options.ExpireTimeSpan = TimeSpan.FromHours(8);", "{|#0:options.ExpireTimeSpan = TimeSpan.FromDays(30)|};"), policy: null,
        At(0, "CookieAuthenticationOptions.ExpireTimeSpan", "30 days", "at most 1440 minutes", "NIST 800-63B §2.2.3"));

    [Fact]
    public Task Ignores_a_lifetime_read_from_configuration() => Run("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup(IConfiguration configuration)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.SlidingExpiration = false;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue<int>("Auth:LifetimeMinutes"));
                });
            }
        }
        """, policy: null);

    [Fact]
    public Task Flags_default_session_cookie_without_secure() => Run("""
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.{|#0:AddSession()|};
        }
        """, policy: null,
        At(0, "SessionOptions.Cookie.SecurePolicy", "CookieSecurePolicy.None (ASP.NET Core default)", "CookieSecurePolicy.Always", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_default_session_idle_timeout_over_the_policy() => Run("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.{|#0:AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always)|};
        }
        """, Idle15, At(0, "SessionOptions.IdleTimeout", "20 minutes (ASP.NET Core default)", "at most 15 minutes", "policykit.json"));

    [Fact]
    public Task Ignores_defaults_when_the_options_come_from_configuration() => Program("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o => builder.Configuration.Bind("Authentication:Cookie", o));
        builder.Services.AddSession();
        builder.Services.Configure<SessionOptions>(builder.Configuration.GetSection("Session"));
        builder.Build().Run();
        """, Idle15);

    // ---- cookies appended by hand ----

    [Fact]
    public Task Flags_session_cookie_appended_without_options() => Run("""
        using Microsoft.AspNetCore.Mvc;

        public class SsoController : Controller
        {
            public IActionResult Callback(string ticket)
            {
                Response.Cookies.{|#0:Append("session_id", ticket)|};
                return Redirect("/");
            }
        }
        """, policy: null,
        At(0, "Cookie 'session_id'", "appended without Secure and HttpOnly", "Secure and HttpOnly", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_token_cookie_with_secure_off() => Run("""
        using Microsoft.AspNetCore.Http;

        public static class TokenCookies
        {
            public static void Write(HttpResponse response, string token) =>
                response.Cookies.Append("AuthToken", token, new CookieOptions
                {
                    HttpOnly = true,
                    {|#0:Secure = false|},
                    SameSite = SameSiteMode.Strict,
                });
        }
        """, policy: null, At(0, "CookieOptions.Secure of cookie 'AuthToken'", "false", "true", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_token_cookie_without_http_only() => Run("""
        using Microsoft.AspNetCore.Http;

        public static class TokenCookies
        {
            public static void Write(HttpContext context, string jwt)
            {
                var options = new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax };
                context.Response.Cookies.{|#0:Append("jwt", jwt, options)|};
            }
        }
        """, policy: null, At(0, "Cookie 'jwt'", "appended without HttpOnly", "HttpOnly", "ASVS 3.3.4"));

    [Fact]
    public Task Flags_refresh_token_cookie_living_longer_than_the_absolute_timeout() => Run("""
        using System;
        using Microsoft.AspNetCore.Http;

        public static class TokenCookies
        {
            public static void Write(HttpResponse response, string token) =>
                response.Cookies.Append("refresh_token", token, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = true,
                    {|#0:Expires = DateTimeOffset.UtcNow.AddDays(30)|},
                });
        }
        """, policy: null,
        At(0, "CookieOptions.Expires of cookie 'refresh_token'", "now + 30 days", "at most now + 1440 minutes", "NIST 800-63B §2.2.3"));

    [Fact]
    public Task Ignores_a_preference_cookie_without_options() => Run("""
        using Microsoft.AspNetCore.Mvc;

        public class PreferencesController : Controller
        {
            [HttpPost]
            public IActionResult Theme(string theme)
            {
                Response.Cookies.Append("theme", theme);
                Response.Cookies.Append("author_view", "compact");
                return NoContent();
            }
        }
        """, policy: null);

    [Fact]
    public Task Ignores_a_session_cookie_with_every_flag() => Run("""
        using System;
        using Microsoft.AspNetCore.Http;

        public static class SessionCookie
        {
            public static void Write(HttpResponse response, string id) =>
                response.Cookies.Append("SessionId", id, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = true,
                    SameSite = SameSiteMode.Strict,
                    MaxAge = TimeSpan.FromHours(1),
                });
        }
        """, policy: null);

    [Fact]
    public Task Ignores_cookie_options_the_source_does_not_fix() => Run("""
        using Microsoft.AspNetCore.Http;

        public static class SessionCookie
        {
            public static void Write(HttpResponse response, string id, CookieOptions options) =>
                response.Cookies.Append("SessionId", id, options);

            public static void WriteAdjusted(HttpResponse response, string id)
            {
                var options = new CookieOptions();
                options.Secure = true;
                options.HttpOnly = true;
                response.Cookies.Append("SessionId", id, options);
            }
        }
        """, policy: null);

    [Fact]
    public Task Ignores_a_well_configured_application() => Program("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = true;
            o.EventsType = typeof(AbsoluteLifetimeEvents);
        });
        builder.Services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(15);
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        var app = builder.Build();
        app.UseSession();
        app.Run();

        sealed class AbsoluteLifetimeEvents : CookieAuthenticationEvents
        {
        }
        """, """{ "session": { "idleTimeoutMinutes": 15, "absoluteTimeoutMinutes": 480, "cookie": { "sameSite": "Strict" } } }""");

    // ---- code fixes ----

    [Fact]
    public Task Fix_makes_the_authentication_cookie_secure() => Fix(CookieAuth("""
                        [|options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|];
        """), CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        """));

    [Fact]
    public Task Fix_makes_the_cookie_http_only() => Fix("""
        using Microsoft.AspNetCore.Http;

        public static class TokenCookies
        {
            public static void Write(HttpResponse response, string token) =>
                response.Cookies.Append("AuthToken", token, new CookieOptions { [|HttpOnly = false|], Secure = true });
        }
        """, """
        using Microsoft.AspNetCore.Http;

        public static class TokenCookies
        {
            public static void Write(HttpResponse response, string token) =>
                response.Cookies.Append("AuthToken", token, new CookieOptions { HttpOnly = true, Secure = true });
        }
        """);

    [Fact]
    public Task Fix_raises_same_site_to_the_policy_mode() => Fix(CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                        [|options.Cookie.SameSite = SameSiteMode.None|];
        """), CookieAuth("""
                        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                        options.Cookie.SameSite = SameSiteMode.Strict;
        """), Strict);
}
