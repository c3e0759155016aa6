using System.Threading.Tasks;
using Csrf = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK3006MissingAntiforgeryAnalyzer>;
using Redirect = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1005OpenRedirectAnalyzer>;
using Xss = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1002CrossSiteScriptingAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Web shapes from peers' trackers: entry points that were not sources (Razor Pages, Blazor, ControllerBase, called
/// helpers), redirects and HTML output flagged despite a local-URL check or an encoder, and antiforgery applied
/// globally or with the newer attribute.
/// </summary>
public sealed class ReportedShapesWeb
{
    // ---- Open redirect (PK1005) ----------------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/github/codeql/pull/21984", "CodeQL remote flow sources",
        ReportedAs.FalseNegative, "Razor Pages handler parameters (OnGet/OnPost) were not sources, so PageModel flows were missed")]
    public Task Flags_a_page_handler_parameter_in_a_redirect() => Redirect.Flags("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class SignOutModel : PageModel
        {
            public IActionResult OnPost(string next) => Redirect({|#0:next|});
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/22174", "CodeQL cs/web/unvalidated-url-redirection",
        ReportedAs.FalseNegative, "the request's own path (RawUrl) modelled as a safe redirect target, though //host paths leave the site")]
    public Task Flags_a_redirect_to_the_request_path() => Redirect.Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class CanonicalController : Controller
        {
            // Adds the trailing slash: a request for //evil.example is sent to //evil.example/, another host.
            public IActionResult AddSlash() => Redirect({|#0:Request.PathBase + Request.Path + "/"|});
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/21771", "CodeQL java/unvalidated-url-redirection (same shape in ASP.NET Core)",
        ReportedAs.FalseNegative, "a redirect to the Referer request header not reported")]
    public Task Flags_a_redirect_to_the_referer_header() => Redirect.Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class LanguageController : Controller
        {
            [HttpPost]
            public IActionResult Switch(string culture)
            {
                Response.Cookies.Append("culture", culture == "ja" ? "ja" : "en");
                return Redirect({|#0:Request.Headers.Referer.ToString()|});
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/58", "Security Code Scan SCS0027",
        ReportedAs.FalsePositive, "redirect inside if (Url.IsLocalUrl(model.ReturnUrl)) still reported")]
    public Task Ignores_a_bound_return_url_checked_with_is_local_url() => Redirect.Silent("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class LoginModel : PageModel
        {
            [BindProperty(SupportsGet = true)]
            public string? ReturnUrl { get; set; }

            public IActionResult OnPost()
            {
                if (Url.IsLocalUrl(ReturnUrl))
                {
                    return Redirect(ReturnUrl);
                }

                return RedirectToPage("/Index");
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/pumasecurity/puma-scan/issues/25", "Puma Scan SEC0109",
        ReportedAs.FalsePositive, "Redirect(returnUrl) guarded by Url.IsLocalUrl, the documented fix, still raised")]
    public Task Ignores_a_redirect_after_an_is_local_url_early_return() => Redirect.Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Login(string userName, string returnUrl)
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
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/143", "Security Code Scan SCS0027",
        ReportedAs.FalsePositive, "argument is a bound object whose string property is checked with Url.IsLocalUrl")]
    public Task Ignores_a_form_model_property_checked_with_is_local_url() => Redirect.Silent("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class CheckoutForm { public string Basket { get; set; } = ""; public string? Continue { get; set; } }

        public class CheckoutController : Controller
        {
            [HttpPost]
            public IActionResult Complete([FromForm] CheckoutForm form) =>
                Url.IsLocalUrl(form.Continue) ? Redirect(form.Continue!) : RedirectToAction("Thanks");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/14952", "CodeQL cs/web/unvalidated-url-redirection",
        ReportedAs.FalsePositive, "a local-URL check other than UrlHelper.IsLocalUrl (IsUrlLocalToHost) was not a barrier")]
    public Task Ignores_a_minimal_api_redirect_checked_with_redirect_http_result_is_local_url() => Redirect.Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/continue", (string returnUrl) =>
            RedirectHttpResult.IsLocalUrl(returnUrl) ? Results.Redirect(returnUrl) : Results.Redirect("/"));
        app.Run();
        """);

    // ---- Cross-site scripting (PK1002) ---------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/101", "Security Code Scan SCS0029",
        ReportedAs.FalseNegative, "request value passed to a helper method that writes it to the response")]
    public Task Flags_input_written_to_the_response_by_a_called_helper() => Xss.Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class GreetingController : Controller
        {
            public async Task Hello(string name) => await Banner.WriteAsync(Response, {|#0:name|});
        }

        internal static class Banner
        {
            internal static Task WriteAsync(HttpResponse response, string who) =>
                response.WriteAsync("<h1>Welcome, " + who + "</h1>");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/103", "Security Code Scan SCS0029",
        ReportedAs.FalseNegative, "XSS in a ControllerBase (API) controller instead of Controller not detected")]
    public Task Flags_html_content_returned_from_a_controller_base() => Xss.Flags("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/preview")]
        public class PreviewController : ControllerBase
        {
            [HttpGet]
            public IActionResult Render(string title) =>
                Content({|#0:"<html><body><h2>" + title + "</h2></body></html>"|}, "text/html");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/pumasecurity/puma-scan/issues/11", "Puma Scan XSS",
        ReportedAs.FalseNegative, "raw HTML output (Html.Raw / WriteLiteral) of dynamic data")]
    public Task Flags_an_html_string_built_from_input() => Xss.Flags("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;

        public class NoticeController : Controller
        {
            public IActionResult Show(string message)
            {
                ViewData["Notice"] = new HtmlString({|#0:"<div class=\"notice\">" + message + "</div>"|});
                return View();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/pull/18322", "CodeQL remote flow sources",
        ReportedAs.FalseNegative, "Blazor [SupplyParameterFromQuery] / [SupplyParameterFromForm] properties were not sources")]
    public Task Flags_a_blazor_query_parameter_rendered_as_markup() => Xss.Flags("""
        using Microsoft.AspNetCore.Components;

        [Route("/search")]
        public class SearchResults : ComponentBase
        {
            [SupplyParameterFromQuery(Name = "q")]
            public string? Query { get; set; }

            protected MarkupString Heading => new MarkupString({|#0:"<h1>Results for " + Query + "</h1>"|});
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/105", "Security Code Scan SCS0029",
        ReportedAs.FalsePositive, "XSS reported although the value is HTML-encoded before output")]
    public Task Ignores_an_encoded_value_in_html_content() => Xss.Silent("""
        using System.Text.Encodings.Web;
        using Microsoft.AspNetCore.Mvc;

        public class ProfileController : Controller
        {
            public IActionResult Card(string displayName) =>
                Content("<p class=\"card\">" + HtmlEncoder.Default.Encode(displayName) + "</p>", "text/html");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/15824", "CodeQL cs/log-forging (same shape for HTML output)",
        ReportedAs.FalsePositive, "input sanitised inside the project's own extension method still reported at the call")]
    public Task Ignores_input_encoded_by_a_project_extension_method() => Xss.Silent("""
        using System.Text.Encodings.Web;
        using Microsoft.AspNetCore.Mvc;

        public static class HtmlText
        {
            public static string ForHtml(this string value) => HtmlEncoder.Default.Encode(value);
        }

        public class ReviewsController : Controller
        {
            public IActionResult Quote(string author, string text) =>
                Content("<blockquote>" + text.ForHtml() + "<cite>" + author.ForHtml() + "</cite></blockquote>", "text/html");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/43", "Security Code Scan XSS analyzer",
        ReportedAs.FalsePositive, "int action parameters, which cannot carry script, reported as XSS")]
    public Task Ignores_numbers_in_html_output() => Xss.Silent("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;

        public class BasketController : Controller
        {
            public IActionResult Badge(int count, decimal total) =>
                Content(new HtmlString($"<span class=\"badge\">{count}</span><span>{total:C}</span>").Value!, "text/html");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet-security-guard/roslyn-security-guard/issues/40", "Roslyn Security Guard XSS",
        ReportedAs.FalsePositive, "returnUrl stored in ViewBag and rendered by a Razor view (encoded) reported")]
    public Task Ignores_input_handed_to_a_razor_view() => Xss.Silent("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [AllowAnonymous]
            public IActionResult Login(string returnUrl)
            {
                ViewBag.ReturnUrl = returnUrl;
                ViewData["Title"] = "Sign in";
                return View();
            }
        }
        """);

    // ---- Cross-site request forgery (PK3006) ---------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/115", "Security Code Scan SCS0016",
        ReportedAs.FalsePositive, "POST actions reported although AutoValidateAntiforgeryTokenAttribute is a global filter")]
    public Task Ignores_post_actions_under_a_global_auto_validate_filter() => Csrf.Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMvc(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        var app = builder.Build();
        app.MapDefaultControllerRoute();
        app.Run();

        public class AddressController : Controller
        {
            [HttpPost]
            public IActionResult Update(string street) => RedirectToAction("Index");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/pumasecurity/puma-scan/issues/37", "Puma Scan SEC0019",
        ReportedAs.FalsePositive, "global AutoValidateAntiforgeryToken registered in Startup not seen")]
    public Task Ignores_post_actions_when_startup_registers_auto_validate() => Csrf.Silent("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        }

        public class NewsletterController : Controller
        {
            [HttpPost]
            public IActionResult Unsubscribe(string email) => View();
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/22238", "CodeQL cs/web/missing-token-validation",
        ReportedAs.FalsePositive, "[RequireAntiforgeryToken] (ASP.NET Core 8) not recognised as token validation")]
    public Task Ignores_an_action_with_require_antiforgery_token() => Csrf.Silent("""
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Mvc;

        public class TransfersController : Controller
        {
            [HttpPost("/transfers")]
            [RequireAntiforgeryToken]
            public IActionResult Create(decimal amount, string toAccount) => RedirectToAction("Index");
        }
        """);
}
