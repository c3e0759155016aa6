using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Corpus.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Corpus.Sql;

public sealed class DapperOrderRepository
{
    private const string OrderColumns = "Id, CustomerId, Total, Status";
    private readonly string _connectionString;

    public DapperOrderRepository(string connectionString) => _connectionString = connectionString;

    public async Task<IEnumerable<Order>> FindByStatusAsync(string status)
    {
        await using var connection = new SqlConnection(_connectionString);
        return await connection.QueryAsync<Order>("SELECT * FROM Orders WHERE Status = '" + status + "'"); // vuln:PK1001 concatenated filter
    }

    public async Task<IEnumerable<Order>> FindByStatusSafeAsync(string status)
    {
        await using var connection = new SqlConnection(_connectionString);
        return await connection.QueryAsync<Order>("SELECT * FROM Orders WHERE Status = @status", new { status }); // safe:PK1001 parameter object
    }

    public Order? GetById(int id)
    {
        using var connection = new SqlConnection(_connectionString);
        return connection.QueryFirstOrDefault<Order>($"SELECT {OrderColumns} FROM Orders WHERE Id = {id}"); // vuln:PK1001 interpolated id
    }

    public Order? GetByIdSafe(int id)
    {
        using var connection = new SqlConnection(_connectionString);
        return connection.QueryFirstOrDefault<Order>($"SELECT {OrderColumns} FROM Orders WHERE Id = @id", new { id }); // safe:PK1001 constant interpolation
    }

    public int CancelOrders(string customerId, IDbTransaction? tx = null)
    {
        using var connection = new SqlConnection(_connectionString);
        var sql = string.Format("UPDATE Orders SET Status = 'Cancelled' WHERE CustomerId = '{0}'", customerId);
        return connection.Execute(sql, transaction: tx); // vuln:PK1001 string.Format in a local
    }

    public int CancelOrdersSafe(string customerId)
    {
        using var connection = new SqlConnection(_connectionString);
        const string sql = "UPDATE Orders SET Status = 'Cancelled' WHERE CustomerId = @customerId";
        return connection.Execute(sql, new { customerId }); // safe:PK1001 const local
    }

    public async Task<decimal> TotalForCustomerAsync(string customerId)
    {
        using IDbConnection db = new SqlConnection(_connectionString);
        var parameters = new DynamicParameters();
        parameters.Add("@cid", customerId, DbType.String);
        return await db.ExecuteScalarAsync<decimal>("SELECT SUM(Total) FROM Orders WHERE CustomerId = @cid", parameters); // safe:PK1001 DynamicParameters
    }

    public async Task<decimal> TotalForCustomerLegacyAsync(string customerId)
    {
        using IDbConnection db = new SqlConnection(_connectionString);
        return await db.ExecuteScalarAsync<decimal>(
            $"SELECT SUM(Total) FROM Orders WHERE CustomerId = '{customerId}'"); // vuln:PK1001 interpolation on the next line
    }

    public IEnumerable<Order> Search(string? status, decimal? minTotal, string orderBy)
    {
        using var connection = new SqlConnection(_connectionString);
        var sql = "SELECT * FROM Orders WHERE 1 = 1";
        if (status is not null) sql += " AND Status = '" + status + "'";
        if (minTotal is not null) sql += " AND Total >= " + minTotal;
        sql += " ORDER BY " + orderBy;
        return connection.Query<Order>(sql); // vuln:PK1001 query grown with +=
    }

    public IEnumerable<Order> SearchSafe(string? status, decimal? minTotal)
    {
        using var connection = new SqlConnection(_connectionString);
        var sql = "SELECT * FROM Orders WHERE 1 = 1";
        if (status is not null) sql += " AND Status = @status";
        if (minTotal is not null) sql += " AND Total >= @minTotal";
        return connection.Query<Order>(sql, new { status, minTotal }); // safe:PK1001 grown from constants only
    }

    public IEnumerable<Order> Page(int skip, int take, string sortColumn)
    {
        using var connection = new SqlConnection(_connectionString);
        var column = sortColumn switch
        {
            "total" => "Total",
            "status" => "Status",
            _ => "Id",
        };
        return connection.Query<Order>("SELECT * FROM Orders ORDER BY " + column + " OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY", new { skip, take }); // safe:PK1001 column chosen from constants
    }

    public IEnumerable<Order> PageLegacy(int skip, int take, string sortColumn)
    {
        using var connection = new SqlConnection(_connectionString);
        return connection.Query<Order>("SELECT * FROM Orders ORDER BY " + sortColumn + " OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY", new { skip, take }); // vuln:PK1001 caller-controlled column
    }

    public IEnumerable<Order> ByIds(IEnumerable<int> ids)
    {
        using var connection = new SqlConnection(_connectionString);
        return connection.Query<Order>("SELECT * FROM Orders WHERE Id IN @ids", new { ids }); // safe:PK1001 Dapper list expansion
    }

    public IEnumerable<Order> ByIdsLegacy(IEnumerable<int> ids)
    {
        using var connection = new SqlConnection(_connectionString);
        return connection.Query<Order>("SELECT * FROM Orders WHERE Id IN (" + string.Join(",", ids) + ")"); // vuln:PK1001 joined list
    }

    public Task<int> ArchiveAsync(string table)
    {
        var connection = new SqlConnection(_connectionString);
        return connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE Archived = 1")); // vuln:PK1001 CommandDefinition
    }

    public Task<int> ArchiveOrdersAsync()
    {
        var connection = new SqlConnection(_connectionString);
        return connection.ExecuteAsync(new CommandDefinition("DELETE FROM Orders WHERE Archived = 1")); // safe:PK1001 literal CommandDefinition
    }
}
