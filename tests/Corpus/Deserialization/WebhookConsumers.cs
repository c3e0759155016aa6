using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace Corpus.Deserialization;

public sealed record PartnerEvent(string EventType, object? Data);

public sealed record ShipmentNotice(string TrackingNumber, DateTimeOffset ShippedAt);

/// <summary>Json.NET settings registered in DI and used by the webhook handler.</summary>
public static class WebhookSerialization
{
    public static IServiceCollection AddWebhookSerialization(this IServiceCollection services) =>
        services.AddSingleton(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln:PK1007#di-settings injected into PartnerWebhookHandler

    public static void UseGlobalDefaults() =>
        JsonConvert.DefaultSettings = () => new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTimeOffset }; // safe:PK1007 global settings without type names
}

public sealed class PartnerWebhookHandler(JsonSerializerSettings settings)
{
    public PartnerEvent? Handle(string payload) =>
        JsonConvert.DeserializeObject<PartnerEvent>(payload, settings); // vuln:PK1007#di-settings partner payload with the injected TypeNameHandling.All
}

public sealed class QueueMessageReader
{
    private static readonly JsonSerializerSettings MessageSettings = new() { TypeNameHandling = TypeNameHandling.Objects }; // vuln:PK1007#queue-settings

    public object? Read(byte[] body) =>
        JsonConvert.DeserializeObject(Encoding.UTF8.GetString(body), MessageSettings); // vuln:PK1007#queue-settings messages arrive from a partner-facing queue

    public ShipmentNotice? ReadNotice(byte[] body) =>
        System.Text.Json.JsonSerializer.Deserialize<ShipmentNotice>(body); // safe:PK1007#notice fixed record type
}

[AllowAnonymous]
[ApiController]
[Route("hooks")]
public sealed class WebhooksController(PartnerWebhookHandler handler, QueueMessageReader reader) : ControllerBase
{
    [HttpPost("partner")]
    public async Task<IActionResult> Partner()
    {
        using var body = new StreamReader(Request.Body);
        return Ok(handler.Handle(await body.ReadToEndAsync())); // vuln:PK1007#di-settings
    }

    [HttpPost("legacy")]
    public async Task<IActionResult> Legacy()
    {
        using var body = new StreamReader(Request.Body);
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto, MaxDepth = 8 };
        return Ok(JsonConvert.DeserializeObject<PartnerEvent>(await body.ReadToEndAsync(), settings)); // vuln:PK1007 Auto with an object-typed Data member
    }

    [HttpPost("queue-replay")]
    public async Task<IActionResult> Replay()
    {
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer);
        return Ok(reader.Read(buffer.ToArray())); // vuln:PK1007#queue-settings
    }

    [HttpPost("shipment")]
    public async Task<IActionResult> Shipment()
    {
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer);
        return Ok(reader.ReadNotice(buffer.ToArray())); // safe:PK1007#notice
    }

    [HttpPost("xml")]
    public IActionResult XmlNotice()
    {
        var serializer = new XmlSerializer(typeof(ShipmentNotice)); // safe:PK1007 fixed type
        using var xml = XmlReader.Create(Request.Body);
        return Ok(serializer.Deserialize(xml));
    }

    [HttpPost("xml-root")]
    public IActionResult XmlByRoot()
    {
        using var xml = XmlReader.Create(Request.Body);
        xml.MoveToContent();
        var type = Type.GetType("Corpus.Deserialization." + xml.LocalName);
        var serializer = new XmlSerializer(type!); // vuln:PK1007 root element names the type
        return Ok(serializer.Deserialize(xml));
    }

    [HttpPost("json-contract")]
    public IActionResult JsonContract()
    {
        var serializer = new DataContractJsonSerializer(typeof(ShipmentNotice)); // safe:PK1007 fixed contract type
        return Ok(serializer.ReadObject(Request.Body));
    }

    [HttpPost("json-contract-any")]
    public IActionResult JsonContractAny([FromQuery] string contract)
    {
        var serializer = new DataContractJsonSerializer(Type.GetType(contract)!); // vuln:PK1007 contract type from the query
        return Ok(serializer.ReadObject(Request.Body));
    }
}

public sealed class ImportCartModel : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        using var text = new StreamReader(Upload!.OpenReadStream());
        var cart = JsonConvert.DeserializeObject<Cart>(await text.ReadToEndAsync(), new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // vuln:PK1007 uploaded file with type names
        return cart is null ? Page() : RedirectToPage("/Cart");
    }

    public async Task<IActionResult> OnPostSafeAsync()
    {
        await using var stream = Upload!.OpenReadStream();
        var cart = await System.Text.Json.JsonSerializer.DeserializeAsync<Cart>(stream); // safe:PK1007 fixed type
        return cart is null ? Page() : RedirectToPage("/Cart");
    }

    public async Task<IActionResult> OnPostArchiveAsync()
    {
        await using var stream = Upload!.OpenReadStream();
        using var zip = new ZipArchive(stream);
        using var entry = new StreamReader(zip.GetEntry("cart.json")!.Open());
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Arrays | TypeNameHandling.Objects }; // vuln:PK1007 combined flags inside an uploaded archive
        var cart = JsonConvert.DeserializeObject<Cart>(await entry.ReadToEndAsync(), settings);
        return cart is null ? Page() : RedirectToPage("/Cart");
    }
}

public sealed class CartBackgroundImporter : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var path in Directory.EnumerateFiles("/srv/partner-drop", "*.json"))
        {
            var json = await File.ReadAllTextAsync(path, stoppingToken);
            var cart = JsonConvert.DeserializeObject<Cart>(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // vuln:PK1007 files dropped by partners (SFTP) with type names
            _ = cart;
        }
    }
}

public static class DeserializationMinimalApis
{
    public static void MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2/cart").RequireAuthorization();
        api.MapPost("/raw", async (HttpRequest request) =>
        {
            using var body = new StreamReader(request.Body);
            return JsonConvert.DeserializeObject(await body.ReadToEndAsync(), new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // vuln:PK1007 minimal API body with Auto
        });
        api.MapPost("/typed", (Cart cart) => Results.Ok(cart.Items.Count)); // safe:PK1007 framework binds with System.Text.Json to a fixed type
        api.MapPost("/typed-newtonsoft", async (HttpRequest request) =>
        {
            using var body = new StreamReader(request.Body);
            return JsonConvert.DeserializeObject<ShipmentNotice>(await body.ReadToEndAsync()); // safe:PK1007 Json.NET defaults, fixed sealed type
        });
        api.MapPost("/envelope", async (HttpRequest request) =>
        {
            var json = await new StreamReader(request.Body).ReadToEndAsync();
            var envelope = JsonConvert.DeserializeObject<LegacyEnvelope>(json); // vuln:PK1007 member-level TypeNameHandling.All
            return Results.Ok(envelope?.Attachments.Count);
        });
        api.MapPost("/auto-known", async (HttpRequest request) =>
        {
            var json = await new StreamReader(request.Body).ReadToEndAsync();
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }; // safe:PK1007 binder assigned on the same local
            settings.SerializationBinder = new KnownTypesBinder(typeof(CartLine));
            return JsonConvert.DeserializeObject<Cart>(json, settings);
        });
    }
}
