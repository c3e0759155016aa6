using System;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Idor;

/// <summary>Support tickets, shared by the web and the mail-in endpoints.</summary>
public sealed class TicketRepository(AccountsDbContext db)
{
    public Task<SupportTicket?> GetAsync(int ticketId) =>
        db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId); // vuln:PK1009#idor-ticket-get loads by id only

    public Task<int> CloseAsync(int ticketId) =>
        db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Closed, true)); // vuln:PK1009#idor-ticket-close closes by id only

    public Task<SupportTicket?> GetForUserAsync(int ticketId, string userId) =>
        db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.CreatedBy == userId); // safe:PK1009 owner given by the caller

    public SupportTicket? Find(int ticketId) => db.Find<SupportTicket>(ticketId); // vuln:PK1009#idor-ticket-find DbContext.Find by id only
}

/// <summary>Invoice reads for the API, written with Dapper.</summary>
public interface IInvoiceStore
{
    Task<Invoice?> LoadAsync(Guid invoiceId);

    Task<Invoice?> LoadOwnedAsync(Guid invoiceId, string ownerId);
}

public sealed class SqlInvoiceStore(IDbConnection connection) : IInvoiceStore
{
    public Task<Invoice?> LoadAsync(Guid invoiceId) =>
        connection.QuerySingleOrDefaultAsync<Invoice>("SELECT * FROM Invoices WHERE Id = @invoiceId", new { invoiceId }); // vuln:PK1009#idor-invoice-store Dapper by id only

    public Task<Invoice?> LoadOwnedAsync(Guid invoiceId, string ownerId) =>
        connection.QuerySingleOrDefaultAsync<Invoice>("SELECT * FROM Invoices WHERE Id = @invoiceId AND OwnerId = @ownerId", new { invoiceId, ownerId }); // safe:PK1009 owner in the SQL
}

/// <summary>Saved payment cards of the signed-in account.</summary>
public sealed class CardService(AccountsDbContext db, ICurrentUser current)
{
    public Task<SavedCard?> GetMineAsync(int cardId) =>
        db.Cards.FirstOrDefaultAsync(c => c.Id == cardId && c.AccountId == current.UserId); // safe:PK1009 the service filters by the current user

    public async Task RemoveAsync(int cardId)
    {
        var card = await db.Cards.FindAsync(cardId); // vuln:PK1009#idor-card-remove removes any account's card
        if (card is not null)
        {
            db.Cards.Remove(card);
            await db.SaveChangesAsync();
        }
    }
}

/// <summary>Nightly reminder job: ids come from the database, not from a request.</summary>
public sealed class InvoiceReminderJob(AccountsDbContext db)
{
    public async Task RunAsync(Guid invoiceId)
    {
        var invoice = await db.Invoices.FindAsync(invoiceId); // safe:PK1009 not an endpoint, the scheduler supplies the id
        if (invoice is { Paid: false })
        {
            invoice.Number += "-R";
            await db.SaveChangesAsync();
        }
    }
}
