using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1002CrossSiteScriptingAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1002CrossSiteScriptingTests
{
    // ---- MVC ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_content_as_text_html_with_a_parameter() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class GreetingController : Controller
        {
            public IActionResult Hello(string {|#1:name|}) => Content({|#0:"<h1>Hello " + name + "</h1>"|}, "text/html");
        }
        """, "parameter 'name'", "ControllerBase.Content");

    [Fact]
    public Task Flags_a_content_result_initialiser_with_html_content_type() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class SearchController : Controller
        {
            public IActionResult Find()
            {
                string q = {|#1:Request.Query|}["q"]!;
                return new ContentResult { ContentType = "text/html; charset=utf-8", Content = {|#0:$"<p>No results for {q}</p>"|} };
            }
        }
        """, "Request.Query", "ContentResult.Content");

    [Fact]
    public Task Flags_html_raw_in_a_controller_helper_call() => Flags("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Rendering;

        public class CommentsController : Controller
        {
            private readonly IHtmlHelper _html;
            public CommentsController(IHtmlHelper html) => _html = html;

            public IHtmlContent Preview(string {|#1:markdown|}) => _html.Raw({|#0:markdown.Replace("\n", "<br>")|});
        }
        """, "parameter 'markdown'", "Html.Raw");

    [Fact]
    public Task Flags_a_new_html_string_built_from_a_bound_model() => Flags("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;

        public class ProfileInput { public string DisplayName { get; set; } = ""; public int Age { get; set; } }

        public class ProfileController : Controller
        {
            [HttpPost]
            public IActionResult Save(ProfileInput {|#1:input|})
            {
                ViewData["Banner"] = new HtmlString({|#0:"<b>" + input.DisplayName + "</b>"|});
                return View();
            }
        }
        """, "parameter 'input'", "HtmlString");

    [Fact]
    public Task Flags_html_built_by_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class WidgetController : Controller
        {
            private readonly WidgetRenderer _renderer = new();

            public IActionResult Render(string {|#1:title|}) => Content({|#0:_renderer.Card(title)|}, "text/html");
        }
        """, "parameter 'title'", "ControllerBase.Content",
        ("Service.cs", """
        public class WidgetRenderer
        {
            public string Card(string title)
            {
                var html = new System.Text.StringBuilder();
                html.Append("<div class=card><h2>").Append(title).Append("</h2></div>");
                return html.ToString();
            }
        }
        """));

    [Fact]
    public Task Flags_a_tag_builder_inner_html_in_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class BadgeController : Controller
        {
            public IActionResult Badge(string {|#1:label|}) => Ok(BadgeFactory.Create({|#0:label|}));
        }
        """, "parameter 'label'", "BadgeFactory.Create → AppendHtml",
        ("BadgeFactory.cs", """
        using Microsoft.AspNetCore.Mvc.Rendering;

        public static class BadgeFactory
        {
            public static TagBuilder Create(string label)
            {
                var span = new TagBuilder("span");
                span.InnerHtml.AppendHtml(label);
                return span;
            }
        }
        """));

    // ---- Razor Pages ------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_bind_property_written_as_html_content() => Flags("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class GuestbookModel : PageModel
        {
            [BindProperty]
            public string {|#1:Message|} { get; set; } = "";

            public IHtmlContent? Preview { get; private set; }

            public void OnPost()
            {
                var builder = new HtmlContentBuilder();
                builder.AppendHtml({|#0:Message|});
                Preview = builder;
            }
        }
        """, "property 'Message'", "AppendHtml");

    // ---- Minimal APIs -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_results_content_text_html_in_a_lambda() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/hello", (string {|#1:name|}) => Results.Content({|#0:$"<h1>Hello {name}</h1>"|}, "text/html"));
        app.Run();
        """, "parameter 'name'", "Results.Content");

    [Fact]
    public Task Flags_response_write_async_without_a_content_type() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/echo", async (HttpContext context) =>
        {
            var text = {|#1:context.Request.Query|}["text"];
            await context.Response.WriteAsync({|#0:"<p>" + text + "</p>"|});
        });
        app.Run();
        """, "Request.Query", "Response.WriteAsync");

    [Fact]
    public Task Flags_an_html_encoded_value_in_an_href() => Flags("""
        using System.Text.Encodings.Web;
        using Microsoft.AspNetCore.Mvc;

        public class ProfileController : Controller
        {
            public IActionResult Card(string {|#1:homepage|}) =>
                Content({|#0:$"<a href=\"{HtmlEncoder.Default.Encode(homepage)}\">site</a>"|}, "text/html");
        }
        """, "parameter 'homepage'", "ControllerBase.Content");

    [Fact]
    public Task Flags_a_jsonp_callback_from_the_query() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class StatusController : Controller
        {
            public IActionResult Status(string {|#1:cb|}) => Content({|#0:cb + "({\"ok\":true});"|}, "text/javascript");
        }
        """, "parameter 'cb'", "ControllerBase.Content");

    [Fact]
    public Task Ignores_encoded_text_outside_url_attributes_and_checked_callbacks() => Silent("""
        using System.Text.Encodings.Web;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public class ProfileController : Controller
        {
            public IActionResult Card(string name) =>
                Content($"<a href=\"/people\" title=\"{HtmlEncoder.Default.Encode(name)}\">{HtmlEncoder.Default.Encode(name)}</a>", "text/html");

            public IActionResult Status(string cb) =>
                Regex.IsMatch(cb, "^[A-Za-z_][A-Za-z0-9_]*$") ? Content(cb + "({});", "application/javascript") : BadRequest();

            public IActionResult Json(string q) => Content("{\"q\":\"" + JavaScriptEncoder.Default.Encode(q) + "\"}", "application/json");
        }
        """);

    [Fact]
    public Task Ignores_a_plain_text_handler_next_to_an_html_handler() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/page", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<p>static</p>");
        });
        app.MapGet("/echo", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("You typed " + context.Request.Query["text"]);
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_the_request_body_written_as_html() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapPost("/render", async (HttpRequest request, HttpResponse response) =>
        {
            using var reader = new StreamReader({|#1:request.Body|});
            var body = await reader.ReadToEndAsync();
            response.ContentType = "text/html";
            await response.WriteAsync({|#0:body|});
        });
        app.Run();
        """, "Request.Body", "Response.WriteAsync");

    [Fact]
    public Task Flags_a_markup_string_from_a_query_parameter_of_a_component() => Flags("""
        using Microsoft.AspNetCore.Components;

        public class SearchBanner : ComponentBase
        {
            [SupplyParameterFromQuery]
            public string? {|#1:Term|} { get; set; }

            public MarkupString Banner => new MarkupString({|#0:"<em>" + Term + "</em>"|});
        }
        """, "property 'Term'", "MarkupString");

    // ---- Silent -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_html_encoded_content() => Silent("""
        using System.Text.Encodings.Web;
        using Microsoft.AspNetCore.Mvc;

        public class GreetingController : Controller
        {
            public IActionResult Hello(string name) =>
                Content("<h1>Hello " + HtmlEncoder.Default.Encode(name) + "</h1>", "text/html");
        }
        """);

    [Fact]
    public Task Ignores_web_utility_html_encode_in_a_lambda() => Silent("""
        using System.Net;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/hello", (string name) => Results.Content($"<h1>Hello {WebUtility.HtmlEncode(name)}</h1>", "text/html"));
        app.Run();
        """);

    [Fact]
    public Task Ignores_plain_text_content() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class EchoController : Controller
        {
            public IActionResult Echo(string text) => Content(text);
            public IActionResult EchoPlain(string text) => Content(text, "text/plain");
        }
        """);

    [Fact]
    public Task Ignores_json_results() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        var app = WebApplication.Create(args);
        app.MapGet("/echo", (string text) => Results.Json(new { text }));
        app.Run();

        public class EchoController : ControllerBase
        {
            public IActionResult Echo(string text) => Ok(new { text });
        }
        """);

    [Fact]
    public Task Ignores_response_write_async_with_a_json_content_type() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/echo", async (HttpContext context, string text) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"text\":\"" + text.Replace("\"", "") + "\"}");
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_html_raw_of_a_constant_and_an_id() => Silent("""
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Rendering;

        public class PagerController : Controller
        {
            private readonly IHtmlHelper _html;
            public PagerController(IHtmlHelper html) => _html = html;

            public IHtmlContent Page(int page) => _html.Raw("<a href=\"?page=" + (page + 1) + "\">next</a>");
        }
        """);

    [Fact]
    public Task Ignores_a_service_that_encodes_in_another_file() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class WidgetController : Controller
        {
            public IActionResult Render(string title) => Content(SafeRenderer.Card(title), "text/html");
        }
        """,
        ("Service.cs", """
        using System.Text.Encodings.Web;

        public static class SafeRenderer
        {
            public static string Card(string title) => "<div>" + HtmlEncoder.Default.Encode(title) + "</div>";
        }
        """));

    [Fact]
    public Task Ignores_an_allow_listed_theme() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class ThemeController : Controller
        {
            public IActionResult Css(string theme)
            {
                var color = theme switch { "dark" => "#000", "light" => "#fff", _ => "#888" };
                return Content("<style>body{background:" + color + "}</style>", "text/html");
            }
        }
        """);

    [Fact]
    public Task Ignores_html_string_outside_a_request_handler() => Silent("""
        using Microsoft.AspNetCore.Html;

        public static class Snippets
        {
            public static IHtmlContent Bold(string text) => new HtmlString("<b>" + text + "</b>");
        }
        """);

    [Fact]
    public Task Ignores_the_size_of_an_uploaded_file() => Silent("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class UploadController : Controller
        {
            [HttpPost]
            public IActionResult Upload(IFormFile file) => Content("<p>" + file.Length + " bytes</p>", "text/html");
        }
        """);
}
