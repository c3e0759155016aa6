using System;

namespace PolicyKit;

/// <summary>Character classes a password may be required to contain (<c>lower</c>, <c>upper</c>, <c>digit</c>, <c>symbol</c>).</summary>
[Flags]
public enum CharacterClasses
{
    /// <summary>No class required.</summary>
    None = 0,

    /// <summary>A lower-case letter (Unicode lower case).</summary>
    Lower = 1,

    /// <summary>An upper-case letter (Unicode upper case).</summary>
    Upper = 2,

    /// <summary>A decimal digit.</summary>
    Digit = 4,

    /// <summary>Anything that is neither a letter nor a digit (punctuation, symbols, spaces).</summary>
    Symbol = 8,
}
