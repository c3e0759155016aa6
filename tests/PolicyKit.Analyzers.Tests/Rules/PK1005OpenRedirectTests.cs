using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1005OpenRedirectAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1005OpenRedirectTests
{
    // ---- MVC ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_redirect_to_a_return_url_parameter() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(string {|#1:returnUrl|}) => Redirect({|#0:returnUrl|});
        }
        """, "parameter 'returnUrl'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_redirect_to_a_field_of_a_form_read_with_ReadFormAsync() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create();
        app.MapPost("/continue", async (HttpContext context) =>
        {
            var form = await {|#1:context.Request.ReadFormAsync()|};
            string? next = form["next"];
            return Results.Redirect({|#0:next|});
        });
        app.Run();
        """, "Request.Form", "Results.Redirect");

    [Fact]
    public Task Flags_redirect_to_a_member_of_a_body_read_with_ReadFromJsonAsync() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create();
        app.MapPost("/continue-json", async (HttpRequest request) =>
        {
            var body = await {|#1:request.ReadFromJsonAsync<Continuation>()|};
            return Results.Redirect({|#0:body!.Next|});
        });
        app.Run();

        public sealed record Continuation(string Next);
        """, "Request body", "Results.Redirect");

    [Fact]
    public Task Ignores_a_form_read_with_ReadFormAsync_that_only_decides_between_constant_targets() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create();
        app.MapPost("/continue", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            return Results.Redirect(form.ContainsKey("cart") ? "/cart" : "/");
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_redirect_permanent_to_a_query_value() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class LinksController : ControllerBase
        {
            [HttpGet("go")]
            public IActionResult Go()
            {
                string target = {|#1:Request.Query|}["to"];
                return RedirectPermanent({|#0:target|});
            }
        }
        """, "Request.Query", "ControllerBase.RedirectPermanent");

    [Fact]
    public Task Flags_new_redirect_result_from_a_bound_model() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class LoginModel { public string UserName { get; set; } = ""; public string? ReturnUrl { get; set; } }

        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Login([FromForm] LoginModel {|#1:model|})
            {
                var url = model.ReturnUrl ?? "/";
                return new RedirectResult({|#0:url|});
            }
        }
        """, "parameter 'model'", "RedirectResult");

    [Fact]
    public Task Flags_response_redirect_with_an_interpolated_url() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class SsoController : Controller
        {
            public void Callback(string {|#1:host|})
            {
                Response.Redirect({|#0:$"https://{host}/signed-in"|});
            }
        }
        """, "parameter 'host'", "HttpResponse.Redirect");

    [Fact]
    public Task Flags_a_redirect_when_the_guard_checks_another_value() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(string {|#1:returnUrl|}, string fallback)
            {
                if (!Url.IsLocalUrl(fallback))
                {
                    return BadRequest();
                }

                return Redirect({|#0:returnUrl|});
            }
        }
        """, "parameter 'returnUrl'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_a_url_passed_through_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class CheckoutController : Controller
        {
            private readonly RedirectService _redirects;
            public CheckoutController(RedirectService redirects) => _redirects = redirects;

            public IActionResult Done(string {|#1:next|}) => _redirects.After({|#0:next|});
        }
        """, "parameter 'next'", "RedirectService.After → RedirectResult",
        ("Service.cs", """
        using Microsoft.AspNetCore.Mvc;

        public class RedirectService
        {
            public IActionResult After(string target) => new RedirectResult(Normalize(target));
            private static string Normalize(string url) => url.Trim();
        }
        """));

    [Fact]
    public Task Flags_a_url_built_by_a_helper_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class ShareController : Controller
        {
            public IActionResult Share(string {|#1:site|}) => Redirect({|#0:UrlBuilder.For(site, "share")|});
        }
        """, "parameter 'site'", "ControllerBase.Redirect",
        ("UrlBuilder.cs", """
        public static class UrlBuilder
        {
            public static string For(string site, string path)
            {
                var builder = new System.Text.StringBuilder("https://");
                builder.Append(site).Append('/').Append(path);
                return builder.ToString();
            }
        }
        """));

    // ---- Razor Pages ------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_bind_property_in_a_page_handler() => Flags("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class LogoutModel : PageModel
        {
            [BindProperty(SupportsGet = true)]
            public string? {|#1:ReturnUrl|} { get; set; }

            public IActionResult OnPost() => Redirect({|#0:ReturnUrl|}!);
        }
        """, "property 'ReturnUrl'", "PageModel.Redirect");

    [Fact]
    public Task Flags_a_page_handler_parameter() => Flags("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class ExternalLoginModel : PageModel
        {
            public IActionResult OnGetCallback(string {|#1:returnUrl|}) => new RedirectResult({|#0:returnUrl|});
        }
        """, "parameter 'returnUrl'", "RedirectResult");

    // ---- Minimal APIs -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_results_redirect_in_a_minimal_api_lambda() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/out", (string {|#1:url|}) => Results.Redirect({|#0:url|}));
        app.Run();
        """, "parameter 'url'", "Results.Redirect");

    [Fact]
    public Task Flags_typed_results_redirect_in_a_group_method_group_handler() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        var links = app.MapGroup("/links");
        links.MapGet("/go", Links.Go);
        app.Run();

        static class Links
        {
            public static IResult Go(string {|#1:to|}) => TypedResults.Redirect({|#0:to|});
        }
        """, "parameter 'to'", "TypedResults.Redirect");

    // ---- Silent -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_local_redirect() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(string returnUrl) => LocalRedirect(returnUrl);
        }
        """);

    [Fact]
    public Task Ignores_a_redirect_after_an_is_local_url_early_return() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(string returnUrl)
            {
                if (!Url.IsLocalUrl(returnUrl))
                {
                    return RedirectToAction("Index", "Home");
                }

                return Redirect(returnUrl);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_redirect_inside_an_is_local_url_check() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(string? returnUrl)
            {
                if (returnUrl != null && Url.IsLocalUrl(returnUrl))
                {
                    return Redirect(returnUrl);
                }

                return RedirectToAction("Index", "Home");
            }
        }
        """);

    [Fact]
    public Task Ignores_a_conditional_redirect_on_is_local_url() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            public IActionResult Login(LoginInput input) =>
                Url.IsLocalUrl(input.ReturnUrl) ? Redirect(input.ReturnUrl) : RedirectToAction("Index", "Home");
        }

        public class LoginInput { public string ReturnUrl { get; set; } = "/"; }
        """);

    [Fact]
    public Task Ignores_a_constant_url() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            private const string Docs = "https://docs.example.com";
            public IActionResult Help(int page) => Redirect(Docs + "/help/" + page);
        }
        """);

    [Fact]
    public Task Ignores_an_allow_listed_target() => Silent("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public class PartnersController : Controller
        {
            private static readonly HashSet<string> Partners = new() { "https://a.example", "https://b.example" };

            public IActionResult Go(string partner)
            {
                if (!Partners.Contains(partner)) return NotFound();
                return Redirect(partner);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_switch_expression_with_constant_arms() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/help", (string topic) => Results.Redirect(topic switch
        {
            "billing" => "https://help.example/billing",
            _ => "https://help.example/",
        }));
        app.Run();
        """);

    [Fact]
    public Task Ignores_url_action_built_from_the_input() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class SearchController : Controller
        {
            public IActionResult Find(string q) => Redirect(Url.Action("Results", "Search", new { q })!);
        }
        """);

    [Fact]
    public Task Ignores_a_service_that_checks_is_local_url() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class CheckoutController : Controller
        {
            private readonly SafeRedirects _redirects;
            public CheckoutController(SafeRedirects redirects) => _redirects = redirects;

            public IActionResult Done(string next) => _redirects.After(Url, next);
        }
        """,
        ("Service.cs", """
        using Microsoft.AspNetCore.Mvc;

        public class SafeRedirects
        {
            public IActionResult After(IUrlHelper url, string target)
            {
                if (!url.IsLocalUrl(target)) return new RedirectResult("/");
                return new RedirectResult(target);
            }
        }
        """));

    [Fact]
    public Task Ignores_a_redirect_outside_a_request_handler() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class Navigator
        {
            public IActionResult To(string url) => new RedirectResult(url);
        }
        """);

    [Fact]
    public Task Ignores_a_private_helper_parameter_of_a_controller() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            public IActionResult Index() => Go("/home");
            private IActionResult Go(string url) => Redirect(url);
        }
        """);

    [Fact]
    public Task Ignores_an_id_parameter_in_the_url() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/orders/{id:int}", (int id) => Results.Redirect($"/v2/orders/{id}"));
        app.Run();
        """);
}
