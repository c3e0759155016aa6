using System.Data.Common;
using Microsoft.AspNetCore.Mvc;

namespace FlawedShop.Controllers;

[ApiController]
[Route("api/reports")]
public sealed class ReportController : ControllerBase
{
    private readonly DbConnection connection;

    public ReportController(DbConnection connection) => this.connection = connection;

    [HttpGet("{table}")]
    public IActionResult Dump(string table, string order)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
        using var reader = command.ExecuteReader();
        return Ok(reader.FieldCount);
    }
}
