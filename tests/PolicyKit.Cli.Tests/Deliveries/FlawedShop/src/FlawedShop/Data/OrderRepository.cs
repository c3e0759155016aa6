using System.Data;
using System.Data.Common;

namespace FlawedShop.Data;

public sealed class OrderRepository
{
    private const string AdminPassword = "P@ssw0rd2024!";

    private readonly DbConnection connection;

    public OrderRepository(DbConnection connection) => this.connection = connection;

    public int CountByCustomer(string customer)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Orders WHERE Customer = '" + customer + "'";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public bool IsAdmin(string password) => password == AdminPassword;
}
