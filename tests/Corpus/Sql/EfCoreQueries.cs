using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Sql;

public class ProductCatalog
{
    private readonly ShopDbContext _db;

    public ProductCatalog(ShopDbContext db) => _db = db;

    public Task<List<Product>> ByCategoryAsync(string category) =>
        _db.Products.FromSqlRaw("SELECT * FROM Products WHERE Category = '" + category + "'").ToListAsync(); // vuln:PK1001 FromSqlRaw concatenation

    public Task<List<Product>> ByCategorySafeAsync(string category) =>
        _db.Products.FromSqlRaw("SELECT * FROM Products WHERE Category = {0}", category).ToListAsync(); // safe:PK1001 FromSqlRaw with positional parameter

    public Task<List<Product>> ByCategoryInterpolatedAsync(string category) =>
        _db.Products.FromSql($"SELECT * FROM Products WHERE Category = {category}").ToListAsync(); // safe:PK1001 FromSql turns holes into parameters

    public Task<List<Product>> ByCategoryInterpolatedRawAsync(string category) =>
        _db.Products.FromSqlRaw($"SELECT * FROM Products WHERE Category = '{category}'").ToListAsync(); // vuln:PK1001 interpolated string given to FromSqlRaw

    public Task<List<Product>> CheaperThanAsync(decimal price, CancellationToken ct) =>
        _db.Products.FromSqlInterpolated($"SELECT * FROM Products WHERE Price < {price}").ToListAsync(ct); // safe:PK1001 FromSqlInterpolated

    public Task<int> RepriceAsync(string category, decimal factor)
    {
        var sql = $"UPDATE Products SET Price = Price * {factor} WHERE Category = '{category}'";
        return _db.Database.ExecuteSqlRawAsync(sql); // vuln:PK1001 ExecuteSqlRawAsync of a local
    }

    public Task<int> RepriceSafeAsync(string category, decimal factor) =>
        _db.Database.ExecuteSqlAsync($"UPDATE Products SET Price = Price * {factor} WHERE Category = {category}"); // safe:PK1001 ExecuteSqlAsync

    public int Purge(string olderThan) =>
        _db.Database.ExecuteSqlRaw("DELETE FROM Products WHERE CreatedAt < '" + olderThan + "'"); // vuln:PK1001 ExecuteSqlRaw

    public int PurgeSafe(string olderThan) =>
        _db.Database.ExecuteSqlRaw("DELETE FROM Products WHERE CreatedAt < @p0", new SqlParameter("@p0", olderThan)); // safe:PK1001 ExecuteSqlRaw with SqlParameter

    public int PurgeInterpolated(string olderThan) =>
        _db.Database.ExecuteSqlInterpolated($"DELETE FROM Products WHERE CreatedAt < {olderThan}"); // safe:PK1001 ExecuteSqlInterpolated

    public IQueryable<string> Names(string prefix) =>
        _db.Database.SqlQueryRaw<string>("SELECT Name AS Value FROM Products WHERE Name LIKE '" + prefix + "%'"); // vuln:PK1001 SqlQueryRaw

    public IQueryable<string> NamesSafe(string prefix) =>
        _db.Database.SqlQuery<string>($"SELECT Name AS Value FROM Products WHERE Name LIKE {prefix + "%"}"); // safe:PK1001 SqlQuery interpolated

    public List<Product> Linq(string category) =>
        _db.Products.Where(p => p.Category == category).OrderBy(p => p.Name).ToList(); // safe:PK1001 LINQ query

    public Task<List<Product>> TopAsync(int count, string orderColumn) =>
        _db.Products.FromSqlRaw(string.Format("SELECT TOP {0} * FROM Products ORDER BY {1}", count, orderColumn)).ToListAsync(); // vuln:PK1001 string.Format into FromSqlRaw
}
