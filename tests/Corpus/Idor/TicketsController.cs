using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Idor;

[ApiController]
[Authorize]
[Route("api/support")]
public sealed class TicketsController(TicketRepository tickets, IInvoiceStore invoices, CardService cards) : ControllerBase
{
    [HttpGet("tickets/{id:int}")]
    public async Task<ActionResult<SupportTicket>> Get(int id)
    {
        var ticket = await tickets.GetAsync(id); // vuln:PK1009#idor-ticket-get repository in another file, no owner check
        return ticket is null ? NotFound() : ticket;
    }

    [HttpGet("tickets/{id:int}/mine")]
    public async Task<ActionResult<SupportTicket>> GetMine(int id)
    {
        var ticket = await tickets.GetForUserAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!); // safe:PK1009 caller's id passed to the repository
        return ticket is null ? NotFound() : ticket;
    }

    [HttpPost("tickets/{id:int}/close")]
    public async Task<IActionResult> Close(int id)
    {
        await tickets.CloseAsync(id); // vuln:PK1009#idor-ticket-close closes another user's ticket
        return NoContent();
    }

    [Authorize(Roles = "Support")]
    [HttpPost("tickets/{id:int}/close-staff")]
    public async Task<IActionResult> CloseAsStaff(int id)
    {
        await tickets.CloseAsync(id); // safe:PK1009 support role closes any ticket
        return NoContent();
    }

    [HttpGet("tickets/sync")]
    public ActionResult<SupportTicket> GetSync([FromQuery] int id)
    {
        var ticket = tickets.Find(id); // vuln:PK1009#idor-ticket-find synchronous lookup through the repository
        return ticket is null ? NotFound() : ticket;
    }

    [HttpGet("invoices/{invoiceId:guid}")]
    public async Task<ActionResult<Invoice>> GetInvoice(Guid invoiceId)
    {
        var invoice = await invoices.LoadAsync(invoiceId); // vuln:PK1009#idor-invoice-store interface call to the Dapper store
        return invoice is null ? NotFound() : invoice;
    }

    [HttpGet("invoices/{invoiceId:guid}/mine")]
    public async Task<ActionResult<Invoice>> GetInvoiceMine(Guid invoiceId)
    {
        var invoice = await invoices.LoadOwnedAsync(invoiceId, User.FindFirstValue(ClaimTypes.NameIdentifier)!); // safe:PK1009 owner passed to the store
        return invoice is null ? NotFound() : invoice;
    }

    [HttpGet("cards/{cardId:int}")]
    public async Task<ActionResult<SavedCard>> GetCard(int cardId)
    {
        var card = await cards.GetMineAsync(cardId); // safe:PK1009 the service filters by the current user
        return card is null ? NotFound() : card;
    }

    [HttpDelete("cards/{cardId:int}")]
    public async Task<IActionResult> RemoveCard(int cardId)
    {
        await cards.RemoveAsync(cardId); // vuln:PK1009#idor-card-remove the service removes by id only
        return NoContent();
    }

    [Authorize("TicketAuditors")]
    [HttpGet("tickets/{id:int}/audit")]
    public async Task<ActionResult<SupportTicket>> Audit(int id)
    {
        var ticket = await tickets.GetAsync(id); // safe:PK1009 auditors policy (positional) on the action
        return ticket is null ? NotFound() : ticket;
    }
}
