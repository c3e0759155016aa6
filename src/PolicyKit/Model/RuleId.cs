using System;

namespace PolicyKit;

/// <summary>The id of a PolicyKit rule (<c>PK1001</c>). Compared without regard to case.</summary>
/// <param name="Value">The id text.</param>
public readonly record struct RuleId(string Value)
{
    /// <summary>Whether <paramref name="text"/> has the shape of a rule id: <c>PK</c> and four digits.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True for a well-formed id.</returns>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != 6 || !text.StartsWith("PK", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a rule id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, upper-cased.</param>
    /// <returns>False when <paramref name="text"/> is not <c>PK</c> and four digits.</returns>
    public static bool TryParse(string? text, out RuleId id)
    {
        id = default;
        if (!IsWellFormed(text))
        {
            return false;
        }

        id = new RuleId(text!.ToUpperInvariant());
        return true;
    }

    /// <summary>Case-insensitive equality with an id in text form.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>True when equal.</returns>
    public bool Matches(string? other) => string.Equals(Value, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>Case-insensitive equality.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(RuleId other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
