namespace PolicyKit.Json;

/// <summary>Limits and leniency of <see cref="JsonParser"/>. The defaults are those of policykit.json.</summary>
public sealed record JsonParseOptions
{
    /// <summary>The options of policykit.json: strict JSON, depth 64, 4 MiB.</summary>
    public static JsonParseOptions Strict { get; } = new();

    /// <summary>The options of appsettings.json as ASP.NET Core reads it: comments and trailing commas allowed.</summary>
    public static JsonParseOptions Lenient { get; } = new() { AllowComments = true, AllowTrailingCommas = true };

    /// <summary>Deepest nesting of objects and arrays allowed (the root object is depth 1).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Largest text accepted, in UTF-8 bytes.</summary>
    public int MaxSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Whether <c>//</c> and <c>/* */</c> comments are skipped silently instead of being errors.</summary>
    public bool AllowComments { get; init; }

    /// <summary>Whether a comma before <c>}</c> or <c>]</c> is accepted silently.</summary>
    public bool AllowTrailingCommas { get; init; }
}
