using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace Holdout.More;

public static class MinimalApis
{
    public static void Map(WebApplication app, string cs)
    {
        app.MapGet("/api/products", async (string? category) =>
        {
            await using var db = new SqlConnection(cs);
            return await db.QueryAsync("SELECT * FROM Products WHERE Category = '" + category + "'"); // vuln:PK1001 minimal API concatenation
        });

        app.MapGet("/api/products/safe", async (string? category) =>
        {
            await using var db = new SqlConnection(cs);
            return await db.QueryAsync("SELECT * FROM Products WHERE Category = @category", new { category }); // safe:PK1001 parameter
        });

        app.MapPost("/api/ping", (string host) =>
        {
            var p = Process.Start("/bin/sh", "-c \"ping -c 1 " + host + "\""); // vuln:PK1003 shell with request value
            p!.WaitForExit();
            return Results.Ok();
        }).RequireAuthorization();

        app.MapPost("/api/ping-safe", (string host) =>
        {
            var psi = new ProcessStartInfo("ping") { UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("1");
            psi.ArgumentList.Add(System.Net.IPAddress.Parse(host).ToString()); // safe:PK1003 parsed IP as one argument
            Process.Start(psi)!.WaitForExit();
            return Results.Ok();
        }).RequireAuthorization();

        app.MapGet("/go", (string url) => Results.Redirect(url)); // vuln:PK1005 minimal API open redirect

        app.MapGet("/download", (string file) => Results.File(Path.Combine("/data", file))); // vuln:PK1004 minimal API traversal
    }
}

public sealed class ImportController(ILogger<ImportController> logger) : Controller
{
    [HttpPost("import/xml")]
    [ValidateAntiForgeryToken]
    public IActionResult Xml(IFormFile upload)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 DTD + resolver
        using var reader = XmlReader.Create(upload.OpenReadStream(), settings);
        while (reader.Read()) { }
        return Ok();
    }

    [HttpPost("import/xml-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult XmlSafe(IFormFile upload)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }; // safe:PK1008 prohibited
        using var reader = XmlReader.Create(upload.OpenReadStream(), settings);
        while (reader.Read()) { }
        return Ok();
    }

    [HttpPost("import/json")]
    [ValidateAntiForgeryToken]
    public IActionResult Json([FromBody] string body)
    {
        var obj = JsonConvert.DeserializeObject(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln:PK1007 TypeNameHandling.All
        return Ok(obj);
    }

    [HttpPost("import/json-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult JsonSafe([FromBody] string body) => Ok(System.Text.Json.JsonSerializer.Deserialize<ImportDto>(body)); // safe:PK1007 typed STJ

    [HttpPost("import/bin")]
    [ValidateAntiForgeryToken]
    public IActionResult Binary(IFormFile upload)
    {
#pragma warning disable SYSLIB0011
        var obj = new BinaryFormatter().Deserialize(upload.OpenReadStream()); // vuln:PK1007 BinaryFormatter
#pragma warning restore SYSLIB0011
        return Ok(obj);
    }

    public void Charge(string cardNumber, string cvv, decimal amount)
    {
        logger.LogDebug("Charging card {CardNumber} cvv {Cvv} amount {Amount}", cardNumber, cvv, amount); // vuln:PK5001 card data logged
        logger.LogDebug("Charging card ending {Last4} amount {Amount}", cardNumber[^4..], amount); // safe:PK5001 last four only
    }

    public void Token(string accessToken) => logger.LogInformation($"Got token {accessToken}"); // vuln:PK5001 token in interpolated log
}

public sealed record ImportDto(string Name);

public sealed class ExternalAuth(HttpClient http, ILogger<ExternalAuth> logger)
{
    public async Task<bool> HasPermissionAsync(string user, string permission)
    {
        try
        {
            var response = await http.GetAsync($"/permissions/{user}/{permission}");
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("allowed").GetBoolean();
        }
        catch (HttpRequestException ex) // vuln:PK3001 authorization service outage grants the permission
        {
            logger.LogError(ex, "permission service unavailable");
            return true;
        }
    }

    public async Task<bool> HasPermissionSafeAsync(string user, string permission)
    {
        try
        {
            var response = await http.GetAsync($"/permissions/{user}/{permission}");
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("allowed").GetBoolean();
        }
        catch (HttpRequestException ex) // safe:PK3001 denies on outage
        {
            logger.LogError(ex, "permission service unavailable");
            return false;
        }
    }

    public async Task<bool> LoginAsync(string user, string password)
    {
        try
        {
            var response = await http.PostAsync("/login", new StringContent(user + ":" + password));
            return response.IsSuccessStatusCode;
        }
        catch // vuln:PK3001 empty catch in login swallows and carries on as success
        {
        }

        return true;
    }
}

public sealed class ProfileModel : PageModel
{
    [BindProperty] public string Bio { get; set; } = "";

    public IActionResult OnPost() => Page(); // vuln:PK3002 Razor page without authorization
}
