using System;
using System.Collections.Generic;
using System.Data.Entity;
using System.Data.SqlClient;
using System.Linq;

namespace LegacyCorpus.Data
{
    public class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public string Email { get; set; }
        public string Region { get; set; }
    }

    public class OrderLine
    {
        public int Id { get; set; }
        public int OrderId { get; set; }
        public string Sku { get; set; }
        public int Quantity { get; set; }
    }

    /// <summary>Entity Framework 6 context of the storefront.</summary>
    public class ShopContext : DbContext
    {
        public ShopContext() : base("name=ShopDb") { }

        public DbSet<Customer> Customers { get; set; }
        public DbSet<OrderLine> OrderLines { get; set; }
    }

    /// <summary>Raw SQL through EF6: Database.SqlQuery, ExecuteSqlCommand and DbSet.SqlQuery.</summary>
    public class CustomerRepository
    {
        private readonly ShopContext _db = new ShopContext();

        public List<Customer> ByRegion(string region)
        {
            return _db.Database.SqlQuery<Customer>("SELECT * FROM Customers WHERE Region = '" + region + "'").ToList(); // vuln:PK1001 EF6 SqlQuery with concatenated value
        }

        public List<Customer> ByRegionSafe(string region)
        {
            return _db.Database.SqlQuery<Customer>("SELECT * FROM Customers WHERE Region = @p0", region).ToList(); // safe:PK1001 EF6 positional parameter
        }

        public int Rename(int id, string name)
        {
            return _db.Database.ExecuteSqlCommand($"UPDATE Customers SET Name = '{name}' WHERE Id = {id}"); // vuln:PK1001 interpolated string is not parameterised in EF6
        }

        public int RenameSafe(int id, string name)
        {
            return _db.Database.ExecuteSqlCommand("UPDATE Customers SET Name = @name WHERE Id = @id", new SqlParameter("@name", name), new SqlParameter("@id", id)); // safe:PK1001 SqlParameter objects
        }

        public List<Customer> Search(string email)
        {
            var sql = "SELECT * FROM Customers WHERE Email LIKE '" + email + "%'";
            return _db.Customers.SqlQuery(sql).ToList(); // vuln:PK1001 DbSet.SqlQuery with input
        }

        public List<Customer> SearchSafe(string email)
        {
            return _db.Customers.SqlQuery("SELECT * FROM Customers WHERE Email LIKE @p0", email + "%").ToList(); // safe:PK1001 parameter
        }

        public int Purge(string table)
        {
            const string Archive = "ArchivedOrders";
            return _db.Database.ExecuteSqlCommand("TRUNCATE TABLE " + Archive); // safe:PK1001 constant table name
        }

        public int PurgeRequested(string table)
        {
            return _db.Database.ExecuteSqlCommand(TransactionalBehavior.DoNotEnsureTransaction, "TRUNCATE TABLE " + table); // vuln:PK1001 caller-chosen table name
        }
    }
}
