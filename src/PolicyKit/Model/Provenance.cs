using System;

namespace PolicyKit;

/// <summary>Where a policy value comes from: a clause of the guidance (and the profile that carried it) or the adopter.</summary>
/// <param name="Source">The clause id (e.g. <c>MN-11</c>) or <c>adopter</c>.</param>
/// <param name="Profile">The profile the value was read from (e.g. <c>mynumber</c>), or <see langword="null"/>.</param>
public readonly record struct Provenance(string Source, string? Profile)
{
    /// <summary>The source name of values the adopter wrote without a source.</summary>
    public const string AdopterSource = "adopter";

    /// <summary>A value the adopter decided.</summary>
    public static Provenance Adopter => new(AdopterSource, null);

    /// <summary>A value required by a clause of the guidance.</summary>
    /// <param name="clause">The clause id.</param>
    /// <param name="profile">The profile, if any.</param>
    /// <returns>The provenance.</returns>
    public static Provenance Clause(string clause, string? profile = null) => new(clause, profile);

    /// <summary>Whether the adopter decided the value (the default when <see cref="Source"/> is empty).</summary>
    public bool IsAdopter => string.IsNullOrEmpty(Source) || string.Equals(Source, AdopterSource, StringComparison.Ordinal);

    /// <summary>The clause id, or <see langword="null"/> for the adopter's own values.</summary>
    public string? ClauseId => IsAdopter ? null : Source;

    /// <summary>The profile name or <c>adopter</c>: the name a <c>decisions</c> entry uses for this side.</summary>
    public string DecisionName => Profile ?? AdopterSource;

    /// <inheritdoc/>
    public override string ToString() => Profile is null ? (IsAdopter ? AdopterSource : Source) : Source + " (" + Profile + ")";
}
