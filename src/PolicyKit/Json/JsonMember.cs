namespace PolicyKit.Json;

/// <summary>A key and its value in a JSON object, with the location of the key.</summary>
public sealed class JsonMember
{
    internal JsonMember(string key, int keyStart, int keyLength, int keyLine, int keyColumn, JsonNode value)
    {
        Key = key;
        KeyStart = keyStart;
        KeyLength = keyLength;
        KeyLine = keyLine;
        KeyColumn = keyColumn;
        Value = value;
    }

    /// <summary>The unescaped key.</summary>
    public string Key { get; }

    /// <summary>Zero-based offset of the key's opening quote.</summary>
    public int KeyStart { get; }

    /// <summary>Length of the key token including its quotes.</summary>
    public int KeyLength { get; }

    /// <summary>One-based line of the key.</summary>
    public int KeyLine { get; }

    /// <summary>One-based column of the key.</summary>
    public int KeyColumn { get; }

    /// <summary>The value.</summary>
    public JsonNode Value { get; }
}
