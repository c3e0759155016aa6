using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>Retention periods per data class (<c>retention</c>).</summary>
public sealed record RetentionPolicy
{
    /// <summary>The periods.</summary>
    public IReadOnlyList<RetentionPeriod> Periods { get; init; } = Array.Empty<RetentionPeriod>();

    /// <summary>The period of a data class (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="dataClass">The data class name.</param>
    /// <returns>The period.</returns>
    public RetentionPeriod? For(string dataClass)
    {
        foreach (var period in Periods)
        {
            if (string.Equals(period.DataClass, dataClass, StringComparison.OrdinalIgnoreCase))
            {
                return period;
            }
        }

        return null;
    }
}
