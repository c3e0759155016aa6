using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3006MissingAntiforgeryAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK3006 over MVC 5: <c>[ValidateAntiForgeryToken]</c> on actions, controllers and global filters.</summary>
public sealed class PK3006MissingAntiforgeryLegacyTests
{
    [Fact]
    public Task Flags_a_post_action_without_the_token_check() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            [HttpPost]
            public ActionResult [|Update|](string displayName) { return RedirectToAction("Index"); }
        }
        """);

    [Fact]
    public Task Flags_a_delete_action_on_an_authorized_controller() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        [Authorize]
        public class OrdersController : Controller
        {
            [HttpDelete]
            public ActionResult [|Remove|](int id) { return new HttpStatusCodeResult(204); }
        }
        """);

    [Fact]
    public Task Flags_a_put_action_when_only_another_action_is_protected() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class AddressController : Controller
        {
            [HttpPost, ValidateAntiForgeryToken]
            public ActionResult Add(string line) { return View(); }

            [HttpPut]
            public ActionResult [|Edit|](int id, string line) { return View(); }
        }
        """);

    [Fact]
    public Task Flags_a_post_with_only_a_handle_error_global_filter() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public static class FilterConfig
        {
            public static void RegisterGlobalFilters(GlobalFilterCollection filters)
            {
                filters.Add(new HandleErrorAttribute());
            }
        }

        public class PaymentController : Controller
        {
            [HttpPost]
            public ActionResult [|Pay|](decimal amount) { return View(); }
        }
        """);

    [Fact]
    public Task Flags_a_post_in_a_derived_controller() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public abstract class BaseController : Controller { }

        public class TransferController : BaseController
        {
            [HttpPost]
            public ActionResult [|Send|](string to, decimal amount) { return View(); }
        }
        """);

    [Fact]
    public Task Flags_a_post_with_allow_anonymous() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class ContactController : Controller
        {
            [HttpPost, AllowAnonymous]
            public ActionResult [|Send|](string message) { return View(); }
        }
        """);

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_post_with_the_token_check() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            [HttpPost]
            [ValidateAntiForgeryToken]
            public ActionResult Update(string displayName) { return RedirectToAction("Index"); }
        }
        """);

    [Fact]
    public Task Ignores_a_controller_with_the_token_check() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        [ValidateAntiForgeryToken]
        public class ProfileController : Controller
        {
            [HttpPost]
            public ActionResult Update(string displayName) { return RedirectToAction("Index"); }
        }
        """);

    [Fact]
    public Task Ignores_posts_under_a_global_token_filter() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public static class FilterConfig
        {
            public static void RegisterGlobalFilters(GlobalFilterCollection filters)
            {
                filters.Add(new ValidateAntiForgeryTokenAttribute());
            }
        }

        public class ProfileController : Controller
        {
            [HttpPost]
            public ActionResult Update(string displayName) { return RedirectToAction("Index"); }
        }
        """);

    [Fact]
    public Task Ignores_get_actions() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            public ActionResult Index() { return View(); }
            [HttpGet] public ActionResult Edit() { return View(); }
        }
        """);

    [Fact]
    public Task Ignores_web_api_controllers() => Verify.LegacyAnalyzer("""
        using System.Web.Http;

        public class OrdersController : ApiController
        {
            [HttpPost]
            public IHttpActionResult Post(int id) { return Ok(); }
        }
        """);

    [Fact]
    public Task Ignores_non_action_posts() => Verify.LegacyAnalyzer("""
        using System.Web.Mvc;

        public class ProfileController : Controller
        {
            [HttpPost, NonAction]
            public ActionResult Update(string displayName) { return View(); }

            [HttpPost]
            private ActionResult Hidden() { return View(); }
        }
        """);
}
