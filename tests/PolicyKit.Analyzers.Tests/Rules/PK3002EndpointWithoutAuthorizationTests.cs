using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using PolicyKit.CodeFixes.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3002EndpointWithoutAuthorizationAnalyzer, PolicyKit.CodeFixes.Rules.PK3002EndpointWithoutAuthorizationFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3002EndpointWithoutAuthorizationTests
{
    private const string ProgramWithFallback = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddRazorPages();
                builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                var app = builder.Build();
                app.MapControllers();
                app.MapRazorPages();
                app.Run();
            }
        }
        """;

    private static DiagnosticResult Error(int location, string name) =>
        PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Diagnostic().WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(name);

    private static DiagnosticResult Warning(int location, string name) =>
        PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Diagnostic().WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithArguments(name);

    private static Task Run(params (string Path, string Source)[] files) => Run(files, System.Array.Empty<DiagnosticResult>());

    private static Task Run((string Path, string Source)[] files, params DiagnosticResult[] expected) => Run(null, files, expected);

    /// <summary>A policy that declares its anonymous allow-list: explicit [AllowAnonymous] outside it is reported.</summary>
    private const string DeclaredAllowList = """{ "accessControl": { "anonymousAllowList": ["/health"] } }""";

    private static Task Run(string? policy, (string Path, string Source)[] files, params DiagnosticResult[] expected)
    {
        var test = new PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Test();
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        foreach (var (path, source) in files)
        {
            test.TestState.Sources.Add((path, source));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    // Implicitly anonymous endpoints are reported at compilation end (the fallback policy may be set in another
    // file), which the testing library calls non-local; the IDE offers their fixes from the build's diagnostics.
    private static Task Fix(string before, string after)
    {
        var test = new Verify.Test { TestCode = before, FixedCode = after };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync(CancellationToken.None);
    }

    // ---- controllers: flagged ----

    [Fact]
    public Task Flags_api_controller_get_action_without_authorize() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        public class UsersController : ControllerBase
        {
            [HttpGet]
            public ActionResult<IEnumerable<string>> {|#0:List|}() => new[] { "alice" };
        }
        """, Warning(0, "UsersController.List"));

    [Fact]
    public Task Flags_state_changing_action_as_error() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/users")]
        public class UsersController : ControllerBase
        {
            [HttpDelete("{id:int}")]
            public IActionResult {|#0:Delete|}(int id) => NoContent();

            [HttpPut("{id:int}")]
            public IActionResult {|#1:Update|}(int id, [FromBody] string name) => NoContent();

            [AcceptVerbs("PATCH")]
            public IActionResult {|#2:Patch|}(int id) => NoContent();
        }
        """, Error(0, "UsersController.Delete"), Error(1, "UsersController.Update"), Error(2, "UsersController.Patch"));

    [Fact]
    public Task Flags_mvc_controller_actions_on_conventional_routes() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            public IActionResult [|Index|]() => View();

            public IActionResult [|Details|](int id) => View();

            [HttpPost]
            [ValidateAntiForgeryToken]
            public IActionResult {|#0:Create|}(string title) => RedirectToAction(nameof(Index));
        }
        """, Error(0, "ReportsController.Create"));

    [Fact]
    public Task Flags_only_the_action_without_authorize() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class InvoicesController : Controller
        {
            [Authorize(Roles = "Accounting")]
            public IActionResult Index() => View();

            public IActionResult [|Print|](int id) => View();
        }
        """);

    [Fact]
    public Task Flags_allow_anonymous_action_even_with_a_fallback_policy() => Run(
        DeclaredAllowList,
        new[]
        {
            ("/0/Program.cs", ProgramWithFallback),
            ("/0/AccountController.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public class AccountController : Controller
            {
                [AllowAnonymous]
                public IActionResult {|#0:Register|}() => View();

                [AllowAnonymous, HttpPost]
                public IActionResult {|#1:Register|}(string email, string password) => RedirectToAction("Index", "Home");

                public IActionResult Manage() => View();
            }
            """),
        },
        Warning(0, "AccountController.Register"), Error(1, "AccountController.Register"));

    [Fact]
    public Task Flags_every_action_of_an_allow_anonymous_controller() => Verify.Analyzer(DeclaredAllowList, """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        [ApiController]
        [Route("api/public")]
        public class PublicController : ControllerBase
        {
            [HttpGet("news")]
            public IActionResult [|News|]() => Ok();

            [Authorize]
            [HttpPost("subscribe")]
            public IActionResult {|#0:Subscribe|}(string email) => Ok();
        }
        """, Error(0, "PublicController.Subscribe"));

    [Fact]
    public Task Flags_actions_inherited_from_an_abstract_base_controller() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public abstract class CrudController<T> : ControllerBase
        {
            [HttpGet]
            public virtual ActionResult<IEnumerable<T>> {|#0:GetAll|}() => new List<T>();

            [HttpDelete("{id}")]
            public IActionResult {|#1:Remove|}(int id) => NoContent();
        }

        public class Product { }

        [ApiController]
        [Route("api/products")]
        public class ProductsController : CrudController<Product>
        {
        }
        """, Warning(0, "ProductsController.GetAll"), Error(1, "ProductsController.Remove"));

    [Fact]
    public Task Flags_poco_controller_marked_with_controller_attribute() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Mvc;

        [Controller]
        [Route("status")]
        public class Status
        {
            [HttpGet]
            public string [|Get|]() => "ok";
        }
        """);

    [Fact]
    public Task Flags_controller_when_only_razor_pages_require_authorization() => Run(
        ("/0/Program.cs", """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                var app = builder.Build();
                app.MapRazorPages().RequireAuthorization();
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }
        """),
        ("/0/HomeController.cs", """
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            public IActionResult [|Index|]() => View();
        }
        """));

    [Fact]
    public Task Flags_endpoints_when_the_fallback_policy_is_null() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization(o => o.FallbackPolicy = null);
                var app = builder.Build();
                {|#0:app.MapGet("/orders", () => "[]")|};
                app.Run();
            }
        }

        public class OrdersController : ControllerBase
        {
            [HttpGet("/api/orders")]
            public IActionResult [|Get|]() => Ok();
        }
        """, Warning(0, "GET /orders"));

    // ---- minimal APIs: flagged ----

    [Fact]
    public Task Flags_minimal_api_endpoints() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                {|#0:app.MapGet("/api/orders", () => Results.Ok())|};
                {|#1:app.MapPost("/api/orders", (string item) => Results.Created("/api/orders/1", item))|}.WithName("CreateOrder");
                {|#2:app.MapMethods("/api/orders/{id}", new[] { "PATCH" }, (int id) => Results.NoContent())|};
                {|#3:app.Map("/echo", (HttpContext c) => c.Request.Path.Value)|};
                app.Run();
            }
        }
        """,
        Warning(0, "GET /api/orders"), Error(1, "POST /api/orders"), Error(2, "PATCH /api/orders/{id}"), Warning(3, "/echo"));

    [Fact]
    public Task Flags_endpoints_of_a_group_without_authorization() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                var api = app.MapGroup("/api").WithTags("api");
                var orders = api.MapGroup("orders");
                {|#0:orders.MapDelete("/{id:int}", (int id) => Results.NoContent())|};
                app.Run();
            }
        }
        """, Error(0, "DELETE /api/orders/{id:int}"));

    [Fact]
    public Task Flags_allow_anonymous_endpoint_and_group_even_with_a_fallback_policy() => Verify.Analyzer(DeclaredAllowList, """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorizationBuilder()
                    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                var app = builder.Build();
                {|#0:app.MapGet("/api/catalog", () => Results.Ok())|}.AllowAnonymous();
                var open = app.MapGroup("/public").AllowAnonymous();
                {|#1:open.MapPost("/feedback", (string text) => Results.Accepted())|};
                app.MapGet("/api/me", () => Results.Ok());
                app.Run();
            }
        }
        """, Warning(0, "GET /api/catalog"), Error(1, "POST /public/feedback"));

    [Fact]
    public Task Flags_endpoints_mapped_in_an_extension_method_called_on_an_open_group() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        public static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                {|#0:group.MapPost("/", (string item) => Results.Created("/orders/1", item))|};
                return group;
            }
        }

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapGroup("/orders").MapOrders();
                app.Run();
            }
        }
        """, Error(0, "POST /orders/"));

    // ---- Razor Pages: flagged ----

    [Fact]
    public Task Flags_razor_page_handlers() => Run(
        new[]
        {
            ("/0/Pages/Admin/Index.cshtml.cs", """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace Contoso.Pages.Admin;

            public class IndexModel : PageModel
            {
                public void {|#0:OnGet|}() { }

                public IActionResult {|#1:OnPostDeleteAsync|}(int id) => RedirectToPage();

                public void Helper() { }
            }
            """),
        },
        Warning(0, "Pages/Admin/Index OnGet"), Error(1, "Pages/Admin/Index OnPostDelete"));

    [Fact]
    public Task Flags_page_handler_whose_authorize_attribute_razor_pages_ignore() => Run(
        ("/0/Pages/Payroll.cshtml.cs", """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class PayrollModel : PageModel
        {
            [Authorize]
            public void [|OnGet|]() { }
        }
        """));

    [Fact]
    public Task Flags_page_model_without_handlers_at_the_class() => Run(
        ("/0/Pages/Status.cshtml.cs", """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class [|StatusModel|] : PageModel
        {
        }
        """));

    [Fact]
    public Task Flags_allow_anonymous_page_model_and_convention_despite_authorize_folder() => Run(
        DeclaredAllowList,
        new[]
        {
            ("/0/Program.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddRazorPages(options =>
                    {
                        options.Conventions.AuthorizeFolder("/");
                        options.Conventions.AllowAnonymousToPage("/Contact");
                    });
                    var app = builder.Build();
                    app.MapRazorPages();
                    app.Run();
                }
            }
            """),
            ("/0/Pages/Contact.cshtml.cs", """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class ContactModel : PageModel
            {
                public void {|#0:OnPost|}(string message) { }
            }
            """),
            ("/0/Pages/Signup.cshtml.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            [AllowAnonymous]
            public class SignupModel : PageModel
            {
                public void {|#1:OnGet|}() { }
            }
            """),
            ("/0/Pages/Orders.cshtml.cs", """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class OrdersModel : PageModel
            {
                public void OnGet() { }
            }
            """),
        },
        Error(0, "Pages/Contact OnPost"), Warning(1, "Pages/Signup OnGet"));

    // ---- silent ----

    [Fact]
    public Task Ignores_controller_with_authorize_on_the_class_or_a_base_class() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize(Policy = "Staff")]
        public abstract class StaffControllerBase : Controller { }

        public class TimesheetsController : StaffControllerBase
        {
            public IActionResult Index() => View();

            [HttpPost]
            public IActionResult Submit(int week) => RedirectToAction(nameof(Index));
        }

        [Authorize(Roles = "Admin")]
        [ApiController]
        [Route("api/admin")]
        public class AdminController : ControllerBase
        {
            [HttpDelete("{id}")]
            public IActionResult Delete(int id) => NoContent();
        }
        """);

    [Fact]
    public Task Ignores_actions_that_are_not_endpoints() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize]
        public class OrdersController : Controller
        {
            public IActionResult Index() => View();

            [NonAction]
            public string Format(decimal amount) => amount.ToString("C");

            private IActionResult Hidden() => View();

            public static string Version() => "1";

            public override string ToString() => "orders";
        }

        public abstract class BaseApiController : ControllerBase
        {
            public IActionResult Ping() => Ok();
        }

        [NonController]
        public class LegacyController : Controller
        {
            public IActionResult Index() => View();
        }

        internal class InternalController : Controller
        {
            public IActionResult Index() => View();
        }
        """);

    [Fact]
    public Task Ignores_services_view_components_and_hubs() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class OrderService
        {
            public Task DeleteAsync(int id) => Task.CompletedTask;
        }

        public class CartSummaryViewComponent : ViewComponent
        {
            public IViewComponentResult Invoke() => Content("0 items");
        }

        public class GameController
        {
            public void Move(int x, int y) { }
        }
        """);

    [Fact]
    public Task Ignores_custom_authorization_filter_attributes() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
        public sealed class ApiKeyAttribute : Attribute, IAsyncAuthorizationFilter
        {
            public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
        }

        public sealed class SignatureFilter : IAuthorizationFilter
        {
            public void OnAuthorization(AuthorizationFilterContext context) { }
        }

        [ApiKey]
        [ApiController]
        [Route("api/export")]
        public class ExportController : ControllerBase
        {
            [HttpPost]
            public IActionResult Run() => Ok();
        }

        [ApiController]
        [Route("api/hooks")]
        public class WebhookController : ControllerBase
        {
            [HttpPost]
            [TypeFilter(typeof(SignatureFilter))]
            public IActionResult Receive() => Ok();
        }
        """);

    [Fact]
    public Task Ignores_everything_anonymous_by_default_when_a_fallback_policy_is_set() => Run(
        ("/0/Program.cs", ProgramWithFallback),
        ("/0/HomeController.cs", """
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            public IActionResult Index() => View();

            [HttpPost]
            public IActionResult Contact(string message) => View();
        }
        """),
        ("/0/Pages/Index.cshtml.cs", """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class IndexModel : PageModel
        {
            public void OnGet() { }
        }
        """));

    [Fact]
    public Task Ignores_minimal_apis_with_a_fallback_policy_from_the_authorization_builder() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorizationBuilder()
                    .AddFallbackPolicy("signedIn", p => p.RequireAuthenticatedUser());
                var app = builder.Build();
                app.MapPost("/api/orders", (string item) => Results.Ok());
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_controllers_behind_a_global_authorize_filter_or_protected_map_controllers() => Run(
        ("/0/Program.cs", """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc.Authorization;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews(o =>
                    o.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())));
                var app = builder.Build();
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }
        """),
        ("/0/HomeController.cs", """
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            public IActionResult Index() => View();
        }
        """));

    [Fact]
    public Task Ignores_controllers_when_map_controllers_requires_authorization() => Run(
        ("/0/Program.cs", """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers().RequireAuthorization("ApiUser");
                app.Run();
            }
        }
        """),
        ("/0/OrdersController.cs", """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/orders")]
        public class OrdersController : ControllerBase
        {
            [HttpPost]
            public IActionResult Create(string item) => Ok();
        }
        """));

    [Fact]
    public Task Ignores_pages_behind_folder_conventions_or_protected_map_razor_pages() => Run(
        ("/0/Program.cs", """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRazorPages(o =>
                {
                    o.Conventions.AuthorizeFolder("/Admin", "AdminOnly");
                    o.Conventions.AuthorizePage("/Profile");
                    o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
                });
                var app = builder.Build();
                app.MapRazorPages();
                app.Run();
            }
        }
        """),
        ("/0/Pages/Admin/Users/Edit.cshtml.cs", """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Contoso.Pages.Admin.Users;

        public class EditModel : PageModel
        {
            public void OnGet(int id) { }
            public void OnPost(int id) { }
        }
        """),
        ("/0/Pages/Profile.cshtml.cs", """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class ProfileModel : PageModel
        {
            public void OnGet() { }
        }
        """),
        ("/0/Areas/Identity/Pages/Account/Manage/Email.cshtml.cs", """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class EmailModel : PageModel
        {
            public void OnPostChangeEmail() { }
        }
        """));

    [Fact]
    public Task Ignores_pages_when_map_razor_pages_requires_authorization_or_the_model_is_authorized() => Run(
        ("/0/Program.cs", """
        using Microsoft.AspNetCore.Builder;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapRazorPages().RequireAuthorization();
                app.Run();
            }
        }
        """),
        ("/0/Pages/Index.cshtml.cs", """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class IndexModel : PageModel
        {
            public void OnGet() { }
        }

        [Authorize]
        public class SecretModel : PageModel
        {
            public void OnPost() { }
        }
        """));

    [Fact]
    public Task Ignores_minimal_apis_with_require_authorization() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Handlers
        {
            [Authorize(Roles = "Admin")]
            public static IResult Purge() => Results.NoContent();
        }

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapGet("/api/orders", () => Results.Ok()).RequireAuthorization();
                app.MapPost("/api/orders", (string item) => Results.Ok()).WithName("Create").RequireAuthorization("Writer");
                app.MapDelete("/api/cache", Handlers.Purge);
                app.MapPut("/api/orders/{id}", [Authorize] (int id) => Results.NoContent());
                app.MapPatch("/api/orders/{id}", (int id) => Results.NoContent()).WithMetadata(new AuthorizeAttribute());
                var export = app.MapGet("/api/export", () => Results.Ok());
                export.RequireAuthorization();
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_endpoints_of_protected_groups() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                var api = app.MapGroup("/api").RequireAuthorization();
                api.MapGet("/orders", () => Results.Ok());
                var admin = api.MapGroup("/admin");
                admin.MapDelete("/users/{id}", (int id) => Results.NoContent());
                var reports = app.MapGroup("/reports");
                reports.RequireAuthorization("Auditor");
                reports.MapPost("/run", () => Results.Accepted());
                app.MapGroup("/inline").RequireAuthorization().MapPut("/x", () => Results.Ok());
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_endpoints_mapped_in_an_extension_method_called_on_a_protected_group() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        public static class OrderEndpoints
        {
            public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder endpoints)
            {
                endpoints.MapPost("/", (string item) => Results.Created("/orders/1", item));
                endpoints.MapGet("/{id}", (int id) => Results.Ok());
                return endpoints;
            }
        }

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapGroup("/orders").RequireAuthorization().MapOrders();
                app.Run();
            }
        }
        """);

    [Fact]
    public async Task Ignores_projects_without_aspnetcore()
    {
        var test = new PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Test
        {
            TestCode = """
                public class HomeController
                {
                    public string Index() => "home";
                    public void Delete(int id) { }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => r.Display?.Contains("AspNetCore") != true));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- code fixes ----

    [Fact]
    public Task Fix_adds_authorize_to_the_action_and_the_using() => Fix(
        before: """
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            public IActionResult [|Index|]() => View();
        }
        """,
        after: """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            [Authorize]
            public IActionResult Index() => View();
        }
        """);

    [Fact]
    public Task Fix_adds_authorize_to_the_controller()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/reports")]
                public class ReportsController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult [|List|]() => Ok();
                }
                """,
            FixedCode = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/reports")]
                [Authorize]
                public class ReportsController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult List() => Ok();
                }
                """,
            CodeActionIndex = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CodeActionEquivalenceKey = "PK3002Class",
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fix_appends_require_authorization_to_the_mapping() => Fix(
        before: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                [|app.MapGet("/api/orders", () => Results.Ok())|].WithName("Orders");
                app.Run();
            }
        }
        """,
        after: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapGet("/api/orders", () => Results.Ok()).RequireAuthorization().WithName("Orders");
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Fix_adds_authorize_to_the_page_model_not_the_handler()
    {
        var test = new Verify.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(("/0/Pages/Orders.cshtml.cs", """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class OrdersModel : PageModel
            {
                public void [|OnGet|]() { }
            }
            """));
        test.FixedState.Sources.Add(("/0/Pages/Orders.cshtml.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            [Authorize]
            public class OrdersModel : PageModel
            {
                public void OnGet() { }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fix_offers_nothing_for_an_explicit_allow_anonymous() => Verify.NoFix("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [AllowAnonymous]
            public IActionResult [|Login|]() => View();
        }
        """, DeclaredAllowList);

    [Fact]
    public Task Ignores_explicit_allow_anonymous_when_the_policy_declares_no_allow_list() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        [Authorize]
        public class AccountController : Controller
        {
            [AllowAnonymous]
            public IActionResult Login() => View();

            [AllowAnonymous, HttpPost, ValidateAntiForgeryToken]
            public IActionResult Login(string email, string password) => RedirectToAction("Index", "Home");
        }

        public class StatusController : Controller
        {
            public IActionResult [|Index|]() => View();
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/status", () => Results.Ok()).AllowAnonymous();
        }
        """);

    [Fact]
    public Task Flags_explicit_allow_anonymous_when_the_policy_declares_an_empty_allow_list() => Verify.Analyzer(
        """{ "accessControl": { "anonymousAllowList": [] } }""", """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize]
        public class AccountController : Controller
        {
            [AllowAnonymous]
            public IActionResult [|Login|]() => View();
        }
        """);

    // ---- policies that admit everyone ----

    [Fact]
    public Task Flags_actions_whose_only_policy_admits_everyone() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddAuthorization(o =>
                {
                    o.AddPolicy("Open", p => p.RequireAssertion(_ => true));
                    o.AddPolicy("OpenAsync", p => p.RequireAssertion(ctx => Task.FromResult(true)));
                    o.AddPolicy("Members", p => p.RequireAssertion(ctx => ctx.User.Identity!.IsAuthenticated));
                    o.AddPolicy("Staff", p => p.RequireAssertion(_ => true).RequireRole("staff"));
                });
                var app = builder.Build();
                app.MapControllers();
                app.Run();
            }
        }

        [Route("reports")]
        public class ReportsController : Controller
        {
            [HttpGet("summary")]
            [Authorize(Policy = "Open")]
            public IActionResult {|#0:Summary|}() => View();

            [HttpGet("detail")]
            [Authorize("OpenAsync")]
            public IActionResult {|#1:Detail|}() => View();

            [HttpGet("mine")]
            [Authorize(Policy = "Members")]
            public IActionResult Mine() => View();

            [HttpGet("staff")]
            [Authorize(Policy = "Staff")]
            public IActionResult Staff() => View();

            [HttpGet("both")]
            [Authorize(Policy = "Open")]
            [Authorize(Roles = "auditor")]
            public IActionResult Both() => View();

            [HttpGet("unknown")]
            [Authorize(Policy = "DefinedElsewhere")]
            public IActionResult Unknown() => View();
        }
        """, Warning(0, "ReportsController.Summary"), Warning(1, "ReportsController.Detail"));

    [Fact]
    public Task Flags_minimal_group_with_an_inline_policy_that_admits_everyone() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorizationBuilder().AddPolicy("Anybody", p => p.RequireAssertion(ctx => true));
                var app = builder.Build();
                var open = app.MapGroup("/stats").RequireAuthorization(p => p.RequireAssertion(_ => true));
                {|#0:open.MapGet("/visits", () => Results.Ok(1))|};
                {|#1:app.MapGet("/stats/sales", () => Results.Ok(2))|}.RequireAuthorization("Anybody");
                app.MapGet("/stats/users", () => Results.Ok(3)).RequireAuthorization(p => p.RequireAuthenticatedUser());
                app.MapGet("/stats/orders", () => Results.Ok(4)).RequireAuthorization();
                open.MapGet("/secrets", () => Results.Ok(5)).RequireAuthorization("Anybody", "Admins");
                app.Run();
            }
        }
        """, Warning(0, "GET /stats/visits"), Warning(1, "GET /stats/sales"));
}
