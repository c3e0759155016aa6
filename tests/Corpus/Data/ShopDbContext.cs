using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Data;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }
}

public class Order
{
    public int Id { get; set; }
    public string CustomerId { get; set; } = "";
    public decimal Total { get; set; }
    public string Status { get; set; } = "";
}

public class Product
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
}

public class ShopDbContext : IdentityDbContext<ApplicationUser>
{
    public ShopDbContext(DbContextOptions<ShopDbContext> options) : base(options) { }

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Product> Products => Set<Product>();
}
