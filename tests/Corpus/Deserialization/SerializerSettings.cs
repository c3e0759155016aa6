using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Corpus.Deserialization;

/// <summary>Shared Json.NET settings; the deserializing calls are in other files.</summary>
public static class SerializerDefaults
{
    public static readonly JsonSerializerSettings Polymorphic = new()
    {
        TypeNameHandling = TypeNameHandling.Auto, // vuln:PK1007#shared-auto used for request bodies in CartController
    };

    public static readonly JsonSerializerSettings PolymorphicKnown = new()
    {
        TypeNameHandling = TypeNameHandling.Auto, // safe:PK1007#shared-known allow-list binder below
        SerializationBinder = new KnownTypesBinder(typeof(CartLine), typeof(GiftCardLine), typeof(DiscountLine)),
    };

    public static readonly JsonSerializerSettings Plain = new() { MaxDepth = 32 }; // safe:PK1007 default TypeNameHandling.None
}

/// <summary>Resolves only the listed types; anything else fails closed.</summary>
public sealed class KnownTypesBinder(params Type[] known) : ISerializationBinder
{
    private readonly Dictionary<string, Type> _byName = CreateMap(known);

    public Type BindToType(string? assemblyName, string typeName) =>
        _byName.TryGetValue(typeName, out var type) ? type : throw new JsonSerializationException($"Type {typeName} is not allowed.");

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        assemblyName = null;
        typeName = serializedType.Name;
    }

    private static Dictionary<string, Type> CreateMap(Type[] types)
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            map[type.Name] = type;
        }

        return map;
    }
}

/// <summary>A "binder" that lets the payload name any type: no protection at all.</summary>
public sealed class PassThroughBinder : ISerializationBinder
{
    public Type BindToType(string? assemblyName, string typeName) =>
        Type.GetType(assemblyName is null ? typeName : $"{typeName}, {assemblyName}", throwOnError: true)!;

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        assemblyName = serializedType.Assembly.FullName;
        typeName = serializedType.FullName;
    }
}

public abstract record CartItem(string Sku, int Quantity);

public sealed record CartLine(string Sku, int Quantity, decimal Price) : CartItem(Sku, Quantity);

public sealed record GiftCardLine(string Sku, int Quantity, string Recipient) : CartItem(Sku, Quantity);

public sealed record DiscountLine(string Sku, int Quantity, string Code) : CartItem(Sku, Quantity);

public sealed class Cart
{
    public List<CartItem> Items { get; set; } = new();

    public object? Metadata { get; set; }
}

public sealed class LegacyEnvelope
{
    [JsonProperty(TypeNameHandling = TypeNameHandling.All)]
    public object? Payload { get; set; }

    [JsonProperty(ItemTypeNameHandling = TypeNameHandling.Auto)]
    public List<object> Attachments { get; set; } = new();
}
