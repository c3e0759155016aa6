using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3007FramingAllowedTests
{
    private static Task Program(string source) => TopLevelProgram<PK3007FramingAllowedAnalyzer>.Analyzer(source);

    // ---- flagged ----

    [Fact]
    public Task Flags_mvc_application_without_frame_protection() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddControllersWithViews()|];
        var app = builder.Build();
        app.UseStaticFiles();
        app.MapDefaultControllerRoute();
        app.Run();
        """);

    [Fact]
    public Task Flags_razor_pages_application_once_at_the_first_registration() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddRazorPages()|];
        var app = builder.Build();
        app.MapRazorPages();
        app.Run();
        """);

    [Fact]
    public Task Flags_blazor_static_rendering_application() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddRazorComponents()|];
        var app = builder.Build();
        app.UseAntiforgery();
        app.Run();
        """);

    [Fact]
    public Task Flags_add_mvc_in_a_startup_class() => PolicyVerifier<PK3007FramingAllowedAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => [|services.AddMvc()|];
            public void Configure(IApplicationBuilder app) => app.UseRouting();
        }
        """);

    [Fact]
    public Task Flags_when_only_other_security_headers_are_set() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddRazorPages()|];
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers.Append("Content-Security-Policy", "default-src 'self'");
            await next(context);
        });
        app.MapRazorPages();
        app.Run();
        """);

    [Fact]
    public Task Flags_when_the_header_is_only_removed() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Services.AddControllersWithViews()|];
        var app = builder.Build();
        app.Use(async (context, next) => { context.Response.Headers.Remove("X-Frame-Options"); await next(context); });
        app.Run();
        """);

    [Fact]
    public Task Flags_frame_ancestors_that_allow_every_site() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = [|"default-src 'self'; frame-ancestors *"|];
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_allow_from_where_it_is_written() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Frame-Options"] = [|"ALLOW-FROM https://partner.example.com"|];
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_allowall_appended_with_header_names() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.Append(HeaderNames.XFrameOptions, [|"ALLOWALL"|]);
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_antiforgery_alone_which_covers_only_token_responses() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        [|builder.Services.AddControllersWithViews()|];
        var app = builder.Build();
        app.Run();
        """);

    [Fact]
    public Task Reports_the_registration_with_its_name() => TopLevelProgram<PK3007FramingAllowedAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddRazorPages()|};
        var app = builder.Build();
        app.MapRazorPages();
        app.Run();
        """,
        PolicyVerifier<PK3007FramingAllowedAnalyzer>.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("AddRazorPages", "serves HTML, but no response sets X-Frame-Options or a Content-Security-Policy frame-ancestors directive"));

    // ---- silent ----

    [Fact]
    public Task Ignores_x_frame_options_set_by_indexer() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Frame-Options"] = "DENY";
            await next(context);
        });
        app.MapDefaultControllerRoute();
        app.Run();
        """);

    [Fact]
    public Task Ignores_x_frame_options_property() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            await next(context);
        });
        app.MapRazorPages();
        app.Run();
        """);

    [Fact]
    public Task Ignores_header_appended_in_a_middleware_class_in_another_file()
    {
        var test = PolicyVerifier<PK3007FramingAllowedAnalyzer>.Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllersWithViews();
                    var app = builder.Build();
                    app.UseMiddleware<SecurityHeadersMiddleware>();
                    app.Run();
                }
            }
            """);
        test.TestState.Sources.Add(("/0/SecurityHeadersMiddleware.cs", """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Net.Http.Headers;

            public sealed class SecurityHeadersMiddleware
            {
                private readonly RequestDelegate _next;
                public SecurityHeadersMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    context.Response.Headers.Append(HeaderNames.XFrameOptions, "DENY");
                    return _next(context);
                }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Ignores_csp_frame_ancestors_from_a_constant() => PolicyVerifier<PK3007FramingAllowedAnalyzer>.NoDiagnostic("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            private const string Csp = "default-src 'self'; frame-ancestors 'none'";

            public static void Configure(IServiceCollection services, IApplicationBuilder app)
            {
                services.AddRazorPages();
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    context.Response.Headers.Append("Content-Security-Policy", Csp);
                    await next(context);
                });
            }
        }
        """);

    [Fact]
    public Task Ignores_security_headers_middleware_package() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.Run();

        // Shape of NetEscapades.AspNetCore.SecurityHeaders, which is not referenced by the tests.
        public static class SecurityHeadersApplicationBuilderExtensions
        {
            public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;
        }
        """);

    [Fact]
    public Task Ignores_header_policy_builder_named_for_frame_options() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var policies = new HeaderPolicyCollection().AddFrameOptionsDeny();
        var app = builder.Build();
        app.Run();

        public sealed class HeaderPolicyCollection
        {
            public HeaderPolicyCollection AddFrameOptionsDeny() => this;
        }
        """);

    [Fact]
    public Task Ignores_api_only_application() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/health", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task Ignores_blazor_interactive_server_which_sends_frame_ancestors() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Components;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.Run();

        public sealed class App : ComponentBase { }
        """);

    [Fact]
    public Task Ignores_same_origin_appended_through_try_add() => Program("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.TryAdd("x-frame-options", "SAMEORIGIN");
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_user_method_named_like_a_registration() => PolicyVerifier<PK3007FramingAllowedAnalyzer>.NoDiagnostic("""
        namespace Shop.Setup
        {
            public sealed class Registrations
            {
                public Registrations AddRazorPages() => this;
                public Registrations AddControllersWithViews() => this;
            }

            public static class Use
            {
                public static void Run() => new Registrations().AddRazorPages().AddControllersWithViews();
            }
        }
        """);

    [Theory]
    [InlineData("frame-ancestors https:")]
    [InlineData("frame-ancestors 'self' https://*")]
    [InlineData("default-src 'self'; frame-ancestors 'self' *.cdn.example.net *")]
    [InlineData("frame-ancestors http: https:")]
    public Task Flags_frame_ancestors_sources_that_admit_every_site_where_written(string policy) => Program($$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = [|"{{policy}}"|];
            await next(context);
        });
        app.Run();
        """);

    [Theory]
    [InlineData("DENIED")]
    [InlineData("")]
    [InlineData("SAMEORIGIN, DENY")]
    public Task Flags_frame_options_values_browsers_ignore(string value) => Program($$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = [|"{{value}}"|];
            await next(context);
        });
        app.Run();
        """);

    [Theory]
    [InlineData("frame-ancestors 'self' https://*.shop.example.com")]
    [InlineData("frame-ancestors https://partner.example.com:8443")]
    [InlineData("default-src *; frame-ancestors 'none'")]
    public Task Ignores_frame_ancestors_limited_to_named_origins(string policy) => Program($$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "{{policy}}";
            context.Response.Headers.XFrameOptions = "sameorigin";
            await next(context);
        });
        app.Run();
        """);
}
