using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit.Json;

/// <summary>A JSON value with its location in the text it was read from. Immutable.</summary>
public sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonMember> NoMembers = new JsonMember[0];
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

    internal JsonNode(JsonNodeKind kind, int start, int length, int line, int column)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Line = line;
        Column = column;
        Members = NoMembers;
        Items = NoItems;
    }

    /// <summary>The kind of value.</summary>
    public JsonNodeKind Kind { get; }

    /// <summary>Zero-based UTF-16 offset where the value starts.</summary>
    public int Start { get; }

    /// <summary>Length in UTF-16 units of the value's text.</summary>
    public int Length { get; internal set; }

    /// <summary>One-based line where the value starts.</summary>
    public int Line { get; }

    /// <summary>One-based column (UTF-16 units) where the value starts.</summary>
    public int Column { get; }

    /// <summary>The unescaped text of a string value; <see langword="null"/> for other kinds.</summary>
    public string? StringValue { get; internal set; }

    /// <summary>The literal text of a number value (e.g. <c>1e3</c>); <see langword="null"/> for other kinds.</summary>
    public string? NumberText { get; internal set; }

    /// <summary>The value of a number as a double (0 for other kinds).</summary>
    public double NumberValue { get; internal set; }

    /// <summary>The members of an object, in text order (a duplicated key keeps its first occurrence).</summary>
    public IReadOnlyList<JsonMember> Members { get; internal set; }

    /// <summary>The items of an array.</summary>
    public IReadOnlyList<JsonNode> Items { get; internal set; }

    /// <summary>True for <c>true</c>, false otherwise.</summary>
    public bool BooleanValue => Kind == JsonNodeKind.True;

    /// <summary>Finds a member of an object by key (ordinal comparison).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The member, or <see langword="null"/> when absent or when this is not an object.</returns>
    public JsonMember? FindMember(string key)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Reads a number written without fraction or exponent as a 64-bit integer.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>False when this is not a number, has a fraction or exponent, or does not fit.</returns>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (Kind != JsonNodeKind.Number || NumberText is null || NumberText.IndexOfAny(FractionOrExponent) >= 0)
        {
            return false;
        }

        return long.TryParse(NumberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static readonly char[] FractionOrExponent = { '.', 'e', 'E' };

    /// <summary>A short English description of the kind, for messages ("an object", "a string"…).</summary>
    public string Describe() => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True => "true",
        JsonNodeKind.False => "false",
        _ => "null",
    };
}
