using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Corpus.Deserialization;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CardPayment), "card")]
[JsonDerivedType(typeof(BankPayment), "bank")]
public abstract record Payment(decimal Amount);

public sealed record CardPayment(decimal Amount, string Token) : Payment(Amount);

public sealed record BankPayment(decimal Amount, string Iban) : Payment(Amount);

[Authorize]
[ApiController]
[Route("api/cart")]
public sealed class CartController : ControllerBase
{
    private static readonly Dictionary<string, Type> Messages = new(StringComparer.Ordinal)
    {
        ["cart-line"] = typeof(CartLine),
        ["gift-card"] = typeof(GiftCardLine),
    };

    private async Task<string> BodyAsync()
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [HttpPost("import")]
    public async Task<IActionResult> Import() =>
        Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), SerializerDefaults.Polymorphic)); // vuln:PK1007#shared-auto request body with TypeNameHandling.Auto

    [HttpPost("import-known")]
    public async Task<IActionResult> ImportKnown() =>
        Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), SerializerDefaults.PolymorphicKnown)); // safe:PK1007#shared-known

    [HttpPost("import-plain")]
    public async Task<IActionResult> ImportPlain() =>
        Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), SerializerDefaults.Plain)); // safe:PK1007 no type names read

    [HttpPost("all")]
    public async Task<IActionResult> All()
    {
        var body = await BodyAsync();
        var value = JsonConvert.DeserializeObject(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln:PK1007 TypeNameHandling.All on the body
        return Ok(value?.GetType().Name);
    }

    [HttpPost("none")]
    public async Task<IActionResult> None()
    {
        var body = await BodyAsync();
        var value = JsonConvert.DeserializeObject<Cart>(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None }); // safe:PK1007 explicit None
        return Ok(value);
    }

    [HttpPost("objects")]
    public async Task<IActionResult> Objects()
    {
        var settings = new JsonSerializerSettings();
        settings.TypeNameHandling = TypeNameHandling.Objects; // vuln:PK1007 set after construction
        return Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), settings));
    }

    [HttpPost("arrays")]
    public async Task<IActionResult> Arrays()
    {
        var serializer = Newtonsoft.Json.JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Arrays }); // vuln:PK1007 $type on arrays
        using var reader = new JsonTextReader(new StreamReader(Request.Body));
        await Task.Yield();
        return Ok(serializer.Deserialize<List<object>>(reader));
    }

    [HttpPost("serializer")]
    public IActionResult Serializer()
    {
        var serializer = new Newtonsoft.Json.JsonSerializer();
        serializer.TypeNameHandling = TypeNameHandling.Auto; // vuln:PK1007 JsonSerializer property
        using var reader = new JsonTextReader(new StreamReader(Request.Body));
        return Ok(serializer.Deserialize<Cart>(reader));
    }

    [HttpPost("serializer-binder")]
    public IActionResult SerializerWithBinder()
    {
        var serializer = new Newtonsoft.Json.JsonSerializer();
        serializer.TypeNameHandling = TypeNameHandling.Auto; // safe:PK1007 allow-list binder on the same serializer
        serializer.SerializationBinder = new KnownTypesBinder(typeof(CartLine), typeof(DiscountLine));
        using var reader = new JsonTextReader(new StreamReader(Request.Body));
        return Ok(serializer.Deserialize<Cart>(reader));
    }

    [HttpPost("pass-through")]
    public async Task<IActionResult> PassThrough()
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.Auto, // vuln:PK1007 the binder resolves any type the payload names
            SerializationBinder = new PassThroughBinder(),
        };
        return Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), settings));
    }

    [HttpPost("default-binder")]
    public async Task<IActionResult> DefaultBinder()
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.Objects, // vuln:PK1007 DefaultSerializationBinder restricts nothing
            SerializationBinder = new DefaultSerializationBinder(),
        };
        return Ok(JsonConvert.DeserializeObject<Cart>(await BodyAsync(), settings));
    }

    [HttpPost("envelope")]
    public async Task<IActionResult> Envelope() =>
        Ok(JsonConvert.DeserializeObject<LegacyEnvelope>(await BodyAsync())); // vuln:PK1007 [JsonProperty(TypeNameHandling = All)] on the envelope's members

    [HttpPost("typed")]
    public async Task<IActionResult> Typed([FromHeader(Name = "X-Message-Type")] string messageType)
    {
        var type = Type.GetType(messageType, throwOnError: true)!;
        return Ok(JsonConvert.DeserializeObject(await BodyAsync(), type)); // vuln:PK1007 header names the type to create
    }

    [HttpPost("typed-known")]
    public async Task<IActionResult> TypedKnown([FromHeader(Name = "X-Message-Type")] string messageType)
    {
        if (!Messages.TryGetValue(messageType, out var type))
        {
            return BadRequest();
        }

        return Ok(JsonConvert.DeserializeObject(await BodyAsync(), type)); // safe:PK1007 type from an allow-list
    }

    [HttpPost("stj-typed")]
    public async Task<IActionResult> StjTyped(string type) =>
        Ok(await JsonSerializer.DeserializeAsync(Request.Body, Type.GetType(type)!)); // vuln:PK1007 System.Text.Json with a client-chosen type

    [HttpPost("stj")]
    public async Task<IActionResult> Stj() => Ok(await JsonSerializer.DeserializeAsync<Cart>(Request.Body)); // safe:PK1007 System.Text.Json, fixed type

    [HttpPost("stj-polymorphic")]
    public async Task<IActionResult> StjPolymorphic() =>
        Ok(await JsonSerializer.DeserializeAsync<Payment>(Request.Body)); // safe:PK1007 declared [JsonDerivedType] discriminators only

    [HttpPost("xml")]
    public IActionResult Xml(string typeName)
    {
        var serializer = new XmlSerializer(Type.GetType(typeName)!); // vuln:PK1007 XmlSerializer for a client-named type
        return Ok(serializer.Deserialize(Request.Body));
    }

    [HttpPost("xml-fixed")]
    public IActionResult XmlFixed()
    {
        var serializer = new XmlSerializer(typeof(Cart)); // safe:PK1007 XmlSerializer for a fixed type
        return Ok(serializer.Deserialize(Request.Body));
    }

    [HttpPost("xml-assembly")]
    public IActionResult XmlAssembly(string typeName)
    {
        var type = typeof(Cart).Assembly.GetType(typeName);
        if (type is null)
        {
            return BadRequest();
        }

        var serializer = new XmlSerializer(type); // vuln:PK1007 any type of the application assembly
        return Ok(serializer.Deserialize(Request.Body));
    }

    [HttpPost("datacontract")]
    public IActionResult DataContract([FromQuery] string[] knownTypes)
    {
        var known = new List<Type>();
        foreach (var name in knownTypes)
        {
            known.Add(Type.GetType(name, throwOnError: true)!);
        }

        var serializer = new DataContractSerializer(typeof(Cart), known); // vuln:PK1007 known types chosen by the client
        return Ok(serializer.ReadObject(Request.Body));
    }

    [HttpPost("datacontract-fixed")]
    public IActionResult DataContractFixed()
    {
        var serializer = new DataContractSerializer(typeof(Cart), new[] { typeof(CartLine), typeof(GiftCardLine) }); // safe:PK1007 declared known types
        return Ok(serializer.ReadObject(Request.Body));
    }

    [HttpPost("jobject")]
    public async Task<IActionResult> JObjectRead()
    {
        var json = JObject.Parse(await BodyAsync());
        return Ok(new { sku = (string?)json["sku"], quantity = (int?)json["quantity"] }); // safe:PK1007 JObject reads values, creates no types
    }

    [HttpPost("populate")]
    public async Task<IActionResult> Populate()
    {
        var cart = new Cart();
        JsonConvert.PopulateObject(await BodyAsync(), cart); // safe:PK1007 default settings, fixed target
        return Ok(cart);
    }

    [HttpGet("export")]
    public IActionResult Export() =>
        Content(JsonConvert.SerializeObject(new Cart(), new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }), "application/json"); // safe:PK1007 serialization only: writes $type, reads nothing

    [HttpPost("cookie-state")]
    public IActionResult CookieState()
    {
        var state = Encoding.UTF8.GetString(Convert.FromBase64String(Request.Cookies["cart"] ?? ""));
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }; // vuln:PK1007 client-held cookie read with type names
        return Ok(JsonConvert.DeserializeObject<Cart>(state, settings));
    }

    [HttpPost("cookie-state-plain")]
    public IActionResult CookieStatePlain()
    {
        var state = Encoding.UTF8.GetString(Convert.FromBase64String(Request.Cookies["cart"] ?? ""));
        return Ok(JsonSerializer.Deserialize<Cart>(state)); // safe:PK1007 System.Text.Json, fixed type
    }

    [HttpPost("kind")]
    public async Task<IActionResult> Kind(string kind)
    {
        var type = kind switch
        {
            "line" => typeof(CartLine),
            "gift" => typeof(GiftCardLine),
            _ => typeof(DiscountLine),
        };
        return Ok(await JsonSerializer.DeserializeAsync(Request.Body, type)); // safe:PK1007 type from constant switch arms
    }
}
