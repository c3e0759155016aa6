using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Holdout.Sql;

public sealed class Employee { public int Id { get; set; } public string Name { get; set; } = ""; public string Dept { get; set; } = ""; }

public sealed class HrContext(DbContextOptions<HrContext> options) : DbContext(options)
{
    public DbSet<Employee> Employees => Set<Employee>();
}

[ApiController]
[Route("api/hr")]
public sealed class HrController(HrContext db, IDbConnection conn, string connectionString) : ControllerBase
{
    [HttpGet("by-dept")]
    public IActionResult ByDept(string dept)
    {
        var rows = db.Employees.FromSqlRaw("SELECT * FROM Employees WHERE Dept = '" + dept + "'").ToList(); // vuln:PK1001 concatenated FromSqlRaw
        return Ok(rows);
    }

    [HttpGet("by-dept-safe")]
    public IActionResult ByDeptSafe(string dept)
    {
        var rows = db.Employees.FromSqlInterpolated($"SELECT * FROM Employees WHERE Dept = {dept}").ToList(); // safe:PK1001 interpolated is parameterised
        return Ok(rows);
    }

    [HttpGet("sorted")]
    public async Task<IActionResult> Sorted(string orderBy)
    {
        var sql = string.Format("SELECT Id, Name FROM Employees ORDER BY {0}", orderBy);
        var rows = await conn.QueryAsync<Employee>(sql); // vuln:PK1001 string.Format into Dapper
        return Ok(rows);
    }

    [HttpGet("sorted-safe")]
    public async Task<IActionResult> SortedSafe(string orderBy)
    {
        var column = orderBy switch { "name" => "Name", "dept" => "Dept", _ => "Id" };
        var rows = await conn.QueryAsync<Employee>("SELECT Id, Name FROM Employees ORDER BY " + column); // safe:PK1001 column from a closed set
        return Ok(rows);
    }

    [HttpDelete("{name}")]
    public async Task<IActionResult> Delete(string name)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DELETE FROM Employees WHERE Name = '{name}'"; // vuln:PK1001 interpolated CommandText
        await cmd.ExecuteNonQueryAsync();
        return NoContent();
    }

    [HttpDelete("safe/{name}")]
    public async Task<IActionResult> DeleteSafe(string name)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        using var cmd = new SqlCommand("DELETE FROM Employees WHERE Name = @name", connection); // safe:PK1001 parameterised
        cmd.Parameters.AddWithValue("@name", name);
        await cmd.ExecuteNonQueryAsync();
        return NoContent();
    }

    [HttpGet("search")]
    public IActionResult Search([FromQuery] string[] names)
    {
        var sb = new StringBuilder("SELECT * FROM Employees WHERE 1=1");
        foreach (var n in names)
        {
            sb.Append(" OR Name = '").Append(n).Append('\'');
        }

        using var connection = new SqliteConnection(connectionString);
        using var command = new SqliteCommand(sb.ToString(), connection); // vuln:PK1001 StringBuilder with request values
        return Ok(command.ExecuteScalar());
    }

    [HttpGet("count")]
    public int Count(string table)
    {
        return db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM " + table).Single(); // vuln:PK1001 table name from the request
    }

    [HttpPost("raise")]
    public int Raise(int percent, string dept)
    {
        return db.Database.ExecuteSqlRaw("UPDATE Employees SET Salary = Salary * @p0 WHERE Dept = @p1", percent, dept); // safe:PK1001 positional parameters
    }

    [HttpPost("raise-bad")]
    public int RaiseBad(int percent, string dept)
    {
        return db.Database.ExecuteSqlRaw($"UPDATE Employees SET Salary = Salary * {percent} WHERE Dept = '{dept}'"); // vuln:PK1001 interpolated into ExecuteSqlRaw
    }
}

public sealed class EmployeeRepository(DbConnection connection)
{
    public Task<IEnumerable<Employee>> FindAsync(string filter) =>
        connection.QueryAsync<Employee>(BuildQuery(filter)); // vuln:PK1001 query built by a helper from the caller's filter

    private static string BuildQuery(string filter) => "SELECT * FROM Employees WHERE Name LIKE '%" + filter + "%'";

    public Task<IEnumerable<Employee>> FindSafeAsync(string filter) =>
        connection.QueryAsync<Employee>("SELECT * FROM Employees WHERE Name LIKE @pattern", new { pattern = "%" + filter + "%" }); // safe:PK1001 pattern as a parameter
}
