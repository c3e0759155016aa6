using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;

namespace Corpus.Sql;

public class AdoNetReports
{
    private readonly string _connectionString;

    public AdoNetReports(string connectionString) => _connectionString = connectionString;

    public DataTable SalesByRegion(string region)
    {
        using var connection = new SqlConnection(_connectionString);
        using var command = new SqlCommand("SELECT Region, SUM(Amount) FROM Sales WHERE Region = '" + region + "' GROUP BY Region", connection); // vuln:PK1001 command constructor
        var table = new DataTable();
        using var adapter = new SqlDataAdapter(command);
        adapter.Fill(table);
        return table;
    }

    public DataTable SalesByRegionSafe(string region)
    {
        using var connection = new SqlConnection(_connectionString);
        using var command = new SqlCommand("SELECT Region, SUM(Amount) FROM Sales WHERE Region = @region GROUP BY Region", connection); // safe:PK1001 parameterised
        command.Parameters.AddWithValue("@region", region);
        var table = new DataTable();
        using var adapter = new SqlDataAdapter(command);
        adapter.Fill(table);
        return table;
    }

    public async Task<int> CountUsersAsync(string tenant)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Users WHERE Tenant = '{tenant}'"; // vuln:PK1001 CommandText interpolation
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> CountUsersSafeAsync(string tenant)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Users WHERE Tenant = @tenant"; // safe:PK1001 constant CommandText
        command.Parameters.Add(new SqlParameter("@tenant", SqlDbType.NVarChar, 64) { Value = tenant });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public List<string> ExportAudit(DateTime from, string user)
    {
        var sb = new StringBuilder();
        sb.Append("SELECT Message FROM AuditLog WHERE CreatedAt >= '");
        sb.Append(from.ToString("s"));
        sb.Append("' AND UserName = '").Append(user).Append('\'');
        using var connection = new SqlConnection(_connectionString);
        connection.Open();
        using var command = new SqlCommand(sb.ToString(), connection); // vuln:PK1001 StringBuilder
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    public List<string> ExportAuditSafe(DateTime from, string user)
    {
        var sb = new StringBuilder();
        sb.Append("SELECT Message FROM AuditLog WHERE CreatedAt >= @from");
        sb.Append(" AND UserName = @user");
        using var connection = new SqlConnection(_connectionString);
        connection.Open();
        using var command = new SqlCommand(sb.ToString(), connection); // safe:PK1001 StringBuilder of constants
        command.Parameters.AddWithValue("@from", from);
        command.Parameters.AddWithValue("@user", user);
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    public void DeleteTenantData(DbConnection connection, string tenantId)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = string.Concat("DELETE FROM TenantData WHERE TenantId = ", tenantId); // vuln:PK1001 string.Concat
        command.ExecuteNonQuery();
    }

    public void DeleteTenantDataSafe(DbConnection connection, string tenantId)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "DELETE FROM TenantData WHERE TenantId = @tenantId"; // safe:PK1001 DbCommand with parameter
        var p = command.CreateParameter();
        p.ParameterName = "@tenantId";
        p.Value = tenantId;
        command.Parameters.Add(p);
        command.ExecuteNonQuery();
    }

    public void RunStoredProcedure(string procedureName, int customerId)
    {
        using var connection = new SqlConnection(_connectionString);
        using var command = new SqlCommand("dbo.RecalculateLoyalty", connection) { CommandType = CommandType.StoredProcedure }; // safe:PK1001 stored procedure name constant
        command.Parameters.AddWithValue("@customerId", customerId);
        connection.Open();
        command.ExecuteNonQuery();
    }

    public void RunNamedProcedure(string procedureName)
    {
        using var connection = new SqlConnection(_connectionString);
        using var command = new SqlCommand("EXEC " + procedureName, connection); // vuln:PK1001 EXEC of a caller-chosen name
        connection.Open();
        command.ExecuteNonQuery();
    }

    public object? Lookup(string key)
    {
        using var connection = new SqlConnection(_connectionString);
        connection.Open();
        var cmd = new SqlCommand { Connection = connection, CommandText = "SELECT Value FROM Settings WHERE [Key] = N'" + key.Replace("'", "''") + "'" }; // vuln:PK1001 hand-escaped quotes
        return cmd.ExecuteScalar();
    }

    public object? LookupSafe(string key)
    {
        using var connection = new SqlConnection(_connectionString);
        connection.Open();
        var cmd = new SqlCommand { Connection = connection, CommandText = "SELECT Value FROM Settings WHERE [Key] = @key" }; // safe:PK1001 initializer with constant
        cmd.Parameters.AddWithValue("@key", key);
        return cmd.ExecuteScalar();
    }
}
