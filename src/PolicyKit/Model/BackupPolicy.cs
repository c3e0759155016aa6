namespace PolicyKit;

/// <summary>Backup rules (<c>backup</c>).</summary>
public sealed record BackupPolicy
{
    /// <summary>Hours between backups.</summary>
    public int? FrequencyHours { get; init; }

    /// <summary>Whether a copy is kept off site.</summary>
    public bool? OffsiteCopy { get; init; }

    /// <summary>Whether backups are encrypted.</summary>
    public bool? Encrypted { get; init; }

    /// <summary>Days between restore drills.</summary>
    public int? RestoreDrillIntervalDays { get; init; }

    /// <summary>How many backup generations are kept.</summary>
    public int? GenerationsKept { get; init; }
}
