using System;
using System.Data;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Idor;

public sealed record TicketUpdate(string Subject);

public static class IdorEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/invoices/{id:guid}", async (Guid id, AccountsDbContext db) =>
            await db.Invoices.FindAsync(id)).RequireAuthorization(); // vuln:PK1009 plain RequireAuthorization lets every user read every invoice

        app.MapGet("/api/invoices/{id:guid}/mine", async (Guid id, ClaimsPrincipal user, AccountsDbContext db) =>
            await db.Invoices.SingleOrDefaultAsync(i => i.Id == id && i.OwnerId == user.FindFirstValue(ClaimTypes.NameIdentifier))).RequireAuthorization(); // safe:PK1009 owner predicate from the principal

        app.MapDelete("/api/notes/{id:long}", async (long id, AccountsDbContext db) =>
        {
            var removed = await db.Notes.Where(n => n.Id == id).ExecuteDeleteAsync(); // vuln:PK1009 minimal API deletes any note
            return removed == 0 ? Results.NotFound() : Results.NoContent();
        }).RequireAuthorization();

        app.MapDelete("/api/notes/{id:long}/mine", async (long id, ICurrentUser current, AccountsDbContext db) =>
        {
            var removed = await db.Notes.Where(n => n.Id == id && n.UserId == current.UserId).ExecuteDeleteAsync(); // safe:PK1009 current-user service in the predicate
            return removed == 0 ? Results.NotFound() : Results.NoContent();
        }).RequireAuthorization();

        app.MapPut("/api/tickets/{ticketId:int}", async (int ticketId, TicketUpdate update, AccountsDbContext db) =>
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId); // vuln:PK1009 edits another user's ticket
            if (ticket is null)
            {
                return Results.NotFound();
            }

            ticket.Subject = update.Subject;
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).RequireAuthorization();

        app.MapPut("/api/tickets/{ticketId:int}/authorized", async (int ticketId, TicketUpdate update, ClaimsPrincipal user, IAuthorizationService authorization, AccountsDbContext db) =>
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId); // safe:PK1009 AuthorizeAsync on the loaded ticket
            if (ticket is null || !(await authorization.AuthorizeAsync(user, ticket, "TicketOwner")).Succeeded)
            {
                return Results.NotFound();
            }

            ticket.Subject = update.Subject;
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).RequireAuthorization();

        app.MapPost("/api/tickets/{ticketId:int}/close", (int ticketId, AccountsDbContext db) =>
            db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Closed, true))) // safe:PK1009 support staff policy on the endpoint
            .RequireAuthorization("SupportStaff");

        var cards = app.MapGroup("/api/cards").RequireAuthorization();
        cards.MapGet("/{id:int}", async (int id, AccountsDbContext db) =>
            await db.Cards.FindAsync(id)); // vuln:PK1009 group only requires sign-in
        cards.MapGet("/{id:int}/last4", async (int id, IDbConnection connection) =>
            await connection.QuerySingleOrDefaultAsync<string>("SELECT Last4 FROM Cards WHERE Id = @id", new { id })); // vuln:PK1009 Dapper through the same group
        cards.MapGet("/{id:int}/last4-mine", async (int id, ICurrentUser current, IDbConnection connection) =>
            await connection.QuerySingleOrDefaultAsync<string>("SELECT Last4 FROM Cards WHERE Id = @id AND AccountId = @account", new { id, account = current.UserId })); // safe:PK1009 owner in the SQL

        var admin = app.MapGroup("/admin/shipments").RequireAuthorization(policy => policy.RequireRole("Administrator"));
        admin.MapGet("/{id:int}", async (int id, AccountsDbContext db) =>
            await db.Shipments.FindAsync(id)); // safe:PK1009 administrators only, via the group's policy

        app.MapGet("/api/shipments/{shipmentId:int}", ShipmentHandlers.Get).RequireAuthorization(); // vuln:PK1009#idor-shipment-handler method-group handler
        app.MapGet("/api/shipments/{shipmentId:int}/mine", ShipmentHandlers.GetMine).RequireAuthorization();
        app.MapGet("/api/stores/{id:int}", async (int id, AccountsDbContext db) =>
            await db.Stores.FindAsync(id)); // safe:PK1009 store locations are public

        app.MapGet("/api/documents/{id:int}", async (int id, AccountsDbContext db) =>
            await db.Documents.FindAsync(id)).RequireAuthorization(); // safe:PK1009 global tenant query filter

        app.MapGet("/api/users/{userId}/notes", async (string userId, AccountsDbContext db) =>
            await db.Notes.Where(n => n.UserId == userId).ToListAsync()).RequireAuthorization(); // vuln:PK1009 the owner id itself comes from the route

        app.MapGet("/api/notes/count", async (ClaimsPrincipal user, AccountsDbContext db) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return await db.Notes.CountAsync(n => n.UserId == userId); // safe:PK1009 the owner comes from the principal
        }).RequireAuthorization();

        return app;
    }
}

public static class ShipmentHandlers
{
    public static async Task<IResult> Get(int shipmentId, AccountsDbContext db)
    {
        var shipment = await db.Shipments.FindAsync(shipmentId); // vuln:PK1009#idor-shipment-handler no owner check in the handler
        return shipment is null ? Results.NotFound() : Results.Ok(shipment);
    }

    public static async Task<IResult> GetMine(int shipmentId, ClaimsPrincipal user, AccountsDbContext db)
    {
        var shipment = await db.Shipments.FindAsync(shipmentId); // safe:PK1009 customer compared to the principal
        if (shipment is null || shipment.CustomerId != user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return Results.NotFound();
        }

        return Results.Ok(shipment);
    }
}
