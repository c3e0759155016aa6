using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Web;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    private readonly ShopDbContext _db;

    public OrdersController(ShopDbContext db) => _db = db;

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id) => Ok(await _db.Orders.FindAsync(id)); // vuln:PK3002 vuln:PK1009 no [Authorize] anywhere; any customer's order by id (PK1009)

    [HttpDelete("{id:int}")]
    [Authorize(Roles = "admin")]
    public async Task<IActionResult> Delete(int id) // safe:PK3002 method-level [Authorize]
    {
        _db.Orders.Remove((await _db.Orders.FindAsync(id))!);
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpPost("{id:int}/refund")]
    public IActionResult Refund(int id) => Accepted(); // vuln:PK3002 state change without authorization
}

[Authorize]
[ApiController]
[Route("api/customers")]
public sealed class CustomersController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok(); // safe:PK3002 class-level [Authorize]

    [HttpGet("export")]
    [AllowAnonymous]
    public IActionResult Export() => Ok(); // vuln:PK3002 [AllowAnonymous] outside the allow-list

    [HttpGet("{id}")]
    public IActionResult Get(string id) => Ok(id); // safe:PK3002 inherits class [Authorize]
}

[Route("account")]
public sealed class AccountController : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login() => View(); // safe:PK3002 allow-listed route

    [HttpGet("register")]
    [AllowAnonymous]
    public IActionResult Register() => View(); // safe:PK3002 allow-listed route

    [HttpGet("profile")]
    public IActionResult Profile() => View(); // vuln:PK3002 profile without authorization

    [HttpPost("change-email")]
    public IActionResult ChangeEmail(string email) => RedirectToAction(nameof(Profile)); // vuln:PK3002 account change without authorization

    [HttpGet("settings")]
    [Authorize]
    public IActionResult Settings() => View(); // safe:PK3002 [Authorize]
}

public sealed class HomeController : Controller
{
    public IActionResult Index() => View(); // safe:PK3002 allow-listed HomeController.Index

    public IActionResult Dashboard() => View(); // vuln:PK3002 dashboard open to anyone
}

[Authorize(Policy = "Admin")]
public abstract class AdminControllerBase : Controller
{
}

public sealed class ReportsController : AdminControllerBase
{
    public IActionResult Monthly() => View(); // safe:PK3002 [Authorize] inherited from the base class

    [AllowAnonymous]
    public IActionResult Public() => View(); // vuln:PK3002 AllowAnonymous overrides the base class
}

public sealed class InvoicesModel : PageModel // vuln:PK3002#invoices-page Razor page without authorization
{
    public void OnGet() { } // vuln:PK3002#invoices-page
}

[Authorize]
public sealed class BillingModel : PageModel // safe:PK3002#billing-page
{
    public void OnGet() { } // safe:PK3002#billing-page
}

[AllowAnonymous]
public sealed class PrivacyModel : PageModel // safe:PK3002#privacy-page allow-listed /Privacy
{
    public void OnGet() { } // safe:PK3002#privacy-page
}

public static class MinimalApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok("healthy")); // safe:PK3002 allow-listed health check
        app.MapGet("/api/products", async (ShopDbContext db) => await db.Products.ToListAsync()); // vuln:PK3002 minimal API without authorization
        app.MapPost("/api/products", (Product p, ShopDbContext db) => db.Products.Add(p)).RequireAuthorization("Admin"); // safe:PK3002 RequireAuthorization
        app.MapDelete("/api/products/{id:int}", (int id) => Results.NoContent()); // vuln:PK3002 delete without authorization
        app.MapGet("/api/me", (HttpContext ctx) => ctx.User.Identity!.Name).RequireAuthorization(); // safe:PK3002 RequireAuthorization()
        app.MapPut("/api/prices", () => Results.Ok()).AllowAnonymous(); // vuln:PK3002 AllowAnonymous outside the allow-list
        app.MapPost("/api/auth/token", () => Results.Ok()).AllowAnonymous(); // safe:PK3002 allow-listed token endpoint

        var admin = app.MapGroup("/api/admin").RequireAuthorization("Admin");
        admin.MapGet("/users", () => Results.Ok()); // safe:PK3002 group requires authorization
        admin.MapPost("/users/{id}/lock", (string id) => Results.Ok(id)); // safe:PK3002 group requires authorization

        var open = app.MapGroup("/api/public-stats");
        open.MapGet("/sales", () => Results.Ok()); // vuln:PK3002 group without authorization
        app.MapGet("/api/orders/{id:int}/invoice", [Authorize] (int id) => Results.Ok(id)); // safe:PK3002 [Authorize] on the handler
        app.MapGet("/api/orders/{id:int}/label", (int id) => Results.Ok(id)); // vuln:PK3002 sibling without [Authorize]
    }
}
