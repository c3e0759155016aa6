using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VendorShop.Data;
using VendorShop.Models;

namespace VendorShop.Services;

public sealed class ProductSearch(ShopDbContext db)
{
    public Task<List<Product>> SearchAsync(string keyword)
    {
        var sql = "SELECT * FROM Products WHERE Name LIKE '%" + keyword + "%' ORDER BY Name";
        return db.Products.FromSqlRaw(sql).ToListAsync();
    }

    public async Task<List<Order>> OrdersForCustomerAsync(string customerId)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, ProductId, Quantity, PlacedAt FROM Orders WHERE CustomerId = '{customerId}'";
        var orders = new List<Order>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            orders.Add(new Order
            {
                Id = reader.GetInt32(0),
                CustomerId = customerId,
                ProductId = reader.GetInt32(1),
                Quantity = reader.GetInt32(2),
                PlacedAt = DateTimeOffset.Parse(reader.GetString(3)),
            });
        }

        return orders;
    }
}
