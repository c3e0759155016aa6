using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Csrf;

public sealed record AddressForm(string Street, string City, string PostalCode);

public sealed record TransferRequest(string ToAccount, decimal Amount);

[Authorize]
[Route("profile")]
public sealed class ProfileController(UserManager<ApplicationUser> users, ShopDbContext db, IWishlistRepository wishlist) : Controller
{
    [HttpPost("email")]
    public async Task<IActionResult> ChangeEmail(string email) // vuln:PK3006 POST without a token check
    {
        var user = await users.GetUserAsync(User);
        await users.SetEmailAsync(user!, email);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("email-checked")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ChangeEmailChecked(string email) // safe:PK3006 [ValidateAntiForgeryToken]
    {
        var user = await users.GetUserAsync(User);
        await users.SetEmailAsync(user!, email);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("")]
    public IActionResult Index() => View(); // safe:PK3006 read-only GET

    [HttpPost("address")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UpdateAddress(AddressForm form) // vuln:PK3006 validation switched off
    {
        var user = await users.GetUserAsync(User);
        user!.DisplayName = $"{form.Street}, {form.City}";
        await users.UpdateAsync(user);
        return View(nameof(Index));
    }

    [HttpDelete("sessions/{id}")]
    public async Task<IActionResult> RevokeSession(string id) // vuln:PK3006 DELETE reachable by a cross-site fetch with cookies
    {
        await users.RemoveAuthenticationTokenAsync((await users.GetUserAsync(User))!, "sessions", id);
        return NoContent();
    }

    [HttpPut("display-name")]
    public async Task<IActionResult> Rename(string name) // vuln:PK3006 PUT without a token
    {
        var user = await users.GetUserAsync(User);
        user!.DisplayName = name;
        await users.UpdateAsync(user);
        return NoContent();
    }

    [HttpGet("orders/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id) // vuln:PK3006 GET that writes (an <img> tag can trigger it)
    {
        var order = await db.Orders.FindAsync(id); // vuln:PK1009 cancels any customer's order by id
        order!.Status = "Cancelled";
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("orders/{id:int}")]
    public async Task<IActionResult> Order(int id) => View(await db.Orders.FindAsync(id)); // safe:PK3006 vuln:PK1009 read-only GET; any customer's order by id (PK1009)

    [HttpGet("wishlist/{productId:int}/remove")]
    public async Task<IActionResult> RemoveFromWishlist(int productId) // vuln:PK3006 GET that deletes through a repository
    {
        await wishlist.RemoveAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, productId);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("delete-account")]
    public async Task<IActionResult> DeleteAccount() // vuln:PK3006 GET deletes the account
    {
        var user = await users.GetUserAsync(User);
        await users.DeleteAsync(user!);
        return Redirect("/");
    }

    [HttpGet("orders/purge")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Purge() // safe:PK3006 explicit [ValidateAntiForgeryToken] also checks GET
    {
        await db.Orders.Where(o => o.Status == "Draft").ExecuteDeleteAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("forget-consent")]
    public IActionResult ForgetConsent() // safe:PK3006 only deletes a client-side preference cookie
    {
        Response.Cookies.Delete(".AspNet.Consent");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("search")]
    public async Task<IActionResult> Search(string term) => View(await db.Orders.Where(o => o.Status == term).ToListAsync()); // safe:PK3006 POST that only reads

    [HttpPost("avatar")]
    public async Task<IActionResult> UploadAvatar(IFormFile avatar) // vuln:PK3006 multipart form, the easiest cross-site post
    {
        await using var target = System.IO.File.Create($"/srv/avatars/{User.FindFirstValue(ClaimTypes.NameIdentifier)}.png");
        await avatar.CopyToAsync(target);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("avatar-checked")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UploadAvatarChecked(IFormFile avatar) // safe:PK3006 token checked
    {
        await using var target = System.IO.File.Create($"/srv/avatars/{User.FindFirstValue(ClaimTypes.NameIdentifier)}.png");
        await avatar.CopyToAsync(target);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("exports/{id:int}/delete")]
    public IActionResult DeleteExport(int id) // vuln:PK3006 GET that deletes a file
    {
        System.IO.File.Delete($"/srv/exports/{id}.zip");
        return RedirectToAction(nameof(Index));
    }
}

[Authorize]
[AutoValidateAntiforgeryToken]
[Route("billing")]
public sealed class BillingController(ShopDbContext db) : Controller
{
    [HttpPost("card")]
    public IActionResult UpdateCard(string token) => RedirectToAction(nameof(Index)); // safe:PK3006 class-level [AutoValidateAntiforgeryToken]

    [HttpGet("")]
    public IActionResult Index() => View(); // safe:PK3006 read-only

    [HttpGet("invoices/{id:int}/void")]
    public async Task<IActionResult> Void(int id) // vuln:PK3006 AutoValidate skips GET, which writes here
    {
        var order = await db.Orders.FindAsync(id); // vuln:PK1009 voids any customer's order by id
        order!.Status = "Void";
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("coupon")]
    [IgnoreAntiforgeryToken]
    public IActionResult ApplyCoupon(string code) => RedirectToAction(nameof(Index)); // vuln:PK3006 action opts out of the class policy

    [HttpDelete("card")]
    public IActionResult RemoveCard() => NoContent(); // safe:PK3006 AutoValidate covers DELETE
}

[IgnoreAntiforgeryToken]
public abstract class LegacyFormsController : Controller
{
}

[Authorize]
[Route("legacy/settings")]
public sealed class LegacySettingsController : LegacyFormsController
{
    [HttpPost("notifications")]
    public IActionResult Notifications(bool email, bool sms) => RedirectToAction("Index", "Home"); // vuln:PK3006 base class disables validation
}

[AutoValidateAntiforgeryToken]
public abstract class SecureFormsController : Controller
{
}

[Authorize]
[Route("secure/settings")]
public sealed class SecureSettingsController : SecureFormsController
{
    [HttpPost("notifications")]
    public IActionResult Notifications(bool email, bool sms) => RedirectToAction("Index", "Home"); // safe:PK3006 base class validates
}

[Authorize]
[ApiController]
[Route("api/account")]
public sealed class AccountApiController(ShopDbContext db) : ControllerBase
{
    [HttpPost("orders/{id:int}/reorder")]
    public async Task<IActionResult> Reorder(int id) // vuln:PK3006 cookie-authenticated POST with no body: a plain cross-site form can send it
    {
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id); // vuln:PK1009 copies any customer's order by id
        db.Orders.Add(new Order { CustomerId = order.CustomerId, Total = order.Total, Status = "New" });
        await db.SaveChangesAsync();
        return Ok();
    }

    [HttpPost("transfer")]
    public IActionResult Transfer([FromForm] TransferRequest request) => Accepted(); // vuln:PK3006 form-bound API action under cookie auth

    [HttpPost("transfer-json")]
    public IActionResult TransferJson([FromBody] TransferRequest request) => Accepted(); // safe:PK3006 JSON only: a cross-site form cannot send application/json without a CORS preflight

    [HttpPost("newsletter")]
    public IActionResult Newsletter([FromQuery] bool subscribe) => Ok(); // vuln:PK3006 query-bound POST, a form can send it

    [HttpPost("documents")]
    public async Task<IActionResult> UploadDocument(IFormFile document) // vuln:PK3006 multipart upload under cookie auth, no token
    {
        await using var target = System.IO.File.Create($"/srv/documents/{System.Guid.NewGuid():N}");
        await document.CopyToAsync(target);
        return Ok();
    }

    [HttpPost("spa/name")]
    [ValidateAntiforgeryHeader]
    public IActionResult SpaRename([FromForm] string name) => Ok(); // safe:PK3006 the team's header-token filter validates
}

[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
[ApiController]
[Route("api/mobile")]
public sealed class MobileApiController(ShopDbContext db) : ControllerBase
{
    [HttpPost("orders/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id) // safe:PK3006 bearer-only: cross-site requests carry no token
    {
        var order = await db.Orders.FindAsync(id); // vuln:PK1009 cancels any customer's order by id
        order!.Status = "Cancelled";
        await db.SaveChangesAsync();
        return NoContent();
    }

    [HttpPost("profile")]
    public IActionResult Profile([FromForm] string displayName) => NoContent(); // safe:PK3006 bearer-only scheme
}
