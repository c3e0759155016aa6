using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Idor;

[Route("my/shipments")]
public sealed class CustomerShipmentsController(AccountsDbContext db) : Controller
{
    [Authorize(Roles = "Customer")]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        var shipment = await db.Shipments.FindAsync(id); // vuln:PK1009 every customer holds the role, so any customer sees any shipment
        return shipment is null ? NotFound() : View(shipment);
    }

    [Authorize]
    [HttpGet("note")]
    public async Task<IActionResult> Note(string id)
    {
        var noteId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        var note = await db.Notes.FindAsync(noteId); // vuln:PK1009 string id parsed, then loaded without an owner check
        return note is null ? NotFound() : View(note);
    }

    [Authorize]
    [HttpPost("{id:int}/address")]
    public async Task<IActionResult> ChangeAddress(int id, string address)
    {
        var shipment = await db.Shipments.Where(s => s.Id == id).SingleOrDefaultAsync(); // vuln:PK1009 redirects another customer's parcel
        if (shipment is null)
        {
            return NotFound();
        }

        shipment.Address = address;
        await db.SaveChangesAsync();
        return NoContent();
    }

    [Authorize]
    [HttpPost("{id:int}/address-mine")]
    public async Task<IActionResult> ChangeAddressMine(int id, string address)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var shipment = await db.Shipments.Where(s => s.Id == id).SingleOrDefaultAsync(); // safe:PK1009 NotFound unless the caller is the customer
        if (shipment is null || shipment.CustomerId != customerId)
        {
            return NotFound();
        }

        shipment.Address = address;
        await db.SaveChangesAsync();
        return NoContent();
    }

    [Authorize]
    [HttpPost("cards/{cardId:int}/delete")]
    public IActionResult DeleteCard(int cardId)
    {
        db.Cards.Where(c => c.Id == cardId).ExecuteDelete(); // vuln:PK1009 synchronous delete of any account's card
        return NoContent();
    }
}
