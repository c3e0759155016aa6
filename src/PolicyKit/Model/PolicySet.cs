using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>
/// A whole policy: the building blocks, the profiles it builds on, how conflicts were settled, waivers, and where each
/// value comes from. Immutable; compose with <see cref="Compose(PolicySet, PolicySet)"/>, read and write with
/// <see cref="PolicyJson"/>.
/// </summary>
public sealed record PolicySet
{
    private static readonly IReadOnlyDictionary<string, Provenance> NoSources = new Dictionary<string, Provenance>();
    private static readonly IReadOnlyDictionary<string, string> NoDecisions = new Dictionary<string, string>();

    /// <summary>A policy where nothing is decided.</summary>
    public static PolicySet Empty { get; } = new();

    /// <summary>The <c>$schema</c> reference for editors.</summary>
    public string? Schema { get; init; }

    /// <summary>The format version (<c>"1"</c>, see <see cref="PolicyKitInfo.SchemaVersion"/>).</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>The policy's name.</summary>
    public string? Name { get; init; }

    /// <summary>The adopter's own version of the policy, shown in reports.</summary>
    public string? Version { get; init; }

    /// <summary>The offset (<c>+09:00</c>) at which date-only values such as waiver expiry are read; <c>+00:00</c> when absent.</summary>
    public string? TimeZoneOffset { get; init; }

    /// <summary>The profiles composed under this file, in order.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = Array.Empty<string>();

    /// <summary>How composition conflicts were settled: setting path to profile name or <c>adopter</c>.</summary>
    public IReadOnlyDictionary<string, string> Decisions { get; init; } = NoDecisions;

    /// <summary>What the application is.</summary>
    public ApplicationProfile Application { get; init; } = new();

    /// <summary>Password rules.</summary>
    public PasswordPolicy Password { get; init; } = new();

    /// <summary>Access control.</summary>
    public AccessControlPolicy AccessControl { get; init; } = new();

    /// <summary>Cryptography.</summary>
    public EncryptionRequirement Encryption { get; init; } = new();

    /// <summary>Sessions.</summary>
    public SessionPolicy Session { get; init; } = new();

    /// <summary>Audit logging.</summary>
    public AuditRequirement Audit { get; init; } = new();

    /// <summary>Backups.</summary>
    public BackupPolicy Backup { get; init; } = new();

    /// <summary>Data classes.</summary>
    public IReadOnlyList<DataClass> DataClasses { get; init; } = Array.Empty<DataClass>();

    /// <summary>Retention periods.</summary>
    public RetentionPolicy Retention { get; init; } = new();

    /// <summary>The adopter's own taint sources, sinks, sanitizers and guards.</summary>
    public DataFlowPolicy DataFlow { get; init; } = new();

    /// <summary>Waivers.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = Array.Empty<Waiver>();

    /// <summary>Values the profiles require the adopter to decide.</summary>
    public IReadOnlyList<PolicyRequirement> Requirements { get; init; } = Array.Empty<PolicyRequirement>();

    /// <summary>Where each scalar value comes from, by JSON path; a path not present is the adopter's.</summary>
    public IReadOnlyDictionary<string, Provenance> Sources { get; init; } = NoSources;

    /// <summary>Conflicts found when this policy was composed (settled ones too; see <see cref="Decisions"/>).</summary>
    public IReadOnlyList<PolicyConflict> Conflicts { get; init; } = Array.Empty<PolicyConflict>();

    /// <summary>The provenance of the value at <paramref name="jsonPath"/>.</summary>
    /// <param name="jsonPath">E.g. <c>password.minimumLength</c>.</param>
    /// <returns>Its provenance, or <see cref="Provenance.Adopter"/>.</returns>
    public Provenance SourceOf(string jsonPath) => Sources.TryGetValue(jsonPath, out var source) ? source : Provenance.Adopter;

    /// <summary>Composes two policies: per setting the stricter value wins and keeps its provenance; genuine
    /// contradictions are returned in <see cref="Conflicts"/> instead of being guessed away.</summary>
    /// <param name="first">One policy (its value is kept on a tie or conflict).</param>
    /// <param name="second">Another policy.</param>
    /// <returns>The composed policy.</returns>
    public static PolicySet Compose(PolicySet first, PolicySet second) => PolicyComposer.Compose(first, second);

    /// <summary>Composes several policies from left to right.</summary>
    /// <param name="policies">The policies.</param>
    /// <returns>The composed policy (<see cref="Empty"/> for none).</returns>
    public static PolicySet Compose(params PolicySet[] policies)
    {
        var result = Empty;
        foreach (var policy in policies ?? Array.Empty<PolicySet>())
        {
            result = ReferenceEquals(result, Empty) ? policy : Compose(result, policy);
        }

        return result;
    }

    /// <summary>Applies an adopter's file over this composed policy: <paramref name="declared"/>'s decisions settle
    /// conflicts, then each value it sets replaces the composed one.</summary>
    /// <param name="declared">The adopter's own values.</param>
    /// <returns>The effective policy.</returns>
    public PolicySet OverrideWith(PolicySet declared) => PolicyComposer.Override(this, declared);

    /// <summary>
    /// Lists every problem a complete policy must not have: each value a composed profile's <c>requirements</c> (or the
    /// policy's own semantics) asks for but that is not set, with its JSON path and clause; unsettled conflicts;
    /// contradictory values. Locations are <see langword="null"/>; <see cref="PolicyJson.Parse(string, string?)"/> adds them.
    /// </summary>
    /// <returns>The problems, empty when none.</returns>
    public IReadOnlyList<PolicyError> Validate() => PolicyValidator.Validate(this);

    /// <summary>Checks a password against <see cref="Password"/>, with the provenance of each broken clause.</summary>
    /// <param name="candidate">The password.</param>
    /// <param name="context">User name, email and service words.</param>
    /// <returns>Every violation.</returns>
    public IReadOnlyList<PasswordViolation> EvaluatePassword(string candidate, PasswordContext? context = null) =>
        Password.Evaluate(candidate, context, SourceOf);

    /// <summary>The first waiver that covers a finding and is active at <paramref name="now"/>.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="path">The file.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The waiver, or <see langword="null"/>.</returns>
    public Waiver? FindActiveWaiver(string ruleId, string? path, string? symbol, DateTimeOffset now)
    {
        foreach (var waiver in Waivers)
        {
            if (waiver.IsActive(now) && waiver.Matches(ruleId, path, symbol))
            {
                return waiver;
            }
        }

        return null;
    }
}
