namespace PolicyKit;

/// <summary>The kind of a <see cref="PolicyError"/>.</summary>
public enum PolicyErrorKind
{
    /// <summary>The text is not valid JSON (or is empty, or has comments or trailing commas).</summary>
    Syntax,

    /// <summary>A key the format does not define.</summary>
    UnknownKey,

    /// <summary>A value of the wrong JSON type (a string where a number is expected…).</summary>
    WrongType,

    /// <summary>A value outside its allowed range or set of choices.</summary>
    OutOfRange,

    /// <summary>A value the profiles or the policy's own semantics require is not set.</summary>
    Missing,

    /// <summary>Two values that cannot both hold and no <c>decisions</c> entry settles them.</summary>
    Conflict,

    /// <summary>A key or list entry given twice.</summary>
    Duplicate,

    /// <summary>The file is larger than 4 MiB.</summary>
    TooLarge,

    /// <summary>Objects and arrays nest deeper than 64 levels.</summary>
    TooDeep,

    /// <summary>The file does not exist or cannot be read.</summary>
    FileNotFound,

    /// <summary>A profile name that is not known.</summary>
    UnknownProfile,
}
