using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit;

/// <summary>
/// What a complete policy must satisfy: every value the composed profiles' <c>requirements</c> ask for is set; values
/// implied by other values are set (a lockout needs a duration…); no unsettled conflict; no contradictory values.
/// </summary>
internal static class PolicyValidator
{
    public static IReadOnlyList<PolicyError> Validate(PolicySet policy)
    {
        var errors = new List<PolicyError>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in policy.Requirements)
        {
            if (IsMissing(policy, requirement.Path) && reported.Add(requirement.Path))
            {
                var note = string.IsNullOrEmpty(requirement.Note) ? string.Empty : " (" + requirement.Note + ")";
                errors.Add(new PolicyError(requirement.Path, PolicyErrorKind.Missing, $"{requirement.Path} is required by {requirement.Clause}{note} but is not set; add it to policykit.json.", requirement.Clause));
            }
        }

        Implied(policy, errors, reported, "password.lockout.threshold", "password.lockout.durationMinutes", "a lockout needs a duration");
        Implied(policy, errors, reported, "session.slidingExpirationAllowed", "session.absoluteTimeoutMinutes", "sliding expiration needs an absolute timeout", requireTrue: true);
        Implied(policy, errors, reported, "application.handlesPersonalData", "retention.periods", "personal data needs retention periods", requireTrue: true);
        Implied(policy, errors, reported, "application.handlesPersonalData", "encryption.atRest", "personal data needs a decision on encryption at rest", requireTrue: true);
        Implied(policy, errors, reported, "application.handlesMyNumber", "dataClasses", "My Number handling needs data classes that recognise it", requireTrue: true);
        Implied(policy, errors, reported, "application.handlesMyNumber", "retention.periods", "My Number must be deleted when no longer needed", requireTrue: true);

