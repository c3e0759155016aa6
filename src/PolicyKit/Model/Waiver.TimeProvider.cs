using System;

namespace PolicyKit;

/// <content>Members that read the clock through <see cref="TimeProvider"/> (not compiled into the analyzers).</content>
public sealed partial record Waiver
{
    /// <summary>Whether the waiver applies now.</summary>
    /// <param name="time">The clock.</param>
    /// <returns>True before <see cref="ExpiresAt"/>.</returns>
    public bool IsActive(TimeProvider time) => IsActive((time ?? TimeProvider.System).GetUtcNow());
}
