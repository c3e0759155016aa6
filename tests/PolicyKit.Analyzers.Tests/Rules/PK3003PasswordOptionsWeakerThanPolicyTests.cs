using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3003PasswordOptionsWeakerThanPolicyAnalyzer, PolicyKit.CodeFixes.Rules.PK3003PasswordOptionsWeakerThanPolicyFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3003PasswordOptionsWeakerThanPolicyTests
{
    private const string Nist = """{ "profiles": ["nist-800-63b"] }""";
    private const string Asvs = """{ "profiles": ["asvs5-l2"] }""";
    private const string Minimum8 = """{ "password": { "minimumLength": 8 } }""";
    private const string Minimum12 = """{ "password": { "minimumLength": 12 } }""";
    private const string Lockout = """{ "password": { "lockout": { "threshold": 5, "durationMinutes": 30 } } }""";

    // Microsoft.AspNetCore.Identity.UI is a NuGet package outside the shared framework; this mirrors its entry point.
    private const string IdentityUiSurface = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class IdentityServiceCollectionUIExtensions
            {
                public static Microsoft.AspNetCore.Identity.IdentityBuilder AddDefaultIdentity<TUser>(
                    this IServiceCollection services, System.Action<Microsoft.AspNetCore.Identity.IdentityOptions> configureOptions)
                    where TUser : class => new(typeof(TUser), services);
            }
        }
        """;

    // The same Startup, judged under different policies below.
    private const string RequiredLength8 = """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>(options =>
                {
                    {|#0:options.Password.RequiredLength = 8|};
                    options.Password.RequireDigit = false;
                    options.Password.RequireLowercase = false;
                    options.Password.RequireUppercase = false;
                    options.Password.RequireNonAlphanumeric = false;
                    options.Lockout.MaxFailedAccessAttempts = 5;
                });
            }
        }
        """;

    private const string RequireDigitOnly = """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<IdentityOptions>(options =>
                {
                    options.Password.RequiredLength = 16;
                    {|#0:options.Password.RequireDigit = true|};
                    options.Password.RequireLowercase = false;
                    options.Password.RequireUppercase = false;
                    options.Password.RequireNonAlphanumeric = false;
                });
            }
        }
        """;

    private static DiagnosticResult At(int location, string setting, string found, string required, string clause) =>
        PolicyVerifier<PK3003PasswordOptionsWeakerThanPolicyAnalyzer>.Diagnostic().WithLocation(location).WithArguments(setting, found, required, clause);

    private static Task Run(string source, string? policy, params DiagnosticResult[] expected) =>
        Run(source, policy, OutputKind.DynamicallyLinkedLibrary, extra: null, expected);

    private static Task Run(string source, string? policy, OutputKind kind, string? extra, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK3003PasswordOptionsWeakerThanPolicyAnalyzer>.Create(source, policy);
        test.TestState.OutputKind = kind;
        if (extra is not null)
        {
            test.TestState.Sources.Add(("/0/Packages.cs", extra));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    // Defaults left unset are reported at compilation end (non-local diagnostics); their fix is still offered.
    private static Task FixAtCompilationEnd(string before, string after, string policy)
    {
        var test = new Verify.Test { TestCode = before, FixedCode = after };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
        test.FixedState.AdditionalFiles.Add(("/0/policykit.json", policy));
        return test.RunAsync(CancellationToken.None);
    }

    // ---- the same code under two policies ----

    [Fact]
    public Task Ignores_required_length_8_under_a_policy_of_8() => Run(RequiredLength8, Minimum8);

    [Fact]
    public Task Flags_required_length_8_under_a_policy_of_12() => Run(RequiredLength8, Minimum12,
        At(0, "PasswordOptions.RequiredLength", "8", "at least 12", "policykit.json"));

    [Fact]
    public Task Flags_required_length_8_under_nist_800_63b() => Run(RequiredLength8, Nist,
        At(0, "PasswordOptions.RequiredLength", "8", "at least 15", "NIST 800-63B §3.1.1.2"));

    [Fact]
    public Task Ignores_required_length_8_without_a_policy_file_under_the_baseline() => Run(RequiredLength8, policy: null);

    [Fact]
    public Task Flags_require_digit_under_nist_800_63b() => Run(RequireDigitOnly, Nist,
        At(0, "PasswordOptions.RequireDigit", "true", "no composition rules", "NIST 800-63B §3.1.1.2"));

    [Fact]
    public Task Flags_require_digit_under_asvs5_l2() => Run(RequireDigitOnly, Asvs,
        At(0, "PasswordOptions.RequireDigit", "true", "no composition rules", "ASVS 6.2.5"));

    [Fact]
    public Task Ignores_require_digit_under_a_policy_requiring_classes() =>
        Run(RequireDigitOnly, """{ "password": { "minimumLength": 12, "requiredClasses": ["digit"] } }""");

    [Fact]
    public Task Ignores_require_digit_under_the_baseline() => Run(RequireDigitOnly, policy: null);

    // ---- length ----

    [Fact]
    public Task Flags_unset_required_length_at_add_identity() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.{|#0:AddIdentity<IdentityUser, IdentityRole>()|}
                    .AddDefaultTokenProviders();
            }
        }
        """, policy: null, At(0, "PasswordOptions.RequiredLength", "6 (ASP.NET Core default)", "at least 8", "ASVS 6.2.1"));

    [Fact]
    public Task Flags_unset_required_length_as_an_error_under_the_mynumber_profile() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.{|#0:AddIdentityCore<IdentityUser>()|};
        }
        """, """{ "profiles": ["mynumber"] }""",
        At(0, "PasswordOptions.RequiredLength", "6 (ASP.NET Core default)", "at least 7", "MN-11").WithSeverity(DiagnosticSeverity.Error));

    [Fact]
    public Task Ignores_required_length_7_under_the_mynumber_profile() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = 7);
        }
        """, """{ "profiles": ["mynumber"] }""");

    [Fact]
    public Task Flags_unset_required_length_in_a_top_level_program() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|#0:AddIdentityCore<IdentityUser>(options => options.SignIn.RequireConfirmedAccount = true)|};
        var app = builder.Build();
        app.Run();
        """, Minimum12, OutputKind.ConsoleApplication, extra: null,
        At(0, "PasswordOptions.RequiredLength", "6 (ASP.NET Core default)", "at least 12", "policykit.json"));

    [Fact]
    public Task Flags_unset_required_length_at_add_default_identity() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public static class IdentitySetup
        {
            public static void Add(IServiceCollection services) =>
                services.[|AddDefaultIdentity<IdentityUser>(options => options.SignIn.RequireConfirmedAccount = true)|];
        }
        """, Minimum12, OutputKind.DynamicallyLinkedLibrary, IdentityUiSurface);

    [Fact]
    public Task Ignores_required_length_set_in_a_separate_configure_call() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>();
                services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 12);
            }
        }
        """, Minimum12);

    [Fact]
    public Task Flags_required_length_from_a_constant_local() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            private const int MinimumPasswordLength = 6;

            public void ConfigureServices(IServiceCollection services)
            {
                var length = MinimumPasswordLength;
                services.Configure<PasswordOptions>(o => [|o.RequiredLength = length|]);
            }
        }
        """, policy: null);

    [Fact]
    public Task Flags_required_length_in_an_options_object_initialiser() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<IdentityOptions>(o => o.Password = new PasswordOptions { [|RequiredLength = 10|], RequireNonAlphanumeric = false });
        }
        """, Minimum12);

    [Fact]
    public Task Ignores_required_length_read_from_configuration() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup(IConfiguration configuration)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>(o =>
                    o.Password.RequiredLength = configuration.GetValue<int>("Identity:Password:RequiredLength"));
            }
        }
        """, Minimum12);

    [Fact]
    public Task Ignores_unset_defaults_when_identity_options_are_bound_from_configuration() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddIdentityCore<IdentityUser>();
        builder.Services.Configure<IdentityOptions>(builder.Configuration.GetSection("Identity"));
        builder.Build().Run();
        """, Minimum12, OutputKind.ConsoleApplication, extra: null);

    [Fact]
    public Task Ignores_a_required_length_property_of_another_type() => Run("""
        public sealed class PasswordRules
        {
            public int RequiredLength { get; set; }
        }

        public static class Rules
        {
            public static PasswordRules Legacy() => new() { RequiredLength = 4 };
        }
        """, Minimum12);

    // ---- composition ----

    [Fact]
    public Task Flags_unset_composition_defaults_under_nist_800_63b() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.{|#0:AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = 15)|};
            }
        }
        """, Nist, At(0, "PasswordOptions.RequireDigit/RequireLowercase/RequireUppercase/RequireNonAlphanumeric",
        "true (ASP.NET Core default)", "no composition rules", "NIST 800-63B §3.1.1.2"));

    [Fact]
    public Task Flags_disabling_a_class_the_policy_requires() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<IdentityOptions>(o =>
                {
                    o.Password.RequiredLength = 12;
                    {|#0:o.Password.RequireNonAlphanumeric = false|};
                });
            }
        }
        """, """{ "password": { "minimumLength": 12, "requiredClasses": ["lower", "digit", "symbol"] } }""",
        At(0, "PasswordOptions.RequireNonAlphanumeric", "false", "a symbol in every password", "policykit.json"));

    [Fact]
    public Task Flags_fewer_classes_than_the_policy_requires() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<IdentityOptions>(o =>
                {
                    o.Password.RequiredLength = 12;
                    {|#0:o.Password.RequireNonAlphanumeric = false|};
                    o.Password.RequireUppercase = false;
                });
            }
        }
        """, """{ "password": { "minimumLength": 12, "minimumClassCount": 3 } }""",
        At(0, "PasswordOptions.Require*", "2 character classes", "at least 3 character classes", "policykit.json"));

    [Fact]
    public Task Ignores_enough_classes_for_the_policy() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<IdentityOptions>(o =>
                {
                    o.Password.RequiredLength = 12;
                    o.Password.RequireNonAlphanumeric = false;
                });
            }
        }
        """, """{ "password": { "minimumLength": 12, "minimumClassCount": 3 } }""");

    // ---- lockout ----

    [Fact]
    public Task Flags_more_attempts_than_the_lockout_threshold() => Run("""
        using System;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>(o =>
                {
                    o.Password.RequiredLength = 12;
                    {|#0:o.Lockout.MaxFailedAccessAttempts = 10|};
                    o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                });
            }
        }
        """, Lockout, At(0, "LockoutOptions.MaxFailedAccessAttempts", "10", "at most 5", "policykit.json"));

    [Fact]
    public Task Flags_a_lockout_shorter_than_the_policy() => Run("""
        using System;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<IdentityOptions>(o =>
                {
                    {|#0:o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15)|};
                    o.Lockout.MaxFailedAccessAttempts = 3;
                });
            }
        }
        """, Lockout, At(0, "LockoutOptions.DefaultLockoutTimeSpan", "15 minutes", "at least 30 minutes", "policykit.json"));

    [Fact]
    public Task Flags_the_default_lockout_duration_at_add_identity() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.{|#0:AddIdentity<IdentityUser, IdentityRole>(o => o.Password.RequiredLength = 12)|};
            }
        }
        """, Lockout, At(0, "LockoutOptions.DefaultLockoutTimeSpan", "5 minutes (ASP.NET Core default)", "at least 30 minutes", "policykit.json"));

    [Fact]
    public Task Ignores_lockout_settings_within_the_policy() => Run("""
        using System;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>(o =>
                {
                    o.Password.RequiredLength = 12;
                    o.Lockout.MaxFailedAccessAttempts = 5;
                    o.Lockout.DefaultLockoutTimeSpan = new TimeSpan(1, 0, 0);
                });
            }
        }
        """, Lockout);

    [Fact]
    public Task Flags_lockout_disabled_for_new_users() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<IdentityOptions>(o => {|#0:o.Lockout.AllowedForNewUsers = false|});
        }
        """, policy: null, At(0, "LockoutOptions.AllowedForNewUsers", "false", "lockout after 100 failed attempts", "NIST 800-63B §3.2.2"));

    [Fact]
    public Task Flags_password_sign_in_without_lockout() => Run("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;

        public sealed record LoginModel(string Email, string Password, bool RememberMe);

        public class AccountController(SignInManager<IdentityUser> signInManager) : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Login(LoginModel model)
            {
                var result = await signInManager.PasswordSignInAsync(model.Email, model.Password, model.RememberMe, lockoutOnFailure: {|#0:false|});
                return result.Succeeded ? RedirectToAction("Index", "Home") : View(model);
            }
        }
        """, Lockout, At(0, "lockoutOnFailure of SignInManager.PasswordSignInAsync", "false", "lockout after 5 failed attempts", "policykit.json"));

    [Fact]
    public Task Flags_check_password_sign_in_without_lockout_positional() => Run("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class TokenService(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
        {
            public async Task<bool> CanIssueAsync(string email, string password)
            {
                var user = await users.FindByEmailAsync(email);
                return user is not null && (await signIn.CheckPasswordSignInAsync(user, password, [|false|])).Succeeded;
            }
        }
        """, policy: null);

    [Fact]
    public Task Ignores_password_sign_in_with_lockout() => Run("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class LoginService(SignInManager<IdentityUser> signIn)
        {
            public Task<SignInResult> SignInAsync(string user, string password) =>
                signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }
        """, Lockout);

    [Fact]
    public Task Ignores_lockout_flag_from_a_parameter() => Run("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class LoginService(SignInManager<IdentityUser> signIn)
        {
            public Task<SignInResult> SignInAsync(string user, string password, bool lockout) =>
                signIn.PasswordSignInAsync(user, password, false, lockout);
        }
        """, Lockout);

    [Fact]
    public Task Ignores_hasher_iterations_which_pk4001_reports() => Run("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 10_000);
        }
        """, Minimum12);

    // ---- code fixes ----

    [Fact]
    public Task Fix_raises_required_length_to_the_policy_minimum() => Verify.Fix("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<IdentityOptions>(o => [|o.Password.RequiredLength = 6|]);
        }
        """, """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 12);
        }
        """, Minimum12);

    [Fact]
    public Task Fix_adds_required_length_to_the_options_block() => FixAtCompilationEnd("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.[|AddIdentity<IdentityUser, IdentityRole>(options =>
                {
                    options.User.RequireUniqueEmail = true;
                })|];
            }
        }
        """, """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddIdentity<IdentityUser, IdentityRole>(options =>
                {
                    options.User.RequireUniqueEmail = true;
                    options.Password.RequiredLength = 12;
                });
            }
        }
        """, Minimum12);

    [Fact]
    public Task Fix_is_not_offered_for_an_expression_bodied_options_lambda()
    {
        const string Source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.[|AddIdentityCore<IdentityUser>(o => o.User.RequireUniqueEmail = true)|];
            }
            """;
        return FixAtCompilationEnd(Source, Source, Minimum12);
    }

    [Fact]
    public Task Fix_turns_lockout_on_failure_on() => Verify.Fix("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class LoginService(SignInManager<IdentityUser> signIn)
        {
            public Task<SignInResult> SignInAsync(string user, string password) =>
                signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: [|false|]);
        }
        """, """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class LoginService(SignInManager<IdentityUser> signIn)
        {
            public Task<SignInResult> SignInAsync(string user, string password) =>
                signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }
        """);
}
