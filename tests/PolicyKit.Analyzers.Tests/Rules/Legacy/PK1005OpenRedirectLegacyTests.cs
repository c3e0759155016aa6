using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1005OpenRedirectAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK1005 over System.Web shapes: <c>Response.Redirect</c>, <c>Server.Transfer</c>, MVC 5 and Web API 2 redirects.</summary>
public sealed class PK1005OpenRedirectLegacyTests
{
    [Fact]
    public Task Flags_response_redirect_to_a_return_url_query_value() => LegacyFlags("""
        using System.Web.UI;

        public class LoginPage : Page
        {
            protected void Login_Click(object sender, System.EventArgs e)
            {
                Response.Redirect({|#0:{|#1:Request.QueryString|}["ReturnUrl"]|});
            }
        }
        """, "Request.QueryString", "Response.Redirect");

    [Fact]
    public Task Flags_server_transfer_to_a_posted_page_name() => LegacyFlags("""
        using System.Web.UI;

        public class WizardPage : Page
        {
            protected void Next_Click(object sender, System.EventArgs e)
            {
                string next = {|#1:Request.Form|}["next"];
                Server.Transfer({|#0:next + ".aspx"|});
            }
        }
        """, "Request.Form", "Server.Transfer");

    [Fact]
    public Task Flags_mvc5_redirect_to_an_action_parameter() => LegacyFlags("""
        using System.Web.Mvc;

        public class AccountController : Controller
        {
            [HttpPost]
            public ActionResult LogOn(string userName, string {|#1:returnUrl|})
            {
                return Redirect({|#0:returnUrl|});
            }
        }
        """, "parameter 'returnUrl'", "Controller.Redirect");

    [Fact]
    public Task Flags_new_mvc5_redirect_result() => LegacyFlags("""
        using System.Web.Mvc;

        public class LinkController : Controller
        {
            public ActionResult Go(string {|#1:to|})
            {
                return new RedirectResult({|#0:to|});
            }
        }
        """, "parameter 'to'", "RedirectResult");

    [Fact]
    public Task Flags_web_api_redirect_to_a_query_parameter() => LegacyFlags("""
        using System.Web.Http;

        public class OutboundController : ApiController
        {
            [HttpGet]
            public IHttpActionResult Follow([FromUri] string {|#1:target|})
            {
                return Redirect({|#0:target|});
            }
        }
        """, "parameter 'target'", "ApiController.Redirect");

    [Fact]
    public Task Flags_response_redirect_permanent_through_http_response_base() => LegacyFlags("""
        using System.Web;

        public class LegacyRedirectModule
        {
            public void OnBegin(HttpContextBase context)
            {
                var legacy = {|#1:context.Request.Params|}["legacy"];
                context.Response.RedirectPermanent({|#0:"https://" + legacy|});
            }
        }
        """, "Request.Params", "Response.RedirectPermanent");

    [Fact]
    public Task Flags_response_redirect_from_a_hidden_field() => LegacyFlags("""
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class CheckoutPage : Page
        {
            protected HiddenField ContinueUrl;

            protected void Pay_Click(object sender, System.EventArgs e)
            {
                Response.Redirect({|#0:{|#1:ContinueUrl.Value|}|}, false);
            }
        }
        """, "HiddenField.Value", "Response.Redirect");

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_redirect_after_is_local_url() => LegacySilent("""
        using System.Web.Mvc;

        public class AccountController : Controller
        {
            [HttpPost]
            public ActionResult LogOn(string returnUrl)
            {
                if (Url.IsLocalUrl(returnUrl))
                {
                    return Redirect(returnUrl);
                }

                return RedirectToAction("Index");
            }
        }
        """);

    [Fact]
    public Task Ignores_response_redirect_to_a_constant() => LegacySilent("""
        using System.Web.UI;

        public class LogoutPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.Redirect("~/Default.aspx");
            }
        }
        """);

    [Fact]
    public Task Ignores_redirect_to_an_allow_listed_page() => LegacySilent("""
        using System.Collections.Generic;
        using System.Web.UI;

        public class WizardPage : Page
        {
            private static readonly HashSet<string> Steps = new HashSet<string> { "Step1.aspx", "Step2.aspx" };

            protected void Next_Click(object sender, System.EventArgs e)
            {
                var next = Request.Form["next"];
                if (Steps.Contains(next))
                {
                    Server.Transfer(next);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_redirect_with_an_encoded_query_value() => LegacySilent("""
        using System.Web;
        using System.Web.UI;

        public class SearchPage : Page
        {
            protected void Go_Click(object sender, System.EventArgs e)
            {
                Response.Redirect("~/Results.aspx?q=" + HttpUtility.UrlEncode(Request.Form["q"]));
            }
        }
        """);

    [Fact]
    public Task Ignores_redirect_to_a_numeric_id() => LegacySilent("""
        using System.Web.Mvc;

        public class OrdersController : Controller
        {
            public ActionResult Open(int id)
            {
                return Redirect("/orders/" + id);
            }
        }
        """);

    [Fact]
    public Task Ignores_reloading_the_current_url() => LegacySilent("""
        using System.Web.UI;

        public class CartPage : Page
        {
            protected void Update_Click(object sender, System.EventArgs e)
            {
                Response.Redirect(Request.RawUrl);
            }

            protected void Refresh_Click(object sender, System.EventArgs e)
            {
                Response.Redirect(Request.Url.AbsoluteUri, false);
            }
        }
        """);

    [Fact]
    public Task Flags_redirect_to_the_referrer() => LegacyFlags("""
        using System.Web.UI;

        public class BackPage : Page
        {
            protected void Back_Click(object sender, System.EventArgs e)
            {
                Response.Redirect({|#0:{|#1:Request.UrlReferrer|}.ToString()|});
            }
        }
        """, "Request.UrlReferrer", "Response.Redirect");

    [Fact]
    public Task Ignores_private_controller_helper_parameter() => LegacySilent("""
        using System.Web.Mvc;

        public class HomeController : Controller
        {
            public ActionResult Index()
            {
                return Go("/home");
            }

            private ActionResult Go(string url)
            {
                return Redirect(url);
            }
        }
        """);

    [Fact]
    public Task Ignores_redirect_to_a_url_looked_up_by_a_request_key() => LegacySilent("""
        using System.Collections.Generic;
        using System.Web.Mvc;

        public class ShortLinksController : Controller
        {
            private static readonly Dictionary<string, string> Targets = new Dictionary<string, string>
            {
                { "sale", "https://shop.example.com/sale" },
            };

            public ActionResult Go(string code)
            {
                string target;
                if (!Targets.TryGetValue(code, out target))
                {
                    return HttpNotFound();
                }

                return Redirect(target);
            }
        }
        """);

    [Fact]
    public Task Flags_redirect_to_the_lookup_key_when_the_lookup_fails() => LegacyFlags("""
        using System.Collections.Generic;
        using System.Web.Mvc;

        public class ShortLinksController : Controller
        {
            private static readonly Dictionary<string, string> Targets = new Dictionary<string, string>();

            public ActionResult Go(string {|#1:code|})
            {
                string target;
                if (!Targets.TryGetValue(code, out target))
                {
                    return Redirect({|#0:code|});
                }

                return Redirect(target);
            }
        }
        """, "parameter 'code'", "Controller.Redirect");
}
