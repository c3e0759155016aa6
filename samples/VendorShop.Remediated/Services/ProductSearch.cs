using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VendorShop.Remediated.Data;
using VendorShop.Remediated.Models;

namespace VendorShop.Remediated.Services;

public sealed class ProductSearch(ShopDbContext db)
{
    // PK1001 (MIC-38 measure 1): the keyword is a parameter, never part of the SQL text.
    public Task<List<Product>> SearchAsync(string keyword) =>
        db.Products.FromSql($"SELECT * FROM Products WHERE Name LIKE '%' || {keyword} || '%' ORDER BY Name").ToListAsync();

    public async Task<List<Order>> OrdersForCustomerAsync(string customerId)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ProductId, Quantity, PlacedAt FROM Orders WHERE CustomerId = $customerId";
        command.Parameters.AddWithValue("$customerId", customerId);
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
                PlacedAt = DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return orders;
    }
}
