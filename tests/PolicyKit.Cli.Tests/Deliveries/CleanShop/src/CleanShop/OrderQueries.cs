using System.Data.Common;

namespace CleanShop;

public sealed class OrderQueries
{
    private readonly DbConnection connection;

    public OrderQueries(DbConnection connection) => this.connection = connection;

    public int CountByCustomer(string customer)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Orders WHERE Customer = @customer";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@customer";
        parameter.Value = customer;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
