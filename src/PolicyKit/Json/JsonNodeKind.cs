namespace PolicyKit.Json;

/// <summary>The kind of a JSON value.</summary>
public enum JsonNodeKind
{
    /// <summary>An object: <c>{ … }</c>.</summary>
    Object,

    /// <summary>An array: <c>[ … ]</c>.</summary>
    Array,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c>.</summary>
    True,

    /// <summary><c>false</c>.</summary>
    False,

    /// <summary><c>null</c>.</summary>
    Null,
}
