using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3002EndpointWithoutAuthorizationAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK3002 over MVC 5 and Web API 2 controllers: attributes, global filters, the allow-list, and unresolved MVC assemblies.</summary>
public sealed class PK3002EndpointWithoutAuthorizationLegacyTests
{
    private static Task Run(string source, string? policy = null, bool unresolved = false, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateLegacy(source, policy);
        if (unresolved)
        {
            // A review without the MVC package: only the .NET Framework assemblies, no shims.
            test.TestState.Sources.RemoveAt(1);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_an_mvc5_action_without_authorize() => Run("""
        using System.Web.Mvc;

        public class OrdersController : Controller
        {
            public ActionResult {|#0:Index|}() { return View(); }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithArguments("OrdersController.Index"));

    [Fact]
    public Task Flags_an_anonymous_post_as_an_error() => Run("""
        using System.Web.Mvc;

        public class OrdersController : Controller
        {
            [HttpPost]
            public ActionResult {|#0:Cancel|}(int id) { return RedirectToAction("Index"); }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OrdersController.Cancel"));

    [Fact]
    public Task Flags_allow_anonymous_on_an_authorized_controller() => Run("""
        using System.Web.Mvc;

        [Authorize]
        public class AdminController : Controller
        {
            public ActionResult Index() { return View(); }

            [AllowAnonymous]
            public ActionResult {|#0:Export|}() { return View(); }
        }
        """, policy: """{ "accessControl": { "anonymousAllowList": ["/health"] } }""", expected: Verify.Diagnostic().WithLocation(0).WithArguments("AdminController.Export"));

    [Fact]
    public Task Ignores_allow_anonymous_when_the_policy_declares_no_allow_list() => Run("""
        using System.Web.Mvc;

        [Authorize]
        public class AccountController : Controller
        {
            public ActionResult Manage() { return View(); }

            [AllowAnonymous]
            public ActionResult Login() { return View(); }
        }
        """);

    [Fact]
    public Task Flags_a_web_api_controller_without_authorize() => Run("""
        using System.Web.Http;

        public class CustomersController : ApiController
        {
            public IHttpActionResult {|#0:Get|}(int id) { return Ok(); }
            public IHttpActionResult {|#1:Delete|}(int id) { return Ok(); }
        }
        """, expected: new[]
        {
            Verify.Diagnostic().WithLocation(0).WithArguments("CustomersController.Get"),
            Verify.Diagnostic().WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("CustomersController.Delete"),
        });

    [Fact]
    public Task Flags_web_api_even_with_an_mvc_global_filter() => Run("""
        using System.Web.Http;
        using System.Web.Mvc;

        public static class FilterConfig
        {
            public static void RegisterGlobalFilters(GlobalFilterCollection filters)
            {
                filters.Add(new System.Web.Mvc.AuthorizeAttribute());
            }
        }

        public class StockController : ApiController
        {
            public IHttpActionResult {|#0:Get|}() { return Ok(); }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithArguments("StockController.Get"));

    [Fact]
    public Task Flags_an_mvc5_controller_when_the_mvc_assembly_is_not_in_the_review() => Run("""
        using System.Web.Mvc;

        public class ReportsController : Controller
        {
            public ActionResult {|#0:Monthly|}() { return View(); }
        }
        """, unresolved: true, expected: Verify.Diagnostic().WithLocation(0).WithArguments("ReportsController.Monthly"));

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_an_authorized_controller() => Run("""
        using System.Web.Mvc;

        [Authorize(Roles = "Staff")]
        public class OrdersController : Controller
        {
            public ActionResult Index() { return View(); }
            [HttpPost] public ActionResult Cancel(int id) { return RedirectToAction("Index"); }
        }
        """);

    [Fact]
    public Task Ignores_actions_under_an_mvc_global_authorize_filter() => Run("""
        using System.Web.Mvc;

        public static class FilterConfig
        {
            public static void RegisterGlobalFilters(GlobalFilterCollection filters)
            {
                filters.Add(new HandleErrorAttribute());
                filters.Add(new AuthorizeAttribute());
            }
        }

        public class OrdersController : Controller
        {
            public ActionResult Index() { return View(); }
        }
        """);

    [Fact]
    public Task Ignores_web_api_under_a_config_filter() => Run("""
        using System.Web.Http;

        public static class WebApiConfig
        {
            public static void Register(HttpConfiguration config)
            {
                config.Filters.Add(new AuthorizeAttribute());
            }
        }

        public class CustomersController : ApiController
        {
            public IHttpActionResult Get(int id) { return Ok(); }
        }
        """);

    [Fact]
    public Task Ignores_allow_listed_actions() => Run("""
        using System.Web.Mvc;

        public class HomeController : Controller
        {
            public ActionResult Index() { return View(); }
            [AllowAnonymous] public ActionResult About() { return View(); }
        }
        """, policy: """{ "accessControl": { "anonymousAllowList": [ "HomeController" ] } }""");

    [Fact]
    public Task Ignores_non_actions_and_non_controllers() => Run("""
        using System.Web.Mvc;

        [Authorize]
        public class AccountController : Controller
        {
            public ActionResult Index() { return View(); }
            [NonAction] public string Helper() { return ""; }
        }

        public class ReportService
        {
            public string Monthly() { return ""; }
        }
        """);

    [Fact]
    public Task Ignores_controllers_when_the_policy_does_not_deny_by_default() => Run("""
        using System.Web.Mvc;

        public class CatalogController : Controller
        {
            public ActionResult Index() { return View(); }
        }
        """, policy: """{ "accessControl": { "denyByDefault": false } }""");

    [Fact]
    public Task Ignores_a_class_named_controller_of_another_framework_when_unresolved() => Run("""
        using Vendor.Framework;

        public class ReportsController : Controller
        {
            public string Monthly() { return ""; }
        }
        """, unresolved: true);
}
