using System;

namespace PolicyKit;

/// <summary>The id of a control of the guidance (<c>MN-11</c>, <c>MIC-38</c>, <c>A.11.5.3</c>). Compared without regard to case.</summary>
/// <param name="Value">The id text.</param>
public readonly record struct ControlId(string Value)
{
    /// <summary>Case-insensitive equality.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ControlId other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
