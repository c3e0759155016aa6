using System;

namespace PolicyKit;

/// <summary>How long one data class is kept and how it is disposed of (<c>retention.periods[]</c>).</summary>
public sealed partial record RetentionPeriod
{
    /// <summary>The data class this period applies to.</summary>
    public string DataClass { get; init; } = string.Empty;

    /// <summary>Days the data must be kept at least.</summary>
    public int? MinimumKeepDays { get; init; }

    /// <summary>Days after which the data must be disposed of.</summary>
    public int? MaximumKeepDays { get; init; }

    /// <summary>Whether a legal hold suspends disposal.</summary>
    public bool? LegalHold { get; init; }

    /// <summary>How the data is disposed of.</summary>
    public DeletionMethod? Deletion { get; init; }

    /// <summary>Where the period comes from.</summary>
    public Provenance Source { get; init; } = Provenance.Adopter;

    /// <summary>
    /// When data created at <paramref name="created"/> must be disposed of: <paramref name="created"/> plus
    /// <see cref="MaximumKeepDays"/> whole days, at the same offset; <see langword="null"/> when there is no maximum
    /// or a legal hold applies.
    /// </summary>
    /// <param name="created">When the data was created.</param>
    /// <returns>The due instant, or <see langword="null"/>.</returns>
    public DateTimeOffset? DeletionDueOn(DateTimeOffset created) =>
        MaximumKeepDays is int days && LegalHold != true ? created.AddDays(days) : null;

    /// <summary>The earliest instant data created at <paramref name="created"/> may be disposed of.</summary>
    /// <param name="created">When the data was created.</param>
    /// <returns><paramref name="created"/> plus <see cref="MinimumKeepDays"/> (or <paramref name="created"/> itself).</returns>
    public DateTimeOffset EarliestDeletion(DateTimeOffset created) => created.AddDays(MinimumKeepDays ?? 0);

    /// <summary>Whether data created at <paramref name="created"/> is past its maximum keep at <paramref name="now"/>.</summary>
    /// <param name="created">When the data was created.</param>
    /// <param name="now">The current instant (offsets are compared as instants).</param>
    /// <returns>True from the due instant on.</returns>
    public bool IsExpired(DateTimeOffset created, DateTimeOffset now) => DeletionDueOn(created) is { } due && now >= due;

    /// <summary>Whether data created at <paramref name="created"/> may be disposed of at <paramref name="now"/>.</summary>
    /// <param name="created">When the data was created.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>False under legal hold or before the minimum keep has passed.</returns>
    public bool MayDelete(DateTimeOffset created, DateTimeOffset now) => LegalHold != true && now >= EarliestDeletion(created);
}
