using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

public static class BackOfficePolicies
{
    public static IServiceCollection AddBackOfficePolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy("Staff", p => p.RequireAuthenticatedUser().RequireRole("staff"))
            .AddPolicy("Anyone", p => p.RequireAssertion(_ => true))
            .Services;
}

[Route("backoffice/stock")]
public sealed class StockController(ShopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await db.Products.ToListAsync()); // vuln:PK3002 stock list open to anyone

    [HttpPost("{id:int}/price")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SetPrice(int id, decimal price) // vuln:PK3002 price change without authorization
    {
        var product = await db.Products.FindAsync(id);
        product!.Price = price;
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("report")]
    [Authorize(Policy = "Staff")]
    public IActionResult Report() => View(); // safe:PK3002 staff policy

    [HttpGet("public-report")]
    [Authorize(Policy = "Anyone")]
    public IActionResult PublicReport() => View(); // vuln:PK3002 the "Anyone" policy's assertion lets anonymous users in
}

[Authorize(Roles = "staff")]
[Route("backoffice/customers")]
public sealed class CustomerAdminController(ShopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await db.Users.Take(50).ToListAsync()); // safe:PK3002 class-level roles

    [HttpGet("export.csv")]
    [AllowAnonymous]
    public async Task<IActionResult> Export() => Content(string.Join('\n', await db.Users.Select(u => u.Email).ToListAsync()), "text/csv"); // vuln:PK3002 AllowAnonymous exports every e-mail

    [HttpPost("{id}/lock")]
    [ValidateAntiForgeryToken]
    public IActionResult Lock(string id) => RedirectToAction(nameof(Index)); // safe:PK3002 inherits the class roles
}

[AllowAnonymous]
[Route("backoffice/tools")]
public sealed class ToolsController : Controller
{
    [HttpGet("cache")]
    public IActionResult Cache() => View(); // vuln:PK3002 class-level AllowAnonymous on an admin tool

    [HttpGet("version")]
    public IActionResult Version() => Content(typeof(ToolsController).Assembly.GetName().Version?.ToString() ?? ""); // vuln:PK3002 anonymous version endpoint outside the allow-list
}

[Authorize]
public abstract class StaffController : Controller
{
}

[Route("backoffice/returns")]
public sealed class ReturnsController : StaffController
{
    [HttpGet("")]
    public IActionResult Index() => View(); // safe:PK3002 [Authorize] from StaffController

    [HttpGet("label/{id:int}")]
    [AllowAnonymous]
    public IActionResult Label(int id) => View(); // vuln:PK3002 AllowAnonymous beats the base class
}

[Route("account")]
public sealed class RegistrationController : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(); // safe:PK3002 allow-listed /account/register

    [HttpGet("login-as/{userId}")]
    public IActionResult LoginAs(string userId) => View(); // vuln:PK3002 impersonation next to the allow-listed login route
}

public sealed class PayoutsModel(ShopDbContext db) : PageModel // vuln:PK3002#payouts-page payouts page without authorization
{
    public async Task OnGetAsync() => ViewData["Total"] = await db.Orders.SumAsync(o => o.Total); // vuln:PK3002#payouts-page
}

[Authorize(Roles = "finance")]
public sealed class LedgerModel(ShopDbContext db) : PageModel // safe:PK3002#ledger-page
{
    public async Task OnGetAsync() => ViewData["Total"] = await db.Orders.SumAsync(o => o.Total); // safe:PK3002#ledger-page
}

[AllowAnonymous]
public sealed class ErrorModel : PageModel // safe:PK3002#error-page allow-listed /Error
{
    public void OnGet() // safe:PK3002#error-page
    {
    }
}

public static class BackOfficeEndpoints
{
    public static void MapBackOffice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok()); // safe:PK3002 allow-listed /healthz
        app.MapGet("/api/stock/low", async (ShopDbContext db) => await db.Products.Where(p => p.Price < 1).ToListAsync()); // vuln:PK3002 minimal API without authorization
        app.MapPatch("/api/stock/{id:int}", (int id, decimal price) => Results.NoContent()); // vuln:PK3002 PATCH without authorization
        app.MapMethods("/api/stock/{id:int}/recount", new[] { "POST", "PUT" }, (int id) => Results.Accepted()); // vuln:PK3002 MapMethods without authorization
        app.MapGet("/api/stock/audit", Audit); // vuln:PK3002 method-group handler without [Authorize]
        app.MapGet("/api/stock/audit-secure", AuditSecure); // safe:PK3002 method-group handler with [Authorize]

        var staff = app.MapGroup("/api/staff").RequireAuthorization("Staff");
        staff.MapGet("/shifts", () => Results.Ok()); // safe:PK3002 group policy
        staff.MapGet("/rota.ics", () => Results.Ok()).AllowAnonymous(); // vuln:PK3002 AllowAnonymous inside the staff group

        var reports = app.MapGroup("/api/reports");
        reports.MapGet("/sales", async (ShopDbContext db) => await db.Orders.SumAsync(o => o.Total)); // vuln:PK3002 group without authorization
        reports.MapGet("/sales-secure", async (ShopDbContext db) => await db.Orders.SumAsync(o => o.Total)).RequireAuthorization("Staff"); // safe:PK3002 endpoint policy

        var open = app.MapGroup("/api/open").RequireAuthorization(p => p.RequireAssertion(_ => true));
        open.MapGet("/customers", async (ShopDbContext db) => await db.Users.CountAsync()); // vuln:PK3002 an always-true policy admits anonymous callers

        app.MapGet("/api/me/orders", [Authorize] async (HttpContext context, ShopDbContext db) =>
            await db.Orders.Where(o => o.CustomerId == context.User.Identity!.Name).ToListAsync()); // safe:PK3002 [Authorize] on the lambda
        app.MapDelete("/api/me/orders/{id:int}", (int id) => Results.NoContent()).RequireAuthorization(); // safe:PK3002 RequireAuthorization()
        app.MapPost("/api/me/avatar", (HttpContext context) => Results.Accepted()).RequireAuthorization().AllowAnonymous(); // vuln:PK3002 AllowAnonymous added last wins
    }

    private static IResult Audit(ShopDbContext db) => Results.Ok(db.Orders.Count());

    [Authorize(Policy = "Staff")]
    private static IResult AuditSecure(ShopDbContext db) => Results.Ok(db.Orders.Count());
}
