using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyKit.Analyzers.Endpoints;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Endpoints;

/// <summary>
/// The endpoint inventory over one application mixing MVC controllers, an API controller, Razor Pages, minimal APIs
/// with groups, a SignalR hub and a fallback policy: each endpoint's route, verbs, authorization and antiforgery.
/// </summary>
public sealed class EndpointInventoryTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Hubs;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy("Admins", p => p.RequireRole("Admin"));
            FALLBACK
        });
        builder.Services.AddControllersWithViews();
        builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/Account/Manage"));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseAntiforgery();

        app.MapGet("/health", () => "ok").AllowAnonymous();
        app.MapPost("/upload", ([FromForm] string title) => Results.Ok(title));
        app.MapPost("/api/notes", (Note note) => Results.Ok(note)).RequireAuthorization();

        var admin = app.MapGroup("/admin").RequireAuthorization("Admins");
        admin.MapDelete("/users/{id}", (int id) => Results.NoContent());
        admin.MapPost("/import", ([FromForm] string csv) => Results.Ok()).DisableAntiforgery();
        OrderEndpoints.Map(app.MapGroup("/orders"));

        app.MapHub<ChatHub>("/chat");
        app.MapControllers();
        app.MapRazorPages();
        app.Run();

        public record Note(string Text);

        public static class OrderEndpoints
        {
            public static void Map(IEndpointRouteBuilder orders)
            {
                orders.MapGet("/{id}", (int id) => Results.Ok(id));
                orders.MapMethods("/{id}", new[] { "PUT", "PATCH" }, (int id, [FromForm] string status) => Results.Ok());
            }
        }
        """;

    private const string Controllers = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Controllers;

        [Authorize(Roles = "Admin,Auditor")]
        public class AdminController : Controller
        {
            public IActionResult Index() => View();

            [HttpPost]
            [ValidateAntiForgeryToken]
            public IActionResult Delete(int id) => RedirectToAction(nameof(Index));

            [HttpPost]
            [IgnoreAntiforgeryToken]
            [AllowAnonymous]
            public IActionResult Callback(string payload) => Ok();
        }

        public class HomeController : Controller
        {
            [HttpGet]
            public IActionResult Index() => View();

            [HttpPost]
            public IActionResult Contact(string message) => View();
        }

        [ApiController]
        [Route("api/[controller]")]
        public class ProductsController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id) => Ok(id);

            [HttpPut("{id}")]
            [Authorize(Policy = "Admins")]
            public IActionResult Put(int id, Product product) => NoContent();
        }

        public record Product(string Name);
        """;

    private const string Page = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Shop.Pages.Account.Manage;

        public class EmailModel : PageModel
        {
            public void OnGet() { }

            public IActionResult OnPostChange(string email) => Page();
        }
        """;

    private const string OpenPage = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Shop.Pages;

        [IgnoreAntiforgeryToken]
        public class FeedbackModel : PageModel
        {
            public IActionResult OnPost(string text) => Page();
        }
        """;

    private const string Hub = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.SignalR;

        namespace Shop.Hubs;

        [Authorize]
        public class ChatHub : Hub
        {
            public Task Send(string message) => Clients.All.SendAsync("message", message);
        }

        [Microsoft.AspNetCore.Components.Route("/orders/live")]
        public class LiveOrders : Microsoft.AspNetCore.Components.ComponentBase
        {
        }
        """;

    [Fact]
    public void Lists_every_endpoint_with_route_verbs_authorization_and_antiforgery()
    {
        var endpoints = Build(fallback: false);

        Assert.Equal(
            new[]
            {
                "Action /Admin/Index, /Admin [*]",
                "Action /Admin/Delete [POST]",
                "Action /Admin/Callback [POST]",
                "Action /Home/Index, /Home, / [GET]",
                "Action /Home/Contact [POST]",
                "Action /api/Products/{id} [GET]",
                "Action /api/Products/{id} [PUT]",
                "PageHandler /Account/Manage/Email [GET]",
                "PageHandler /Account/Manage/Email [POST]",
                "PageHandler /Feedback [POST]",
                "MinimalApi /health [GET]",
                "MinimalApi /upload [POST]",
                "MinimalApi /api/notes [POST]",
                "MinimalApi /admin/users/{id} [DELETE]",
                "MinimalApi /admin/import [POST]",
                "MinimalApi /orders/{id} [GET]",
                "MinimalApi /orders/{id} [PUT, PATCH]",
                "Hub /chat [*]",
                "Component /orders/live [GET]",
            }.OrderBy(x => x),
            endpoints.Select(e => $"{e.Kind} {e.Route} [{e.VerbText}]").OrderBy(x => x));

        var admin = Single(endpoints, "AdminController.Index");
        Assert.Equal(AuthorizationKind.Authorized, admin.Authorization.Kind);
        Assert.Equal(new[] { "Admin", "Auditor" }, admin.Authorization.Roles);
        Assert.Equal("[Authorize] on AdminController", admin.Authorization.Source);
        Assert.Equal(AntiforgeryKind.Missing, admin.Antiforgery.Kind);

        var delete = Single(endpoints, "AdminController.Delete");
        Assert.Equal(AntiforgeryKind.Validated, delete.Antiforgery.Kind);
        Assert.Equal("[ValidateAntiForgeryToken] on Delete", delete.Antiforgery.Reason);

        var callback = Single(endpoints, "AdminController.Callback");
        Assert.Equal(AuthorizationKind.AllowAnonymous, callback.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.Ignored, callback.Antiforgery.Kind);

        var home = Single(endpoints, "HomeController.Index");
        Assert.Equal(AuthorizationKind.Anonymous, home.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, home.Antiforgery.Kind);
        Assert.Equal(AntiforgeryKind.Missing, Single(endpoints, "HomeController.Contact").Antiforgery.Kind);

        // An API controller with cookie authentication registered is exposed to forged requests too.
        var put = Single(endpoints, "ProductsController.Put");
        Assert.Equal(new[] { "Admins" }, put.Authorization.Policies);
        Assert.Equal(AntiforgeryKind.Missing, put.Antiforgery.Kind);
        Assert.Equal(AuthorizationKind.Anonymous, Single(endpoints, "ProductsController.Get").Authorization.Kind);

        var email = endpoints.Where(e => e.Handler.StartsWith("Pages/Account/Manage/Email", System.StringComparison.Ordinal)).ToList();
        Assert.All(email, e => Assert.Equal(AuthorizationKind.Authorized, e.Authorization.Kind));
        Assert.All(email, e => Assert.Equal("AuthorizeFolder(\"/Account/Manage\")", e.Authorization.Source));
        Assert.Equal(AntiforgeryKind.Validated, email.Single(e => e.Verbs[0] == "POST").Antiforgery.Kind);
        Assert.Equal("Razor Pages default", email.Single(e => e.Verbs[0] == "POST").Antiforgery.Reason);

        var feedback = Single(endpoints, "Pages/Feedback OnPost");
        Assert.Equal(AuthorizationKind.Anonymous, feedback.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.Ignored, feedback.Antiforgery.Kind);

        var health = ByRoute(endpoints, "/health");
        Assert.Equal(AuthorizationKind.AllowAnonymous, health.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, health.Antiforgery.Kind);

        var upload = ByRoute(endpoints, "/upload");
        Assert.Equal(AuthorizationKind.Anonymous, upload.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.Validated, upload.Antiforgery.Kind);

        var notes = ByRoute(endpoints, "/api/notes");
        Assert.Equal(AuthorizationKind.Authorized, notes.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, notes.Antiforgery.Kind);

        var users = ByRoute(endpoints, "/admin/users/{id}");
        Assert.Equal(AuthorizationKind.Authorized, users.Authorization.Kind);
        Assert.Equal(new[] { "Admins" }, users.Authorization.Policies);
        Assert.Equal(".RequireAuthorization() on group /admin", users.Authorization.Source);

        var import = ByRoute(endpoints, "/admin/import");
        Assert.Equal(AntiforgeryKind.Ignored, import.Antiforgery.Kind);
        Assert.Equal("DisableAntiforgery()", import.Antiforgery.Reason);

        // The group is created in Program.cs and passed to a method in another class: its prefix follows.
        var status = endpoints.Single(e => e.Route == "/orders/{id}" && e.Verbs.Contains("PATCH"));
        Assert.Equal(AuthorizationKind.Anonymous, status.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.Validated, status.Antiforgery.Kind);

        var live = ByRoute(endpoints, "/orders/live");
        Assert.Equal(EndpointKind.Component, live.Kind);
        Assert.Equal(AuthorizationKind.Anonymous, live.Authorization.Kind);

        var hub = ByRoute(endpoints, "/chat");
        Assert.Equal(EndpointKind.Hub, hub.Kind);
        Assert.Equal(AuthorizationKind.Authorized, hub.Authorization.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, hub.Antiforgery.Kind);
    }

    [Fact]
    public void A_fallback_policy_covers_endpoints_that_state_nothing_but_not_AllowAnonymous()
    {
        var endpoints = Build(fallback: true);

        foreach (var handler in new[] { "HomeController.Index", "HomeController.Contact", "ProductsController.Get", "Pages/Feedback OnPost" })
        {
            var endpoint = Single(endpoints, handler);
            Assert.Equal(AuthorizationKind.Authorized, endpoint.Authorization.Kind);
            Assert.Equal("fallback policy", endpoint.Authorization.Source);
        }

        Assert.Equal("fallback policy", ByRoute(endpoints, "/upload").Authorization.Source);
        Assert.Equal("fallback policy", endpoints.Single(e => e.Route == "/orders/{id}" && e.Verbs.Contains("GET")).Authorization.Source);
        Assert.Equal(AuthorizationKind.AllowAnonymous, ByRoute(endpoints, "/health").Authorization.Kind);
        Assert.Equal(AuthorizationKind.AllowAnonymous, Single(endpoints, "AdminController.Callback").Authorization.Kind);
        Assert.Equal("[Authorize] on AdminController", Single(endpoints, "AdminController.Index").Authorization.Source);
    }

    [Fact]
    public void Reports_the_handler_location_and_declaration()
    {
        var endpoints = Build(fallback: false);
        var delete = Single(endpoints, "AdminController.Delete");
        var span = delete.Location.GetLineSpan();
        Assert.Equal("/src/Shop/Controllers/AdminController.cs", span.Path);
        Assert.Equal(13, span.StartLinePosition.Line + 1);
        Assert.True(delete.Declaration.SourceSpan.Contains(delete.Location.SourceSpan));
        Assert.Equal("/src/Shop/Program.cs", ByRoute(endpoints, "/upload").Location.GetLineSpan().Path);
    }

    [Fact]
    public void Is_empty_without_AspNetCore()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { } }", new CSharpParseOptions(TestSetup.Language));
        var compilation = CSharpCompilation.Create("Lib", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        Assert.Empty(EndpointInventory.Build(compilation, CancellationToken.None));
    }

    public static System.Collections.Generic.IEnumerable<object[]> BrokenCases() =>
        Robustness.BrokenSources.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Never_throws_on_broken_code(string name)
    {
        // The review tool builds the inventory outside any analyzer driver: nothing may throw.
        var source = Robustness.BrokenSources.All.Single(c => c.Name == name).Code;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), "/src/Broken.cs");
        var compilation = CSharpCompilation.Create("Broken", new[] { tree, CSharpSyntaxTree.ParseText(Program, new CSharpParseOptions(TestSetup.Language), "/src/Program.cs") }, TestReferences.All);

        var endpoints = EndpointInventory.Build(compilation, CancellationToken.None);

        Assert.NotEmpty(endpoints);
    }

    [Fact]
    public void Reports_a_policy_that_admits_everyone_as_anonymous()
    {
        // PK3002 reads RequireAssertion(_ => true) as no authorization; the endpoint table must agree.
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("Anyone", p => p.RequireAssertion(_ => true))
                .AddPolicy("Staff", p => p.RequireRole("staff"));
            var app = builder.Build();
            app.MapGroup("/open").RequireAuthorization(p => p.RequireAssertion(ctx => true)).MapGet("/count", () => 1);
            app.MapGet("/staff", () => 2).RequireAuthorization("Staff");
            app.MapControllers();
            app.Run();

            [Route("stock")]
            public class StockController : Controller
            {
                [HttpGet("public")]
                [Authorize(Policy = "Anyone")]
                public IActionResult Public() => View();

                [HttpGet("staff")]
                [Authorize(Policy = "Staff")]
                public IActionResult Staff() => View();
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), "/src/Open/Program.cs");
        var compilation = CSharpCompilation.Create("Open", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var endpoints = EndpointInventory.Build(compilation, CancellationToken.None);

        Assert.Equal(AuthorizationKind.Anonymous, Single(endpoints, "StockController.Public").Authorization.Kind);
        Assert.Equal(AuthorizationKind.Authorized, Single(endpoints, "StockController.Staff").Authorization.Kind);
        Assert.Equal(AuthorizationKind.Anonymous, ByRoute(endpoints, "/open/count").Authorization.Kind);
        Assert.Equal(AuthorizationKind.Authorized, ByRoute(endpoints, "/staff").Authorization.Kind);
    }

    [Fact]
    public void Reads_bearer_only_and_json_only_endpoints_as_pk3006_does()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            builder.Services.AddAuthentication().AddCookie().AddBearerToken();
            var app = builder.Build();
            var mobile = app.MapGroup("/mobile").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "BearerToken" });
            mobile.MapPost("/notes", ([FromForm] string text) => Results.Ok());
            app.MapPost("/web/notes", ([FromForm] string text) => Results.Ok()).RequireAuthorization();
            app.MapControllers();
            app.Run();

            public sealed record Move(int To);

            [ApiController]
            [Authorize]
            [Route("api/moves")]
            public class MovesController : ControllerBase
            {
                [HttpPost("json")]
                public IActionResult Json([FromBody] Move move) => Ok();

                [HttpPost("form")]
                public IActionResult Form([FromForm] Move move) => Ok();

                [HttpPost("token")]
                [Authorize(AuthenticationSchemes = "BearerToken")]
                public IActionResult Token([FromForm] Move move) => Ok();
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), "/src/Moves/Program.cs");
        var compilation = CSharpCompilation.Create("Moves", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var endpoints = EndpointInventory.Build(compilation, CancellationToken.None);

        Assert.Equal(AntiforgeryKind.NotApplicable, Single(endpoints, "MovesController.Json").Antiforgery.Kind);
        Assert.Equal(AntiforgeryKind.Missing, Single(endpoints, "MovesController.Form").Antiforgery.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, Single(endpoints, "MovesController.Token").Antiforgery.Kind);
        Assert.Equal(AntiforgeryKind.NotApplicable, ByRoute(endpoints, "/mobile/notes").Antiforgery.Kind);
        Assert.Equal(AntiforgeryKind.Missing, ByRoute(endpoints, "/web/notes").Antiforgery.Kind);
    }

    [Fact]
    public void Reads_attributes_whose_arguments_are_arrays()
    {
        // [AcceptVerbs("GET", "POST", Route = …)] and [Consumes("application/json", "text/json")] pass params arrays:
        // TypedConstant.Value throws on them, which once stopped the review of a delivery that used them.
        var source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            [Route("cart")]
            public class CartController : Controller
            {
                [AcceptVerbs("GET", "POST", Route = "remove/{id:int}")]
                public IActionResult Remove(int id) => Ok();

                [HttpPost("add")]
                [Consumes("application/json", "text/json")]
                public IActionResult Add([FromBody] string sku) => Ok();
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), "/src/Shop/CartController.cs");
        var compilation = CSharpCompilation.Create("Shop", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var endpoints = EndpointInventory.Build(compilation, CancellationToken.None);

        Assert.Contains(endpoints, e => e.Handler == "CartController.Remove");
        Assert.Contains(endpoints, e => e.Handler == "CartController.Add");
    }

    private static ImmutableArray<Endpoint> Build(bool fallback)
    {
        var options = new CSharpParseOptions(TestSetup.Language);
        var program = Program.Replace("FALLBACK", fallback ? "o.FallbackPolicy = o.DefaultPolicy;" : string.Empty);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(program, options, "/src/Shop/Program.cs"),
            CSharpSyntaxTree.ParseText(Controllers, options, "/src/Shop/Controllers/AdminController.cs"),
            CSharpSyntaxTree.ParseText(Page, options, "/src/Shop/Pages/Account/Manage/Email.cshtml.cs"),
            CSharpSyntaxTree.ParseText(OpenPage, options, "/src/Shop/Pages/Feedback.cshtml.cs"),
            CSharpSyntaxTree.ParseText("global using System.Threading.Tasks;\n" + Hub, options, "/src/Shop/Hubs/ChatHub.cs"),
        };
        var compilation = CSharpCompilation.Create("Shop", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return EndpointInventory.Build(compilation, CancellationToken.None);
    }

    private static Endpoint Single(ImmutableArray<Endpoint> endpoints, string handler) => endpoints.Single(e => e.Handler == handler);

    private static Endpoint ByRoute(ImmutableArray<Endpoint> endpoints, string route) => endpoints.Single(e => e.Route == route);
}
