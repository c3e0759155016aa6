using System;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Idor;

public class Invoice
{
    public Guid Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string Number { get; set; } = "";
    public decimal Amount { get; set; }
    public bool Paid { get; set; }
}

public class Note
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
}

public class Shipment
{
    public int Id { get; set; }
    public string CustomerId { get; set; } = "";
    public string Address { get; set; } = "";
    public string Status { get; set; } = "";
}

public class SupportTicket
{
    public int Id { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Subject { get; set; } = "";
    public bool Closed { get; set; }
}

public class SavedCard
{
    public int Id { get; set; }
    public string AccountId { get; set; } = "";
    public string Last4 { get; set; } = "";
}

/// <summary>Scoped to the current tenant by a global query filter.</summary>
public class TeamDocument
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>Public help-centre content: no owner.</summary>
public class Article
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>Public store locations: no owner.</summary>
public class StoreLocation
{
    public int Id { get; set; }
    public string City { get; set; } = "";
}

/// <summary>Keyed by the Identity user id.</summary>
public class UserProfile
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
}

public interface ITenantContext
{
    int TenantId { get; }
}

public interface ICurrentUser
{
    string UserId { get; }
}

public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, ITenantContext tenant) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<SupportTicket> Tickets => Set<SupportTicket>();
    public DbSet<SavedCard> Cards => Set<SavedCard>();
    public DbSet<TeamDocument> Documents => Set<TeamDocument>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<StoreLocation> Stores => Set<StoreLocation>();
    public DbSet<UserProfile> Profiles => Set<UserProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TeamDocument>().HasQueryFilter(d => d.TenantId == tenant.TenantId);
    }
}