        Contradictions(policy, errors);
        Conflicts(policy, errors);
        DataClassReferences(policy, errors);
        return errors;
    }

    private static bool IsMissing(PolicySet policy, string path)
    {
        if (PolicySchema.ByPath.TryGetValue(path, out var setting))
        {
            return setting.Get(policy) is null;
        }

        var dot = path.LastIndexOf('.');
        if (dot > 0 && PolicySchema.ByPath.TryGetValue(path.Substring(0, dot), out var map) && map.Kind == SettingKind.IntegerMap)
        {
            return !(map.Get(policy) is IReadOnlyDictionary<string, int> entries && ContainsAlgorithm(entries, path.Substring(dot + 1)));
        }

        if (PolicySchema.Sections.Contains(path))
        {
            foreach (var s in PolicySchema.Settings)
            {
                if (s.Path.StartsWith(path + ".", StringComparison.Ordinal) && s.Get(policy) is not null)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static void Implied(PolicySet policy, List<PolicyError> errors, HashSet<string> reported, string trigger, string needed, string why, bool requireTrue = false)
    {
        var value = PolicySchema.ByPath[trigger].Get(policy);
        if (value is null || (requireTrue && !(value is bool b && b)) || !IsMissing(policy, needed) || !reported.Add(needed))
        {
            return;
        }

        var clause = policy.SourceOf(trigger).ClauseId;
        errors.Add(new PolicyError(needed, PolicyErrorKind.Missing, $"{needed} is not set, but {trigger} is {PolicyWriter.Render(value)} and {why}.", clause));
    }

    private static void Contradictions(PolicySet policy, List<PolicyError> errors)
    {
        var password = policy.Password;
        if (password.MinimumLength is int min && password.MaximumLength is int max && min > max)
        {
            errors.Add(new PolicyError("password.maximumLength", PolicyErrorKind.OutOfRange, $"maximumLength {N(max)} is below minimumLength {N(min)}; expected at least {N(min)}.", policy.SourceOf("password.maximumLength").ClauseId));
        }

        if (policy.Session.IdleTimeoutMinutes is int idle && policy.Session.AbsoluteTimeoutMinutes is int absolute && idle > absolute)
        {
            errors.Add(new PolicyError("session.idleTimeoutMinutes", PolicyErrorKind.OutOfRange, $"idleTimeoutMinutes {N(idle)} exceeds absoluteTimeoutMinutes {N(absolute)}; expected at most {N(absolute)}.", policy.SourceOf("session.idleTimeoutMinutes").ClauseId));
        }

        for (var i = 0; i < policy.Retention.Periods.Count; i++)
        {
            var period = policy.Retention.Periods[i];
            if (period.MinimumKeepDays is int keep && period.MaximumKeepDays is int limit && keep > limit)
            {
                errors.Add(new PolicyError($"retention.periods[{N(i)}].maximumKeepDays", PolicyErrorKind.OutOfRange, $"maximumKeepDays {N(limit)} is below minimumKeepDays {N(keep)} for \"{period.DataClass}\"; expected at least {N(keep)}.", period.Source.ClauseId));
            }
        }
    }

    private static void Conflicts(PolicySet policy, List<PolicyError> errors)
    {
        foreach (var conflict in policy.Conflicts)
        {
            if (policy.Decisions.TryGetValue(conflict.Path, out var decision))
            {
                if (string.Equals(decision, Provenance.AdopterSource, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(decision, conflict.Source.DecisionName, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(decision, conflict.OtherSource.DecisionName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                errors.Add(new PolicyError("decisions." + conflict.Path, PolicyErrorKind.OutOfRange, $"The decision \"{decision}\" names neither side of the conflict; expected \"{conflict.Source.DecisionName}\", \"{conflict.OtherSource.DecisionName}\" or \"adopter\".", conflict.Source.ClauseId));
                continue;
            }

            errors.Add(new PolicyError(
                conflict.Path,
                PolicyErrorKind.Conflict,
                $"{conflict.Message} {conflict.Path} = {conflict.Value} ({conflict.Source}) vs {conflict.OtherPath} = {conflict.OtherValue} ({conflict.OtherSource}); settle it with \"decisions\": {{ \"{conflict.Path}\": \"{conflict.Source.DecisionName}\" | \"{conflict.OtherSource.DecisionName}\" | \"adopter\" }}.",
                conflict.Source.ClauseId ?? conflict.OtherSource.ClauseId));
        }

        if (policy.Conflicts.Count > 0)
        {
            return;
        }

        // A single file can contradict itself too; without a composition there is no side to decide for.
        var password = policy.Password;
        if (password.MaximumAgeDays is not null && password.ForbidPeriodicChange == true && !policy.Decisions.ContainsKey("password.maximumAgeDays"))
        {
            errors.Add(new PolicyError("password.maximumAgeDays", PolicyErrorKind.Conflict, "maximumAgeDays is set while forbidPeriodicChange is true; expected one of them.", policy.SourceOf("password.maximumAgeDays").ClauseId));
        }
    }

    private static void DataClassReferences(PolicySet policy, List<PolicyError> errors)
    {
        if (policy.DataClasses.Count == 0)
        {
            return;
        }

        var names = new List<string>();
        foreach (var dataClass in policy.DataClasses)
        {
            names.Add(dataClass.Name);
        }

        var atRest = policy.Encryption.AtRest ?? Array.Empty<string>();
        for (var i = 0; i < atRest.Count; i++)
        {
            if (!ContainsName(names, atRest[i]))
            {
                errors.Add(new PolicyError($"encryption.atRest[{N(i)}]", PolicyErrorKind.OutOfRange, $"\"{atRest[i]}\" is not a data class of this policy; expected one of: {string.Join(", ", names)}.", policy.SourceOf("encryption.atRest").ClauseId));
            }
        }

        for (var i = 0; i < policy.Retention.Periods.Count; i++)
        {
            var name = policy.Retention.Periods[i].DataClass;
            if (!ContainsName(names, name))
            {
                errors.Add(new PolicyError($"retention.periods[{N(i)}].dataClass", PolicyErrorKind.OutOfRange, $"\"{name}\" is not a data class of this policy; expected one of: {string.Join(", ", names)}.", policy.Retention.Periods[i].Source.ClauseId));
            }
        }
    }

    private static bool ContainsName(List<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAlgorithm(IReadOnlyDictionary<string, int> entries, string key)
    {
        foreach (var existing in entries.Keys)
        {
            if (AlgorithmNames.AreSame(existing, key))
            {
                return true;
            }
        }

        return false;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
