using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3006MissingAntiforgeryAnalyzer, PolicyKit.CodeFixes.Rules.PK3006MissingAntiforgeryFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3006MissingAntiforgeryTests
{
    private const string CookieProgram = """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                var app = builder.Build();
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }
        """;

    private const string JwtProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                builder.Services.AddAuthentication("Bearer").AddBearerToken();
                var app = builder.Build();
                app.MapControllers();
                app.Run();
            }
        }
        """;

    private const string ShopDb = """

        public class Order { public int Id { get; set; } public string? Status { get; set; } }
        public class ShopDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<Order> Orders => Set<Order>();
        }
        """;

    private static DiagnosticResult At(int location) => PolicyVerifier<PK3006MissingAntiforgeryAnalyzer>.Diagnostic().WithLocation(location);

    private static Task Run(string[] sources, string? policy = null, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK3006MissingAntiforgeryAnalyzer>.Create(sources[0], policy);
        for (var i = 1; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/File" + i + ".cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task Fix(string before, string after)
    {
        var test = new Verify.Test { TestCode = before, FixedCode = after };
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync(CancellationToken.None);
    }

    // ---- MVC controllers with views: flagged ----

    [Fact]
    public Task Flags_post_action_of_a_view_controller_without_a_token() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [HttpGet]
            public IActionResult ChangeEmail() => View();

            [HttpPost]
            public IActionResult [|ChangeEmail|](string email) => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Flags_put_and_delete_actions() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            [HttpPut]
            public async Task<IActionResult> [|Update|](int id, string status)
            {
                var order = await _db.Orders.FindAsync(id);
                if (order is null) return NotFound();
                order.Status = status;
                await _db.SaveChangesAsync();
                return RedirectToAction("Details", new { id });
            }

            [HttpDelete]
            public IActionResult [|Delete|](int id) => RedirectToAction("Index");
        }
        """ + ShopDb,
        CookieProgram,
    });

    [Fact]
    public Task Flags_ignore_antiforgery_on_an_action_under_auto_validation() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        [AutoValidateAntiforgeryToken]
        public class ProfileController : Controller
        {
            [HttpPost]
            public IActionResult Save(string name) => RedirectToAction("Index");

            [HttpPost, IgnoreAntiforgeryToken]
            public IActionResult [|Delete|]() => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Flags_ignore_antiforgery_inherited_from_a_base_controller() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        [IgnoreAntiforgeryToken]
        public abstract class LegacyController : Controller { }

        public class TransferController : LegacyController
        {
            [HttpPost]
            public IActionResult [|Send|](string to, decimal amount) => RedirectToAction("Done");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Flags_cookie_authenticated_api_controller() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Authorize]
        [Route("api/settings")]
        public class SettingsController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok();

            [HttpPost]
            public IActionResult [|Update|]([FromForm] string theme) => NoContent();
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Flags_global_ignore_filter_once_where_it_is_added() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews(o => [|o.Filters.Add(new IgnoreAntiforgeryTokenAttribute())|]);
                builder.Services.AddAuthentication().AddCookie();
                var app = builder.Build();
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }

        public class CartController : Controller
        {
            [HttpPost]
            public IActionResult Checkout() => RedirectToAction("Done");
        }
        """,
    });

    [Fact]
    public Task Flags_page_convention_that_ignores_antiforgery() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRazorPages(o => [|o.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute())|]);
                var app = builder.Build();
                app.MapRazorPages();
                app.Run();
            }
        }
        """,
    });

    // ---- Razor Pages ----

    [Fact]
    public Task Flags_page_model_that_ignores_antiforgery_on_its_post_handler() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Shop.Pages.Account;

        [IgnoreAntiforgeryToken]
        public class DeleteModel : PageModel
        {
            public void OnGet() { }

            public async Task<IActionResult> [|OnPostAsync|]()
            {
                await Task.Yield();
                return RedirectToPage("/Index");
            }
        }
        """,
    });

    [Fact]
    public Task Flags_page_get_handler_that_deletes() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Shop.Pages.Orders;

        public class CancelModel : PageModel
        {
            private readonly ShopDb _db;
            public CancelModel(ShopDb db) => _db = db;

            public async Task<IActionResult> [|OnGetAsync|](int id)
            {
                var order = await _db.Orders.FindAsync(id);
                if (order is not null) { _db.Orders.Remove(order); await _db.SaveChangesAsync(); }
                return RedirectToPage("/Orders/Index");
            }
        }
        """ + ShopDb,
    });

    // ---- state change through GET ----

    [Fact]
    public Task Flags_get_action_that_saves_changes() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [AutoValidateAntiforgeryToken]
        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            [HttpGet("orders/{id}/cancel")]
            public async Task<IActionResult> [|Cancel|](int id)
            {
                var order = await _db.Orders.FindAsync(id);
                if (order is null) return NotFound();
                order.Status = "Cancelled";
                await _db.SaveChangesAsync();
                return RedirectToAction("Index");
            }
        }
        """ + ShopDb,
        CookieProgram,
    });

    [Fact]
    public Task Flags_action_without_verb_that_deletes_a_user() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;

        public class AdminController : Controller
        {
            private readonly UserManager<IdentityUser> _users;
            public AdminController(UserManager<IdentityUser> users) => _users = users;

            public async Task<IActionResult> [|RemoveUser|](string id)
            {
                var user = await _users.FindByIdAsync(id);
                if (user is not null) await _users.DeleteAsync(user);
                return RedirectToAction("Users");
            }
        }
        """,
        CookieProgram,
    });

    // ---- minimal APIs ----

    [Fact]
    public Task Flags_form_post_without_antiforgery_middleware() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie();
        var app = builder.Build();
        [|app.MapPost("/profile", ([FromForm] string displayName) => Results.Ok())|];
        app.Run();
        """);

    [Fact]
    public Task Flags_upload_with_antiforgery_disabled() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.UseAntiforgery();
        [|app.MapPost("/avatar", async (IFormFile file) => { await using var s = file.OpenReadStream(); return Results.Ok(); })|]
            .DisableAntiforgery();
        app.Run();
        """);

    [Fact]
    public Task Flags_group_with_antiforgery_disabled() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.UseAntiforgery();
        var forms = app.MapGroup("/forms").DisableAntiforgery();
        [|forms.MapPost("/contact", (IFormCollection form) => Results.Ok())|];
        app.Run();
        """);

    [Fact]
    public Task Flags_map_get_that_deletes() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie();
        var app = builder.Build();
        [|app.MapGet("/orders/{id}/delete", async (int id, ShopDb db) =>
        {
            await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync();
            return Results.Redirect("/orders");
        })|];
        app.Run();
        """ + ShopDb);

    // ---- policy: internet-facing applications make it an error (IPA Web 6-(i)) ----

    [Fact]
    public Task Reports_an_error_when_the_application_is_internet_facing()
    {
        const string Controller = """
            using Microsoft.AspNetCore.Mvc;

            public class PaymentController : Controller
            {
                [HttpPost]
                public IActionResult {|#0:Pay|}(decimal amount) => RedirectToAction("Done");
            }
            """;
        return Task.WhenAll(
            Run(new[] { Controller, CookieProgram }, """{ "application": { "internetFacing": true } }""",
                At(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("PaymentController.Pay", "no [ValidateAntiForgeryToken] on the action or controller and no global antiforgery filter")),
            Run(new[] { Controller, CookieProgram }, """{ "application": { "internetFacing": false } }""",
                At(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("PaymentController.Pay", "no [ValidateAntiForgeryToken] on the action or controller and no global antiforgery filter")));
    }

    // ---- silent ----

    [Fact]
    public Task Ignores_action_with_validate_antiforgery_token() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [HttpPost, ValidateAntiForgeryToken]
            public IActionResult ChangeEmail(string email) => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_controller_with_auto_validation_on_a_base_class() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        [AutoValidateAntiforgeryToken]
        public abstract class AppController : Controller { }

        public class CartController : AppController
        {
            [HttpPost]
            public IActionResult Add(int productId) => RedirectToAction("Index");

            [HttpDelete]
            public IActionResult Remove(int productId) => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_controllers_under_a_global_auto_validate_filter() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
                builder.Services.AddAuthentication().AddCookie();
                var app = builder.Build();
                app.MapDefaultControllerRoute();
                app.Run();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;

        public class CartController : Controller
        {
            [HttpPost]
            public IActionResult Checkout() => RedirectToAction("Done");
        }
        """,
    });

    [Fact]
    public Task Ignores_global_filter_added_by_type() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddMvc(o => o.Filters.Add<AutoValidateAntiforgeryTokenAttribute>());
                var app = builder.Build();
                app.Run();
            }
        }

        public class CartController : Controller
        {
            [HttpPost]
            public IActionResult Checkout() => RedirectToAction("Done");
        }
        """,
    });

    [Fact]
    public Task Ignores_action_validation_that_overrides_class_ignore() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        [IgnoreAntiforgeryToken]
        public class WebhookController : Controller
        {
            [HttpPost, ValidateAntiForgeryToken]
            public IActionResult Settings(string url) => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_api_controller_when_only_bearer_tokens_authenticate() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Authorize]
        [Route("api/orders")]
        public class OrdersApiController : ControllerBase
        {
            [HttpPost]
            public IActionResult Create([FromBody] string sku) => Created("/api/orders/1", null);

            [HttpDelete("{id}")]
            public IActionResult Delete(int id) => NoContent();
        }

        public class HomeController : Controller
        {
            [HttpPost]
            public IActionResult Contact(string message) => View();
        }
        """,
        JwtProgram,
    });

    [Fact]
    public Task Ignores_api_controller_without_cookie_authentication() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/telemetry")]
        public class TelemetryController : ControllerBase
        {
            [HttpPost]
            public IActionResult Post([FromBody] string payload) => Accepted();
        }
        """,
    });

    [Fact]
    public Task Ignores_razor_page_post_handlers_validated_by_default() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Shop.Pages.Account;

        public class ProfileModel : PageModel
        {
            [BindProperty] public string? DisplayName { get; set; }
            public void OnGet() { }
            public IActionResult OnPost() => RedirectToPage();
            public IActionResult OnPostDelete() => RedirectToPage("/Index");
        }
        """,
    });

    [Fact]
    public Task Ignores_form_post_with_antiforgery_middleware() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication().AddCookie();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapPost("/profile", ([FromForm] string displayName) => Results.Ok());
        app.MapPost("/avatar", (IFormFile file) => Results.Ok());
        app.Run();
        """);

    [Fact]
    public Task Ignores_json_posts_in_minimal_apis() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie();
        var app = builder.Build();
        app.MapPost("/api/orders", (OrderRequest request) => Results.Created("/api/orders/1", request));
        app.MapDelete("/api/orders/{id}", (int id) => Results.NoContent());
        app.Run();

        public record OrderRequest(string Sku, int Quantity);
        """);

    [Fact]
    public Task Ignores_get_actions_that_only_read_or_clear_a_cookie() => Run(new[]
    {
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            [HttpGet]
            public async Task<IActionResult> Index() => View(await _db.Orders.AsNoTracking().ToListAsync());

            public IActionResult DismissBanner()
            {
                Response.Cookies.Delete("banner");
                var recent = new List<int> { 1, 2 };
                recent.Remove(1);
                return RedirectToAction("Index");
            }
        }
        """ + ShopDb,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_custom_antiforgery_filter_attribute() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;

        public sealed class ValidateAntiforgeryHeaderAttribute : System.Attribute, IAsyncAuthorizationFilter
        {
            public System.Threading.Tasks.Task OnAuthorizationAsync(AuthorizationFilterContext context) => System.Threading.Tasks.Task.CompletedTask;
        }

        [ValidateAntiforgeryHeader]
        public class SpaController : Controller
        {
            [HttpPost]
            public IActionResult Save(string data) => Ok();
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_get_action_with_explicit_token_validation() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class UnsubscribeController : Controller
        {
            private readonly ShopDb _db;
            public UnsubscribeController(ShopDb db) => _db = db;

            [HttpGet, ValidateAntiForgeryToken]
            public async Task<IActionResult> Confirm() { await _db.SaveChangesAsync(); return View(); }
        }
        """ + ShopDb,
        CookieProgram,
    });

    // ---- fix ----

    [Fact]
    public Task Fix_adds_validate_antiforgery_token_to_the_action() => Fix(
        """
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult [|ChangeEmail|](string email) => RedirectToAction("Index");
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;

        public class AccountController : Controller
        {
            [HttpPost]
            [ValidateAntiForgeryToken]
            public IActionResult ChangeEmail(string email) => RedirectToAction("Index");
        }
        """);

    [Fact]
    public Task Fix_adds_the_mvc_using_when_missing() => Fix(
        """
        using System.Threading.Tasks;

        public class AccountController : Microsoft.AspNetCore.Mvc.Controller
        {
            [Microsoft.AspNetCore.Mvc.HttpPost]
            public Task<Microsoft.AspNetCore.Mvc.IActionResult> [|Close|]() => Task.FromResult<Microsoft.AspNetCore.Mvc.IActionResult>(View());
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        using System.Threading.Tasks;

        public class AccountController : Microsoft.AspNetCore.Mvc.Controller
        {
            [Microsoft.AspNetCore.Mvc.HttpPost]
            [ValidateAntiForgeryToken]
            public Task<Microsoft.AspNetCore.Mvc.IActionResult> Close() => Task.FromResult<Microsoft.AspNetCore.Mvc.IActionResult>(View());
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_an_ignored_action() => Fix(
        """
        using Microsoft.AspNetCore.Mvc;

        public class HookController : Controller
        {
            [HttpPost, IgnoreAntiforgeryToken]
            public IActionResult [|Receive|]() => Ok();
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;

        public class HookController : Controller
        {
            [HttpPost, IgnoreAntiforgeryToken]
            public IActionResult [|Receive|]() => Ok();
        }
        """);

    // ---- bearer-only, JSON-only, validated in code, pure reads ----

    [Fact]
    public Task Ignores_controller_authorized_only_by_the_bearer_scheme() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize(AuthenticationSchemes = "Bearer")]
        public class DevicesController : Controller
        {
            [HttpPost]
            public IActionResult Register([FromForm] string deviceId) => Ok();
        }

        public class MobileController : Controller
        {
            [HttpPost]
            [Authorize(Policy = "MobileOnly")]
            public IActionResult Sync(int cursor) => Ok();
        }
        """,
        CookieProgram,
        """
        using Microsoft.AspNetCore.Authentication.BearerToken;
        using Microsoft.Extensions.DependencyInjection;

        public static class Policies
        {
            public static void Add(IServiceCollection services) => services.AddAuthorization(o =>
                o.AddPolicy("MobileOnly", p => p.AddAuthenticationSchemes(BearerTokenDefaults.AuthenticationScheme).RequireAuthenticatedUser()));
        }
        """,
    });

    [Fact]
    public Task Flags_when_the_authorize_data_names_the_cookie_scheme_too() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize(AuthenticationSchemes = "Bearer,Cookies")]
        public class DevicesController : Controller
        {
            [HttpPost]
            public IActionResult [|Register|]([FromForm] string deviceId) => Ok();
        }

        public class MobileController : Controller
        {
            [HttpPost]
            [Authorize(Policy = "Mixed")]
            public IActionResult [|Sync|](int cursor) => Ok();
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_minimal_group_requiring_the_bearer_scheme() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie().AddBearerToken("Device");
        var app = builder.Build();
        var devices = app.MapGroup("/devices").RequireAuthorization(p => p.AddAuthenticationSchemes("Device").RequireAuthenticatedUser());
        devices.MapPost("/notes", ([FromForm] string text) => Results.Ok());
        var mobile = app.MapGroup("/mobile").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "Bearer" });
        mobile.MapPost("/photo", (IFormFile photo) => Results.Ok()).DisableAntiforgery();
        var web = app.MapGroup("/web").RequireAuthorization();
        [|web.MapPost("/notes", ([FromForm] string text) => Results.Ok())|];
        app.Run();
        """);

    [Fact]
    public Task Ignores_json_only_api_actions_under_cookie_auth() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public sealed record Transfer(string To, decimal Amount);

        [Authorize]
        [ApiController]
        [Route("api/transfers")]
        public class TransfersController : ControllerBase
        {
            [HttpPost]
            public IActionResult Create([FromBody] Transfer transfer) => Accepted();

            [HttpPost("batch")]
            [Consumes("application/json")]
            public IActionResult Batch(Transfer[] transfers) => Accepted();

            [HttpPost("{id:int}/cancel")]
            public IActionResult [|Cancel|](int id) => Accepted();

            [HttpPost("lenient")]
            public IActionResult [|Lenient|]([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Transfer? transfer) => Accepted();

            [HttpPost("form")]
            [Consumes("application/x-www-form-urlencoded")]
            public IActionResult [|Form|]([FromForm] Transfer transfer) => Accepted();
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Flags_from_body_outside_an_api_controller() => Run(new[]
    {
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed record Rename(string Name);

        public class SettingsController : Controller
        {
            // Without [ApiController] an unsupported content type leaves the model invalid but still runs the action.
            [HttpPost]
            public IActionResult [|Update|]([FromBody] Rename rename) => RedirectToAction("Index");
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_post_that_validates_the_token_in_code() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Mvc;

        public class TeamController(IAntiforgery antiforgery) : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Invite(string email)
            {
                await antiforgery.ValidateRequestAsync(HttpContext);
                return RedirectToAction("Index");
            }

            [HttpPost]
            public async Task<IActionResult> [|InviteLenient|](string email)
            {
                if (!await antiforgery.IsRequestValidAsync(HttpContext))
                {
                    HttpContext.Items["csrf"] = false;
                }

                return RedirectToAction("Index");
            }

            [HttpPost]
            public async Task<IActionResult> [|InviteSwallowed|](string email)
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(HttpContext);
                }
                catch (AntiforgeryValidationException)
                {
                }

                return RedirectToAction("Index");
            }
        }
        """,
        CookieProgram,
    });

    [Fact]
    public Task Ignores_post_that_only_queries() => Run(new[]
    {
        """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class SearchController(ShopDb db) : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Find(string status) => View(await db.Orders.Where(o => o.Status == status).ToListAsync());

            [HttpPost]
            public async Task<IActionResult> [|FindAndStamp|](string status)
            {
                var orders = await db.Orders.Where(o => o.Status == status).ToListAsync();
                orders.ForEach(o => o.Status = "Seen");
                await db.SaveChangesAsync();
                return View(orders);
            }

            [HttpPost]
            public IActionResult [|Apply|](string code) => RedirectToAction("Index");
        }
        """ + ShopDb,
        CookieProgram,
    });

    // ---- writes reached through a repository; body-less minimal POSTs ----

    [Fact]
    public Task Flags_get_action_that_deletes_through_a_repository_interface() => Run(new[]
    {
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public interface ICartStore { Task DropAsync(int line); Task<int> CountAsync(); }

        public sealed class CartStore(ShopDb db) : ICartStore
        {
            public async Task DropAsync(int line)
            {
                var order = await db.Orders.FindAsync(line);
                db.Orders.Remove(order!);
                await db.SaveChangesAsync();
            }

            public Task<int> CountAsync() => Task.FromResult(0);
        }

        public class CartController(ICartStore cart) : Controller
        {
            [HttpGet]
            public async Task<IActionResult> [|Drop|](int line)
            {
                await cart.DropAsync(line);
                return RedirectToAction(nameof(Index));
            }

            [HttpGet]
            public async Task<IActionResult> Index() => View(await cart.CountAsync());
        }
        """ + ShopDb,
        CookieProgram,
    });

    [Fact]
    public Task Flags_minimal_post_without_a_body_that_writes_under_cookie_auth() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddAntiforgery();
        var app = builder.Build();
        app.UseAntiforgery();
        var me = app.MapGroup("/me").RequireAuthorization();
        [|me.MapPost("/orders/{id:int}/cancel", async (int id, ShopDb db) =>
        {
            await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync();
            return Results.NoContent();
        })|];
        me.MapPost("/orders/{id:int}/preview", async (int id, ShopDb db) => Results.Ok(await db.Orders.FindAsync(id)));
        me.MapPost("/orders", async (Order order, ShopDb db) => { db.Orders.Add(order); await db.SaveChangesAsync(); return Results.Ok(); });
        me.MapPut("/orders/{id:int}", async (int id, ShopDb db) => { await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync(); return Results.Ok(); });
        app.MapPost("/hooks/reset/{id:int}", async (int id, ShopDb db) => { await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync(); return Results.Ok(); }).AllowAnonymous();
        app.Run();
        """ + ShopDb);

    [Fact]
    public Task Ignores_body_less_minimal_post_in_a_bearer_only_app() => TopLevelProgram<PK3006MissingAntiforgeryAnalyzer>.Analyzer("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddBearerToken();
        var app = builder.Build();
        app.MapPost("/orders/{id:int}/cancel", async (int id, ShopDb db) =>
        {
            await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync();
            return Results.NoContent();
        }).RequireAuthorization();
        app.Run();
        """ + ShopDb);
}
