using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Csrf;

public sealed record NoteInput(string Text);

[Authorize]
public sealed class ChangePasswordModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public string NewPassword { get; set; } = "";

    public async Task<IActionResult> OnPostAsync() // safe:PK3006 Razor Pages validate POST handlers by default
    {
        var user = await users.GetUserAsync(User);
        await users.RemovePasswordAsync(user!);
        await users.AddPasswordAsync(user!, NewPassword);
        return RedirectToPage("/Index");
    }

    public void OnGet() // safe:PK3006 read-only GET
    {
    }
}

[Authorize]
[IgnoreAntiforgeryToken]
public sealed class QuickReorderModel(ShopDbContext db) : PageModel // vuln:PK3006#quick-reorder page opts out of validation and has POST handlers
{
    public async Task<IActionResult> OnPostAsync(int orderId) // vuln:PK3006#quick-reorder
    {
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId); // vuln:PK1009 reorders from any customer's order by id, no owner check
        db.Orders.Add(new Order { CustomerId = order.CustomerId, Total = order.Total, Status = "New" });
        await db.SaveChangesAsync();
        return RedirectToPage("/Orders");
    }
}

[Authorize]
public sealed class AddressBookModel(ShopDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetDeleteAsync(int id) // vuln:PK3006 GET handler deletes
    {
        var order = await db.Orders.FindAsync(id); // vuln:PK1009 any customer's order by id, no owner check
        db.Orders.Remove(order!);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id) // safe:PK3006 POST handler, validated by default
    {
        var order = await db.Orders.FindAsync(id); // vuln:PK1009 any customer's order by id, no owner check
        db.Orders.Remove(order!);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task OnGetAsync() => ViewData["Count"] = await db.Orders.CountAsync(); // safe:PK3006 read-only
}

[IgnoreAntiforgeryToken]
public abstract class KioskPageModel : PageModel
{
}

[Authorize]
public sealed class KioskCheckoutModel : KioskPageModel // vuln:PK3006#kiosk base page model disables validation
{
    public IActionResult OnPost(int productId) => RedirectToPage("/Kiosk/Done"); // vuln:PK3006#kiosk
}

[Authorize]
public sealed class KioskCatalogModel : KioskPageModel
{
    public void OnGet() // safe:PK3006 only GET handlers on the opted-out base
    {
    }
}

public static class CsrfMinimalApis
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/me").RequireAuthorization();

        account.MapPost("/notes", ([FromForm] string text) => Results.Ok(text.Length)); // vuln:PK3006 form binding, no antiforgery middleware in the app

        account.MapPost("/notes-json", (NoteInput note) => Results.Ok(note.Text.Length)); // safe:PK3006 JSON body

        account.MapPost("/avatar", async (IFormFile file) =>
        {
            await using var target = File.Create($"/srv/avatars/{Guid.NewGuid():N}.png");
            await file.CopyToAsync(target);
            return Results.Ok();
        }).DisableAntiforgery(); // vuln:PK3006 form upload with antiforgery disabled

        account.MapPut("/theme", ([FromForm] string theme, HttpContext context) =>
        {
            context.Response.Cookies.Append("theme", theme);
            return Results.NoContent();
        }); // vuln:PK3006 form PUT without validation

        account.MapDelete("/orders/{id:int}", async (int id, ShopDbContext db) =>
        {
            await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync(); // vuln:PK1009 deletes any customer's order by id
            return Results.NoContent();
        }); // safe:PK3006 a cross-site page cannot send DELETE without a CORS preflight

        account.MapGet("/orders/{id:int}/archive", async (int id, ShopDbContext db) =>
        {
            await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "Archived")); // vuln:PK1009 archives any customer's order by id
            return Results.Ok();
        }); // vuln:PK3006 GET that writes

        account.MapGet("/orders/{id:int}", async (int id, ShopDbContext db) => await db.Orders.FindAsync(id)); // safe:PK3006 vuln:PK1009 read-only GET; any customer's order by id (PK1009)

        account.MapPost("/orders/{id:int}/repeat", async (int id, ShopDbContext db) =>
        {
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id); // vuln:PK1009 repeats any customer's order by id
            db.Orders.Add(new Order { CustomerId = order.CustomerId, Total = order.Total, Status = "New" });
            await db.SaveChangesAsync();
            return Results.Ok();
        }); // vuln:PK3006 no body needed: a cross-site form POST with the cookie repeats the order

        account.MapPost("/form-collection", (IFormCollection form) => Results.Ok(form.Count)).WithMetadata(new IgnoreAntiforgeryTokenAttribute()); // vuln:PK3006 IFormCollection with validation ignored

        var mobile = app.MapGroup("/api/mobile/me").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme });
        mobile.MapPost("/notes", ([FromForm] string text) => Results.Ok(text.Length)); // safe:PK3006 bearer-only group
        mobile.MapPost("/avatar", async (IFormFile file) => Results.Ok(file.Length)).DisableAntiforgery(); // safe:PK3006 bearer-only group, no ambient credential

        app.MapPost("/hooks/payments", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("PAYMENT_HOOK_KEY") ?? ""), Encoding.UTF8.GetBytes(body)));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers["X-Signature"].ToString()))
                ? Results.Ok()
                : Results.Unauthorized();
        }).AllowAnonymous(); // safe:PK3006 server-to-server webhook authenticated by an HMAC signature, no cookies involved
    }
}

[Authorize]
[Route("team")]
public sealed class TeamController(ShopDbContext db, IAntiforgery antiforgery) : Controller
{
    [HttpPost("invite")]
    public async Task<IActionResult> Invite(string email) // safe:PK3006 validates the token in code, failing closed
    {
        await antiforgery.ValidateRequestAsync(HttpContext);
        return RedirectToAction(nameof(Members));
    }

    [HttpPost("invite-soft")]
    public async Task<IActionResult> InviteSoft(string email) // vuln:PK3006 checks the token but carries on when it is invalid
    {
        var valid = await antiforgery.IsRequestValidAsync(HttpContext);
        if (!valid)
        {
            HttpContext.Items["csrf"] = "invalid";
        }

        return RedirectToAction(nameof(Members));
    }

    [HttpGet("")]
    public IActionResult Members() => View(); // safe:PK3006 read-only

    [HttpPost("leave")]
    public async Task<IActionResult> Leave() // vuln:PK3006 leaves the team with one cross-site POST
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.Orders.Where(o => o.CustomerId == id).ExecuteDeleteAsync();
        return RedirectToAction(nameof(Members));
    }

    [HttpPatch("role")]
    public IActionResult ChangeRole(string userId, string role) => NoContent(); // vuln:PK3006 PATCH without validation

    [HttpPatch("role-checked")]
    [ValidateAntiForgeryToken]
    public IActionResult ChangeRoleChecked(string userId, string role) => NoContent(); // safe:PK3006 validated PATCH

    [AcceptVerbs("GET", "POST", Route = "remove/{id:int}")]
    public async Task<IActionResult> Remove(int id) // vuln:PK3006 GET and POST, neither validated
    {
        await db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync(); // vuln:PK1009 removes any customer's order by id
        return RedirectToAction(nameof(Members));
    }

    [Route("rename")]
    public async Task<IActionResult> RenameTeam(string name) // vuln:PK3006 no verb attribute: GET reaches a write
    {
        var order = await db.Orders.FirstAsync();
        order.Status = name;
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Members));
    }

    [HttpGet("report")]
    public async Task<IActionResult> Report() => View(await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()); // safe:PK3006 aggregates only
}
