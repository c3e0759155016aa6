using System.Collections.Generic;

namespace PolicyKit;

/// <summary>The outcome of reading policykit.json: the effective policy, the file's own values, every error, the
/// composition conflicts and the content hash.</summary>
public sealed class PolicyLoadResult
{
    internal PolicyLoadResult(PolicySet? policy, PolicySet? declared, IReadOnlyList<PolicyError> errors, IReadOnlyList<PolicyConflict> conflicts, string hash)
    {
        Policy = policy;
        Declared = declared;
        Errors = errors;
        Conflicts = conflicts;
        Hash = hash;
    }

    /// <summary>The effective policy: the <c>profiles</c> composed (stricter value wins), <c>decisions</c> applied, then
    /// the file's own values over them. <see langword="null"/> when the text is not JSON.</summary>
    public PolicySet? Policy { get; }

    /// <summary>What the file itself says, without its profiles. <see langword="null"/> when the text is not JSON.</summary>
    public PolicySet? Declared { get; }

    /// <summary>Every error: syntax, unknown keys, wrong types, out-of-range values, unknown profiles, then what
    /// <see cref="PolicySet.Validate"/> reports on the effective policy (missing values, unsettled conflicts).</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>Conflicts found while composing the profiles (settled or not).</summary>
    public IReadOnlyList<PolicyConflict> Conflicts { get; }

    /// <summary>Lower-case hex SHA-256 of the canonical form of <see cref="Declared"/> (UTF-8), or of the raw text
    /// when it could not be read.</summary>
    public string Hash { get; }

    /// <summary>True when there is a policy and no error.</summary>
    public bool Success => Policy is not null && Errors.Count == 0;
}
