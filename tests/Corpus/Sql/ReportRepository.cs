using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Corpus.Sql;

public sealed record CustomerRow(int Id, string Name, string Country);

public class ReportRepository
{
    private readonly IDbConnection _connection;

    public ReportRepository(IDbConnection connection) => _connection = connection;

    public IEnumerable<CustomerRow> Customers(string country) =>
        _connection.Query<CustomerRow>(QueryBuilder.CustomersInCountry(country)); // vuln:PK1001 built in QueryBuilder.cs

    public IEnumerable<CustomerRow> CustomersSafe(string country) =>
        _connection.Query<CustomerRow>(QueryBuilder.CustomersInCountryParameterised(), new { country }); // safe:PK1001 helper returns constants

    public IEnumerable<CustomerRow> Filtered(IReadOnlyDictionary<string, string> filters) =>
        _connection.Query<CustomerRow>(QueryBuilder.WithFilters(filters)); // vuln:PK1001 filters joined in QueryBuilder.cs

    public IEnumerable<CustomerRow> Ordered(bool byName) =>
        _connection.Query<CustomerRow>(QueryBuilder.OrderedBy(byName)); // safe:PK1001 helper picks between constants

    public IEnumerable<CustomerRow> All() =>
        _connection.Query<CustomerRow>(QueryBuilder.BaseCustomerQuery); // safe:PK1001 const from another file

    public Task<int> ExecuteAsync(string sql) => ExecuteCoreAsync(sql);

    private async Task<int> ExecuteCoreAsync(string sql)
    {
        await using var connection = new SqlConnection(_connection.ConnectionString);
        await using var command = new SqlCommand(sql, connection); // vuln:PK1001 sink reached from RenameCustomerAsync through two calls
        await connection.OpenAsync();
        return await command.ExecuteNonQueryAsync();
    }

    public Task<int> RenameCustomerAsync(int id, string name) =>
        ExecuteAsync("UPDATE Customers SET Name = '" + name + "' WHERE Id = " + id);

    private string BuildDeleteStatement(string table, int id) => $"DELETE FROM {table} WHERE Id = {id}";

    public void Delete(string table, int id) =>
        _connection.Execute(BuildDeleteStatement(table, id)); // vuln:PK1001 built by a private helper

    private static string ActiveCustomersSql() => "SELECT Id, Name, Country FROM Customers WHERE Active = 1";

    public IEnumerable<CustomerRow> Active() =>
        _connection.Query<CustomerRow>(ActiveCustomersSql()); // safe:PK1001 helper returns a literal
}
