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

    // ---- responses judged over the application-wide default ----

    // A web app whose middleware denies framing for every response; the pages below override it.
    private const string DefaultDeny = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                var app = builder.Build();
                app.Use(async (context, next) =>
                {
                    context.Response.Headers.XFrameOptions = "DENY";
                    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
                    await next(context);
                });
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }
        """;

    private static Task WithDefault(string source)
    {
        var test = PolicyVerifier<PK3007FramingAllowedAnalyzer>.Create(source);
        test.TestState.Sources.Add(("/0/Program.cs", DefaultDeny));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_both_default_headers_removed_by_an_action() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Net.Http.Headers;

        public sealed class PaymentsController : Controller
        {
            public IActionResult Confirm()
            {
                [|Response.Headers.Remove(HeaderNames.XFrameOptions)|];
                [|Response.Headers.Remove("content-security-policy")|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_removal_in_a_result_filter() => WithDefault("""
        using Microsoft.AspNetCore.Mvc.Filters;
        using Microsoft.Net.Http.Headers;

        public sealed class EmbeddableAttribute : ActionFilterAttribute
        {
            public override void OnResultExecuting(ResultExecutingContext context)
            {
                var headers = context.HttpContext.Response.Headers;
                [|headers.Remove(HeaderNames.ContentSecurityPolicy)|];
                [|headers.Remove(HeaderNames.XFrameOptions)|];
            }
        }
        """);

    [Fact]
    public Task Flags_removal_on_a_query_flag() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class StatementsController : Controller
        {
            public IActionResult Show(int id, bool embed)
            {
                if (embed)
                {
                    [|Response.Headers.Remove("X-Frame-Options")|];
                    [|Response.Headers.Remove("Content-Security-Policy")|];
                }

                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_removal_registered_with_on_starting() => WithDefault("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public sealed class CheckoutModel : PageModel
        {
            public void OnGet() => Response.OnStarting(() =>
            {
                [|Response.Headers.Remove("X-Frame-Options")|];
                [|Response.Headers.Remove("Content-Security-Policy")|];
                return Task.CompletedTask;
            });
        }
        """);

    [Fact]
    public Task Flags_empty_frame_options_with_the_policy_replaced() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Primitives;

        public sealed class WidgetsController : Controller
        {
            public IActionResult Cart()
            {
                Response.Headers["X-Frame-Options"] = [|StringValues.Empty|];
                Response.Headers.ContentSecurityPolicy = [|"default-src 'self'; img-src *"|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_report_only_frame_ancestors_and_a_misspelt_header() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class PortalController : Controller
        {
            public IActionResult Home()
            {
                [|Response.Headers.Remove("X-Frame-Options")|];
                [|Response.Headers.Remove("Content-Security-Policy")|];
                Response.Headers.ContentSecurityPolicyReportOnly = [|"frame-ancestors 'self'; report-uri /csp"|];
                [|Response.Headers["X-Frames-Options"] = "SAMEORIGIN"|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_frame_ancestors_in_a_meta_element() => WithDefault("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        public static class Embeds
        {
            public static void Map(IEndpointRouteBuilder app) => app.MapGet("/embed/pay", (HttpContext context) =>
            {
                [|context.Response.Headers.Remove("X-Frame-Options")|];
                [|context.Response.Headers.Remove("Content-Security-Policy")|];
                return Results.Content([|"<meta http-equiv='Content-Security-Policy' content=\"frame-ancestors 'self'\"><form method=post></form>"|], "text/html");
            });
        }
        """);

    [Fact]
    public Task Flags_framers_chosen_by_the_request() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class PartnerController : Controller
        {
            public IActionResult ByHeader()
            {
                var referrer = Request.Headers.Referer.ToString();
                Response.Headers.ContentSecurityPolicy = [|"frame-ancestors 'self' " + referrer|];
                return View();
            }

            public IActionResult ByQuery([FromQuery] string host)
            {
                Response.Headers.ContentSecurityPolicy = [|$"frame-ancestors https://{host}"|];
                return View();
            }

            public IActionResult AllowFrom(string site)
            {
                [|Response.Headers.Remove("Content-Security-Policy")|];
                Response.Headers.XFrameOptions = [|$"ALLOW-FROM {site}"|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_a_frame_options_value_chosen_among_allowall() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class TicketsController : Controller
        {
            public IActionResult Show(bool partner)
            {
                [|Response.Headers.Remove("Content-Security-Policy")|];
                Response.Headers.XFrameOptions = [|partner ? "ALLOWALL" : "SAMEORIGIN"|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Flags_a_cleartext_frame_ancestor() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class ConsentController : Controller
        {
            public IActionResult Index()
            {
                Response.Headers.ContentSecurityPolicy = [|"frame-ancestors 'self' http://intranet.example.com"|];
                return View();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_removal_that_leaves_the_other_default_in_force() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Net.Http.Headers;

        public sealed class LegacyController : Controller
        {
            public IActionResult Old()
            {
                Response.Headers.Remove(HeaderNames.XFrameOptions);
                return View();
            }

            public IActionResult AllowFrom()
            {
                Response.Headers.XFrameOptions = "ALLOW-FROM https://partner.example.com";
                return View();
            }

            public IActionResult NewPolicyKeepsDeny()
            {
                Response.Headers.ContentSecurityPolicy = "default-src 'self'";
                return View();
            }
        }
        """);

    [Fact]
    public Task Ignores_non_html_responses_without_protection() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Net.Http.Headers;

        public sealed class ExportsController : Controller
        {
            public IActionResult Csv()
            {
                Response.Headers.Remove(HeaderNames.XFrameOptions);
                Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
                return File(new byte[0], "text/csv", "orders.csv");
            }

            public IActionResult Data()
            {
                Response.Headers.Remove(HeaderNames.XFrameOptions);
                Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
                return Json(new { ok = true });
            }

            public IActionResult Back()
            {
                Response.Headers.Remove(HeaderNames.XFrameOptions);
                Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
                return RedirectToAction(nameof(Csv));
            }
        }
        """);

    [Fact]
    public Task Ignores_framers_from_configuration_and_strict_overrides() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Options;

        public sealed class EmbedOptions { public string[] Origins { get; set; } = System.Array.Empty<string>(); }

        public sealed class EmbedController(IOptions<EmbedOptions> options) : Controller
        {
            public IActionResult Partner()
            {
                Response.Headers.Remove("X-Frame-Options");
                Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' " + string.Join(" ", options.Value.Origins);
                return View();
            }

            public IActionResult Strict(string returnUrl)
            {
                Response.Headers.XFrameOptions = "ALLOWALL";
                Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' https://partner.example.com";
                return View();
            }

            public IActionResult Misspelt()
            {
                Response.Headers["X-Frame-Option"] = "DENY";
                return View();
            }
        }
        """);

    [Fact]
    public Task Reports_only_the_ancestors_when_they_decide() => WithDefault("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class WidgetController : Controller
        {
            public IActionResult Badge()
            {
                Response.Headers.XFrameOptions = "ALLOWALL";
                Response.Headers.ContentSecurityPolicy = [|"frame-ancestors *"|];
                return View();
            }
        }
        """);
}
