using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace Corpus.Deserialization;

public sealed record SavedSearch(string Query, string[] Facets, int Page);

[Authorize]
[Route("legacy/state")]
public sealed class LegacyStateController : Controller
{
#pragma warning disable SYSLIB0011 // BinaryFormatter is obsolete: these cases are the legacy code the rule is for.
    [HttpPost("restore")]
    [ValidateAntiForgeryToken]
    public IActionResult Restore(IFormFile snapshot)
    {
        var formatter = new BinaryFormatter();
        var state = formatter.Deserialize(snapshot.OpenReadStream()); // vuln:PK1007 BinaryFormatter on an uploaded file (the in-box one throws on .NET 9+, the compat package restores it)
        return Ok(state.GetType().Name);
    }

    [HttpGet("resume")]
    public IActionResult Resume()
    {
        var bytes = Convert.FromBase64String(Request.Cookies["search"] ?? "");
        using var stream = new MemoryStream(bytes);
        var search = (SavedSearch)new BinaryFormatter().Deserialize(stream); // vuln:PK1007 BinaryFormatter on a cookie
        return View(search);
    }

    [HttpPost("snapshot")]
    [ValidateAntiForgeryToken]
    public IActionResult Snapshot(SavedSearch search)
    {
        using var stream = new MemoryStream();
        new BinaryFormatter().Serialize(stream, search); // safe:PK1007 Serialize reads no input
        return File(stream.ToArray(), "application/octet-stream");
    }
#pragma warning restore SYSLIB0011

    [HttpGet("resume-json")]
    public IActionResult ResumeJson()
    {
        var bytes = Convert.FromBase64String(Request.Cookies["search"] ?? "");
        var search = System.Text.Json.JsonSerializer.Deserialize<SavedSearch>(bytes); // safe:PK1007 fixed record type
        return View(search);
    }

    [HttpPost("restore-json")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RestoreJson(IFormFile snapshot)
    {
        await using var stream = snapshot.OpenReadStream();
        var state = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(stream); // safe:PK1007 JSON elements, no types created from data
        return Ok(state?.Count);
    }

    [HttpPost("filters")]
    [ValidateAntiForgeryToken]
    public IActionResult Filters(string filters)
    {
        var handling = TypeNameHandling.Auto;
        var settings = new JsonSerializerSettings { TypeNameHandling = handling }; // vuln:PK1007 Auto through a local
        return Ok(JsonConvert.DeserializeObject<Dictionary<string, object>>(filters, settings));
    }

    [HttpPost("filters-strict")]
    [ValidateAntiForgeryToken]
    public IActionResult FiltersStrict(string filters) =>
        Ok(JsonConvert.DeserializeObject<Dictionary<string, string>>(filters)); // safe:PK1007 string dictionary, default settings

    [HttpPost("widgets")]
    [ValidateAntiForgeryToken]
    public IActionResult Widgets(string layout)
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.Auto, // vuln:PK1007 assembly-name matching relaxed too
            TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Simple,
        };
        return Ok(JsonConvert.DeserializeObject<List<object>>(layout, settings));
    }

    [HttpPost("widgets-known")]
    [ValidateAntiForgeryToken]
    public IActionResult WidgetsKnown(string layout)
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.Auto, // safe:PK1007 allow-list binder
            SerializationBinder = new KnownTypesBinder(typeof(CartLine), typeof(GiftCardLine)),
        };
        return Ok(JsonConvert.DeserializeObject<List<CartItem>>(layout, settings));
    }

    [HttpGet("activator")]
    public IActionResult Activate(string widget, string json)
    {
        var type = Type.GetType($"Corpus.Widgets.{widget}, Corpus", throwOnError: false);
        if (type is null)
        {
            return NotFound();
        }

        return Ok(JsonConvert.DeserializeObject(json, type)); // vuln:PK1007 namespace prefix does not stop "X, OtherAssembly" or nested names
    }

    [HttpGet("enum-type")]
    public IActionResult EnumType(bool gift, string json) =>
        Ok(JsonConvert.DeserializeObject(json, gift ? typeof(GiftCardLine) : typeof(CartLine))); // safe:PK1007 one of two fixed types

    [HttpGet("max-depth")]
    public IActionResult MaxDepth(string json) =>
        Ok(JsonConvert.DeserializeObject<SavedSearch>(json, new JsonSerializerSettings { MaxDepth = 16, MissingMemberHandling = MissingMemberHandling.Error })); // safe:PK1007 strictness settings without type names

    [HttpGet("stj-options")]
    public IActionResult StjOptions(string json) =>
        Ok(System.Text.Json.JsonSerializer.Deserialize<SavedSearch>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })); // safe:PK1007 System.Text.Json, fixed type

    [HttpGet("bson-like")]
    public IActionResult Compact(string base64)
    {
        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        var serializer = Newtonsoft.Json.JsonSerializer.CreateDefault(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln:PK1007 CreateDefault with All
        using var reader = new JsonTextReader(new StringReader(json));
        return Ok(serializer.Deserialize(reader));
    }
}
