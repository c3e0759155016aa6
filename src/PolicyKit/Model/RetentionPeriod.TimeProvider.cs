using System;

namespace PolicyKit;

/// <content>Members that read the clock through <see cref="TimeProvider"/> (not compiled into the analyzers).</content>
public sealed partial record RetentionPeriod
{
    /// <summary>Whether data created at <paramref name="created"/> is past its maximum keep now.</summary>
    /// <param name="created">When the data was created.</param>
    /// <param name="time">The clock.</param>
    /// <returns>True from the due instant on.</returns>
    public bool IsExpired(DateTimeOffset created, TimeProvider time) => IsExpired(created, (time ?? TimeProvider.System).GetUtcNow());

    /// <summary>Whether data created at <paramref name="created"/> may be disposed of now.</summary>
    /// <param name="created">When the data was created.</param>
    /// <param name="time">The clock.</param>
    /// <returns>False under legal hold or before the minimum keep has passed.</returns>
    public bool MayDelete(DateTimeOffset created, TimeProvider time) => MayDelete(created, (time ?? TimeProvider.System).GetUtcNow());
}
