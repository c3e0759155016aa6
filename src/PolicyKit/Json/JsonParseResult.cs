using System.Collections.Generic;

namespace PolicyKit.Json;

/// <summary>The outcome of <see cref="JsonParser.Parse(string)"/>: a tree (when the text could be read) and every error found.</summary>
public sealed class JsonParseResult
{
    internal JsonParseResult(JsonNode? root, IReadOnlyList<JsonError> errors, LineMap lines)
    {
        Root = root;
        Errors = errors;
        Lines = lines;
    }

    /// <summary>The root value, or <see langword="null"/> when a fatal error stopped reading.</summary>
    public JsonNode? Root { get; }

    /// <summary>Every error, in text order of discovery. Recoverable errors (duplicate keys, trailing commas,
    /// comments, numbers out of range) are reported while <see cref="Root"/> is still produced.</summary>
    public IReadOnlyList<JsonError> Errors { get; }

    /// <summary>True when there is a root and no error.</summary>
    public bool Success => Root is not null && Errors.Count == 0;

    internal LineMap Lines { get; }

    /// <summary>Converts a UTF-16 offset of the parsed text to a one-based line and column.</summary>
    /// <param name="offset">The offset.</param>
    /// <param name="line">One-based line.</param>
    /// <param name="column">One-based column.</param>
    public void GetLineColumn(int offset, out int line, out int column) => Lines.Locate(offset, out line, out column);
}
