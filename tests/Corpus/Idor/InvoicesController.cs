using System;
using System.Data;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Corpus.Data;

namespace Corpus.Idor;

[Authorize]
[Route("invoices")]
public sealed class InvoicesController(AccountsDbContext db, UserManager<ApplicationUser> users, IAuthorizationService authorization, IDbConnection connection) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var invoice = await db.Invoices.FindAsync(id); // vuln:PK1009 any signed-in user reads any invoice
        return invoice is null ? NotFound() : View(invoice);
    }

    [HttpGet("{id:guid}/mine")]
    public async Task<IActionResult> DetailsMine(Guid id)
    {
        var userId = users.GetUserId(User);
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id && i.OwnerId == userId); // safe:PK1009 owner predicate
        return invoice is null ? NotFound() : View(invoice);
    }

    [HttpGet("{invoiceId:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid invoiceId)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId); // vuln:PK1009 download by guessable id, no owner check
        return invoice is null ? NotFound() : File(Array.Empty<byte>(), "application/pdf");
    }

    [HttpGet("{invoiceId:guid}/pdf-checked")]
    public async Task<IActionResult> PdfChecked(Guid invoiceId)
    {
        var invoice = await db.Invoices.FindAsync(invoiceId); // safe:PK1009 owner compared to the caller right after the load
        if (invoice is null || invoice.OwnerId != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return NotFound();
        }

        return File(Array.Empty<byte>(), "application/pdf");
    }

    [HttpGet("{id:guid}/authorized")]
    public async Task<IActionResult> DetailsAuthorized(Guid id)
    {
        var invoice = await db.Invoices.FindAsync(id); // safe:PK1009 resource-based authorization below
        if (invoice is null)
        {
            return NotFound();
        }

        var result = await authorization.AuthorizeAsync(User, invoice, "InvoiceOwner");
        return result.Succeeded ? View(invoice) : Forbid();
    }

    [HttpGet("{id:guid}/amount-check")]
    public async Task<IActionResult> DetailsAmountCheck(Guid id)
    {
        var invoice = await db.Invoices.FindAsync(id); // vuln:PK1009 the only check after the load is on the amount, not the owner
        if (invoice is null || invoice.Amount <= 0)
        {
            return NotFound();
        }

        return View(invoice);
    }

    [HttpGet("{id:guid}/as")]
    public async Task<IActionResult> DetailsAs(Guid id, string ownerId)
    {
        var invoice = await db.Invoices.FindAsync(id); // vuln:PK1009 the owner is compared to a query value the attacker also controls
        if (invoice is null || invoice.OwnerId != ownerId)
        {
            return NotFound();
        }

        return View(invoice);
    }

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id)
    {
        await db.Invoices.Where(i => i.Id == id).ExecuteDeleteAsync(); // vuln:PK1009 deletes anyone's invoice
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/delete-mine")]
    public async Task<IActionResult> DeleteMine(Guid id)
    {
        var userId = users.GetUserId(User);
        await db.Invoices.Where(i => i.Id == id && i.OwnerId == userId).ExecuteDeleteAsync(); // safe:PK1009 delete scoped to the owner
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/paid")]
    public async Task<IActionResult> MarkPaid(Guid id)
    {
        await db.Invoices.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Paid, true)); // vuln:PK1009 updates anyone's invoice
        return NoContent();
    }

    [Authorize(Roles = "Accounting")]
    [HttpPost("{id:guid}/paid-accounting")]
    public async Task<IActionResult> MarkPaidAccounting(Guid id)
    {
        await db.Invoices.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Paid, true)); // safe:PK1009 accounting role may settle any invoice
        return NoContent();
    }

    [HttpPost("{id:guid}/number")]
    public async Task<IActionResult> Renumber(Guid id, string number)
    {
        var invoice = await db.Invoices.SingleAsync(i => i.Id == id); // vuln:PK1009 edit by id without an owner check
        invoice.Number = number;
        await db.SaveChangesAsync();
        return NoContent();
    }

    [HttpGet("{id:guid}/raw")]
    public async Task<IActionResult> Raw(Guid id)
    {
        var invoice = await connection.QueryFirstOrDefaultAsync<Invoice>("SELECT * FROM Invoices WHERE Id = @id", new { id }); // vuln:PK1009 Dapper load by id only
        return invoice is null ? NotFound() : Json(invoice);
    }

    [HttpGet("{id:guid}/raw-mine")]
    public async Task<IActionResult> RawMine(Guid id)
    {
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var invoice = await connection.QueryFirstOrDefaultAsync<Invoice>("SELECT * FROM Invoices WHERE Id = @id AND OwnerId = @owner", new { id, owner }); // safe:PK1009 owner in the SQL predicate
        return invoice is null ? NotFound() : Json(invoice);
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine()
    {
        var userId = users.GetUserId(User);
        var list = await db.Invoices.Where(i => i.OwnerId == userId).ToListAsync(); // safe:PK1009 no id from the request, the caller's own list
        return View(list);
    }
}

[Authorize]
[Route("orders")]
public sealed class OrderLookupController(ShopDbContext shop) : Controller
{
    [HttpGet("{id:int}/total")]
    public async Task<IActionResult> Total(int id)
    {
        var total = await shop.Orders.Where(o => o.Id == id).Select(o => o.Total).SingleAsync(); // vuln:PK1009 projection of another customer's order
        return Json(total);
    }

    [HttpPost("{id:int}/cancel")]
    public IActionResult Cancel(int id)
    {
        shop.Orders.Where(o => o.Id == id).ExecuteUpdate(s => s.SetProperty(o => o.Status, "cancelled")); // vuln:PK1009 cancels any customer's order
        return NoContent();
    }

    [HttpPost("{id:int}/cancel-mine")]
    public IActionResult CancelMine(int id)
    {
        var customer = User.FindFirstValue(ClaimTypes.NameIdentifier);
        shop.Orders.Where(o => o.Id == id && o.CustomerId == customer).ExecuteUpdate(s => s.SetProperty(o => o.Status, "cancelled")); // safe:PK1009 scoped to the customer
        return NoContent();
    }

    [HttpGet("products/{id:int}")]
    public async Task<IActionResult> Product(int id)
    {
        var product = await shop.Products.FindAsync(id); // safe:PK1009 products are public catalogue data
        return product is null ? NotFound() : View(product);
    }

    [AllowAnonymous]
    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id)
    {
        var order = await shop.Orders.FirstOrDefaultAsync(o => o.Id == id); // vuln:PK1009 anonymous order status by sequential id
        return order is null ? NotFound() : Json(new { order.Status, order.Total });
    }
}

[Authorize(Policy = "FinanceAuditors")]
[Route("audit/invoices")]
public sealed class InvoiceAuditController(AccountsDbContext db) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Inspect(Guid id)
    {
        var invoice = await db.Invoices.FindAsync(id); // safe:PK1009 controller restricted to the auditors policy
        return invoice is null ? NotFound() : View(invoice);
    }
}
