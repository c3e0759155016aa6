using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace Corpus.Sql;

public sealed class InventoryStore
{
    private readonly string _pg;
    private readonly string _mysql;
    private readonly string _sqlite;

    public InventoryStore(string pg, string mysql, string sqlite) => (_pg, _mysql, _sqlite) = (pg, mysql, sqlite);

    public async Task<long> StockAsync(string sku)
    {
        await using var conn = new NpgsqlConnection(_pg);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT quantity FROM stock WHERE sku = '{sku}'", conn); // vuln:PK1001 Npgsql command
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<long> StockSafeAsync(string sku)
    {
        await using var conn = new NpgsqlConnection(_pg);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT quantity FROM stock WHERE sku = $1", conn); // safe:PK1001 Npgsql positional parameter
        cmd.Parameters.AddWithValue(sku);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task ReserveAsync(NpgsqlDataSource dataSource, string sku, int quantity)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE stock SET reserved = reserved + " + quantity + " WHERE sku = '" + sku + "'"); // vuln:PK1001 NpgsqlDataSource.CreateCommand
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task ReserveSafeAsync(NpgsqlDataSource dataSource, string sku, int quantity)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE stock SET reserved = reserved + @q WHERE sku = @sku"); // safe:PK1001 NpgsqlDataSource with parameters
        cmd.Parameters.AddWithValue("q", quantity);
        cmd.Parameters.AddWithValue("sku", sku);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> WarehousesAsync(string country)
    {
        await using var conn = new MySqlConnection(_mysql);
        await conn.OpenAsync();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM warehouses WHERE country = '" + country + "'"; // vuln:PK1001 MySqlConnector
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public async Task<List<string>> WarehousesSafeAsync(string country)
    {
        await using var conn = new MySqlConnection(_mysql);
        await conn.OpenAsync();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM warehouses WHERE country = @country"; // safe:PK1001 MySqlConnector parameter
        cmd.Parameters.AddWithValue("@country", country);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public void SaveNote(string sku, string note)
    {
        using var conn = new SqliteConnection(_sqlite);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO notes(sku, body) VALUES ('{sku}', '{note}')"; // vuln:PK1001 Sqlite interpolation
        cmd.ExecuteNonQuery();
    }

    public void SaveNoteSafe(string sku, string note)
    {
        using var conn = new SqliteConnection(_sqlite);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "INSERT INTO notes(sku, body) VALUES ($sku, $body)"; // safe:PK1001 Sqlite named parameters
        cmd.Parameters.AddWithValue("$sku", sku);
        cmd.Parameters.AddWithValue("$body", note);
        cmd.ExecuteNonQuery();
    }

    public int CountNotes(string tableSuffix)
    {
        using var conn = new SqliteConnection(_sqlite);
        conn.Open();
        using var cmd = new SqliteCommand("SELECT COUNT(*) FROM notes_" + tableSuffix, conn); // vuln:PK1001 table name from caller
        return (int)(long)cmd.ExecuteScalar()!;
    }

    public int CountArchivedNotes()
    {
        const string suffix = "archive";
        using var conn = new SqliteConnection(_sqlite);
        conn.Open();
        using var cmd = new SqliteCommand("SELECT COUNT(*) FROM notes_" + suffix, conn); // safe:PK1001 constant folded
        return (int)(long)cmd.ExecuteScalar()!;
    }
}

public static class LegacyMaintenance
{
    public static void DropStaging(Microsoft.Data.SqlClient.SqlConnection connection, string batch)
    {
        var statement = "DROP TABLE staging_" + batch;
        using var command = new Microsoft.Data.SqlClient.SqlCommand();
        command.Connection = connection;
        command.CommandText = statement; // vuln:PK1001 assigned through a local
        command.ExecuteNonQuery();
    }

    public static async Task<int> TruncateAsync(NpgsqlConnection connection, string schema, string table)
    {
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"TRUNCATE {schema}.{table}")); // vuln:PK1001 Npgsql batch command
        return await batch.ExecuteNonQueryAsync();
    }

    public static async Task<int> TruncateQueueAsync(NpgsqlConnection connection)
    {
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("TRUNCATE jobs.queue")); // safe:PK1001 literal batch command
        return await batch.ExecuteNonQueryAsync();
    }
}
