namespace PolicyKit.Json;

/// <summary>What went wrong while reading JSON text.</summary>
public enum JsonErrorKind
{
    /// <summary>The text is not JSON at this point (unexpected character, missing comma, unterminated string…).</summary>
    Syntax,

    /// <summary>An object has the same key twice.</summary>
    DuplicateKey,

    /// <summary>A comma directly before <c>}</c> or <c>]</c>.</summary>
    TrailingComma,

    /// <summary>A <c>//</c> or <c>/* */</c> comment where comments are not allowed.</summary>
    Comment,

    /// <summary>Objects and arrays nest deeper than the limit.</summary>
    TooDeep,

    /// <summary>The text is larger than the limit.</summary>
    TooLarge,

    /// <summary>A number that does not fit a double (or <c>NaN</c>/<c>Infinity</c>).</summary>
    NumberOutOfRange,

    /// <summary>An invalid escape sequence or an unpaired surrogate in a string.</summary>
    InvalidEscape,

    /// <summary>The text is empty or only whitespace.</summary>
    Empty,
}
