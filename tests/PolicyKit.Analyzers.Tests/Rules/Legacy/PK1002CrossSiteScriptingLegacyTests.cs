using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1002CrossSiteScriptingAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK1002 over System.Web shapes: WebForms pages, handlers and MVC 5 controllers (.NET Framework 4.8).</summary>
public sealed class PK1002CrossSiteScriptingLegacyTests
{
    [Fact]
    public Task Flags_response_write_of_a_query_string_value() => LegacyFlags("""
        using System.Web.UI;

        public class SearchPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                string q = {|#1:Request.QueryString|}["q"];
                Response.Write({|#0:"<p>Results for " + q + "</p>"|});
            }
        }
        """, "Request.QueryString", "Response.Write");

    [Fact]
    public Task Flags_response_write_of_the_request_indexer_in_a_handler() => LegacyFlags("""
        using System.Web;

        public class EchoHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                var name = {|#1:context.Request["name"]|};
                context.Response.Write({|#0:name|});
            }
        }
        """, "Request[…]", "Response.Write");

    [Fact]
    public Task Flags_label_text_from_a_textbox() => LegacyFlags("""
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class CommentPage : Page
        {
            protected TextBox CommentBox;
            protected Label Preview;

            protected void Preview_Click(object sender, System.EventArgs e)
            {
                Preview.Text = {|#0:{|#1:CommentBox.Text|}|};
            }
        }
        """, "TextBox.Text", "Label.Text");

    [Fact]
    public Task Flags_literal_text_from_a_cookie() => LegacyFlags("""
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class WelcomePage : Page
        {
            protected Literal Greeting;

            protected void Page_Load(object sender, System.EventArgs e)
            {
                var cookie = {|#1:Request.Cookies|}["display"];
                Greeting.Text = {|#0:"Welcome back, " + cookie.Value|};
            }
        }
        """, "Request.Cookies", "Literal.Text");

    [Fact]
    public Task Flags_mvc5_content_of_an_action_parameter() => LegacyFlags("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            public ActionResult Show(string {|#1:nickname|})
            {
                return Content({|#0:"<h1>" + nickname + "</h1>"|});
            }
        }
        """, "parameter 'nickname'", "Controller.Content");

    [Fact]
    public Task Flags_html_string_built_from_a_form_value() => LegacyFlags("""
        using System.Web;
        using System.Web.Mvc;

        public class NewsController : Controller
        {
            [HttpPost]
            public ActionResult Preview()
            {
                var body = {|#1:Request.Form|}["body"];
                ViewBag(new HtmlString({|#0:body|}));
                return View();
            }

            private void ViewBag(IHtmlString html) { }
        }
        """, "Request.Form", "HtmlString");

    [Fact]
    public Task Flags_response_write_of_a_header_through_http_context_base() => LegacyFlags("""
        using System.Web;

        public static class Diagnostics
        {
            public static void Dump(HttpContextBase context)
            {
                context.Response.Write({|#0:{|#1:context.Request.Headers|}["User-Agent"]|});
            }
        }
        """, "Request.Headers", "Response.Write");

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_response_write_of_an_html_encoded_value() => LegacySilent("""
        using System.Web;
        using System.Web.UI;

        public class SearchPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.Write("<p>" + HttpUtility.HtmlEncode(Request.QueryString["q"]) + "</p>");
            }
        }
        """);

    [Fact]
    public Task Ignores_response_write_encoded_by_server_html_encode() => LegacySilent("""
        using System.Web.UI;

        public class SearchPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.Write(Server.HtmlEncode(Request["q"]));
            }
        }
        """);

    [Fact]
    public Task Ignores_response_write_of_constant_text() => LegacySilent("""
        using System.Web.UI;

        public class StatusPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.Write("<p>OK</p>");
                Response.Write(System.DateTime.Now.Year);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_json_response() => LegacySilent("""
        using System.Web;

        public class LookupHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                context.Response.ContentType = "application/json";
                context.Response.Write("{\"q\":\"" + context.Request.QueryString["q"] + "\"}");
            }
        }
        """);

    [Fact]
    public Task Ignores_textbox_value_assigned_to_a_textbox() => LegacySilent("""
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class EditPage : Page
        {
            protected TextBox Source;
            protected TextBox Copy;

            protected void Copy_Click(object sender, System.EventArgs e)
            {
                Copy.Text = Source.Text;
            }
        }
        """);

    [Fact]
    public Task Ignores_label_text_from_a_parsed_number() => LegacySilent("""
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class CartPage : Page
        {
            protected Label Quantity;

            protected void Page_Load(object sender, System.EventArgs e)
            {
                int count = int.Parse(Request.QueryString["count"]);
                Quantity.Text = "Items: " + count;
            }
        }
        """);

    [Fact]
    public Task Ignores_mvc5_non_action_method_parameter() => LegacySilent("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            [NonAction]
            public ActionResult Render(string html)
            {
                return Content(html);
            }
        }
        """);
}
