using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>Composes policies setting by setting (stricter value wins, provenance kept) and applies an adopter's
/// file over the result. Contradictions become <see cref="PolicyConflict"/>s, never silent choices.</summary>
internal static class PolicyComposer
{
    public static PolicySet Compose(PolicySet a, PolicySet b)
    {
        object result = PolicySet.Empty;
        var sources = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        var conflicts = new List<PolicyConflict>();
        Add(conflicts, a.Conflicts);
        Add(conflicts, b.Conflicts);

        foreach (var setting in PolicySchema.Settings)
        {
            var va = setting.Get(a);
            var vb = setting.Get(b);
            if (setting.Kind == SettingKind.IntegerMap)
            {
                var map = ComposeMap(setting, va as IReadOnlyDictionary<string, int>, vb as IReadOnlyDictionary<string, int>, a, b, sources);
                if (map is not null)
                {
                    result = setting.Set(result, map);
                }

                continue;
            }

            var sa = a.SourceOf(setting.Path);
            var sb = b.SourceOf(setting.Path);
            var (value, source) = ComposeValue(setting, va, sa, vb, sb, conflicts);
            if (value is not null)
            {
                result = setting.Set(result, value);
                Keep(sources, setting.Path, source);
            }
        }

        var composed = ((PolicySet)result) with { Sources = sources };
        CrossCheck(composed, conflicts);
        return composed with { Conflicts = conflicts };
    }

    public static PolicySet Override(PolicySet composed, PolicySet declared)
    {
        var settled = Settle(composed, declared.Decisions);
        object result = settled;
        var sources = Copy(settled.Sources);
        foreach (var setting in PolicySchema.Settings)
        {
            var value = setting.Get(declared);
            if (value is null)
            {
                continue;
            }

            if (setting.Kind == SettingKind.IntegerMap)
            {
                var map = new SortedDictionary<string, int>(StringComparer.Ordinal);
                CopyInto(map, setting.Get(result) as IReadOnlyDictionary<string, int>);
                foreach (var pair in (IReadOnlyDictionary<string, int>)value)
                {
                    RemoveSameAlgorithm(map, pair.Key, sources, setting.Path);
                    map[pair.Key] = pair.Value;
                    Keep(sources, setting.Path + "." + pair.Key, declared.SourceOf(setting.Path + "." + pair.Key));
                }

                result = setting.Set(result, map);
                continue;
            }

            if (setting.Kind == SettingKind.ObjectList && setting.Item!.KeyField.Length > 0)
            {
                value = MergeItems(setting.Item, setting.Get(result), value, replace: true);
            }
            else if (setting.Path == "requirements")
            {
                value = Concat(setting.Get(result), value);
            }

            result = setting.Set(result, value);
            Keep(sources, setting.Path, declared.SourceOf(setting.Path));
        }

        return ((PolicySet)result) with { Sources = sources, Decisions = declared.Decisions };
    }

    /// <summary>Applies <paramref name="decisions"/> to the conflicts of <paramref name="policy"/>: the named side's
    /// value is kept; with <c>adopter</c> both values are cleared so that the adopter's own value is the one used.</summary>
    private static PolicySet Settle(PolicySet policy, IReadOnlyDictionary<string, string> decisions)
    {
        object result = policy;
        var sources = Copy(policy.Sources);
        foreach (var conflict in policy.Conflicts)
        {
            if (!decisions.TryGetValue(conflict.Path, out var decision) || !PolicySchema.ByPath.TryGetValue(conflict.Path, out var first)
                || !PolicySchema.ByPath.TryGetValue(conflict.OtherPath, out var second))
            {
                continue;
            }

            var adopter = string.Equals(decision, Provenance.AdopterSource, StringComparison.OrdinalIgnoreCase);
            var firstWins = !adopter && string.Equals(decision, conflict.Source.DecisionName, StringComparison.OrdinalIgnoreCase);
            var secondWins = !adopter && !firstWins && string.Equals(decision, conflict.OtherSource.DecisionName, StringComparison.OrdinalIgnoreCase);
            if (!adopter && !firstWins && !secondWins)
            {
                continue;
            }

            if (conflict.Path == conflict.OtherPath)
            {
                if (adopter)
                {
                    result = first.Set(result, null);
                    sources.Remove(first.Path);
                }
                else
                {
                    result = first.Set(result, conflict.ValueOf(firstWins));
                    sources[first.Path] = firstWins ? conflict.Source : conflict.OtherSource;
                }

                continue;
            }

            if (adopter || secondWins)
            {
                result = first.Set(result, Neutral(first));
                sources.Remove(first.Path);
            }

            if (adopter || firstWins)
            {
                result = second.Set(result, Neutral(second));
                sources.Remove(second.Path);
            }
        }

        return ((PolicySet)result) with { Sources = sources };
    }

    // The value that no longer contradicts anything: a flag turned off, a number or list left undecided.
    private static object? Neutral(Setting setting) => setting.Kind == SettingKind.Boolean ? false : null;

    private static (object? Value, Provenance Source) ComposeValue(Setting setting, object? va, Provenance sa, object? vb, Provenance sb, List<PolicyConflict> conflicts)
    {
        if (vb is null)
        {
            return (va, sa);
        }

        if (va is null)
        {
            return (vb, sb);
        }

        switch (setting.Strictness)
        {
            case Strictness.Higher:
                return (int)vb > (int)va ? (vb, sb) : (va, sa);
            case Strictness.Lower:
                return (int)vb < (int)va ? (vb, sb) : (va, sa);
            case Strictness.TrueWins:
                return (bool)vb && !(bool)va ? (vb, sb) : (va, sa);
            case Strictness.FalseWins:
                return !(bool)vb && (bool)va ? (vb, sb) : (va, sa);
            case Strictness.Stronger:
                return Array.IndexOf(setting.Choices!, (string)vb) > Array.IndexOf(setting.Choices!, (string)va) ? (vb, sb) : (va, sa);
            case Strictness.StrongerHash:
                return AlgorithmNames.HashRank((string)vb) > AlgorithmNames.HashRank((string)va) ? (vb, sb) : (va, sa);
            case Strictness.Union when setting.Kind == SettingKind.ObjectList:
                return setting.Item!.KeyField.Length > 0 ? (MergeItems(setting.Item, va, vb, replace: false), sa) : (Concat(va, vb), sa);
            case Strictness.Union:
                return Union(setting, (IReadOnlyList<string>)va, sa, (IReadOnlyList<string>)vb, sb);
            case Strictness.Intersection:
                return Intersect(setting, (IReadOnlyList<string>)va, sa, (IReadOnlyList<string>)vb, sb);
            case Strictness.Same:
                if (!string.Equals(va as string, vb as string, StringComparison.OrdinalIgnoreCase))
                {
                    Add(conflicts, new[] { Conflict(setting.Path, va, sa, setting.Path, vb, sb, $"{setting.Path} is {PolicyWriter.Render(va)} from {sa} but {PolicyWriter.Render(vb)} from {sb}.") });
                }

                return (va, sa);
            default:
                return (va, sa);
        }
    }

    private static (object?, Provenance) Union(Setting setting, IReadOnlyList<string> a, Provenance sa, IReadOnlyList<string> b, Provenance sb)
    {
        var list = new List<string>(a);
        foreach (var item in b)
        {
            if (!Contains(list, item, setting.Algorithms))
            {
                list.Add(item);
            }
        }

        if (list.Count == a.Count)
        {
            return (a, sa);
        }

        return list.Count == b.Count ? (b, sb) : (list, Combine(sa, sb));
    }

    private static (object?, Provenance) Intersect(Setting setting, IReadOnlyList<string> a, Provenance sa, IReadOnlyList<string> b, Provenance sb)
    {
        var list = new List<string>();
        foreach (var item in a)
        {
            if (Contains(b, item, setting.Algorithms))
            {
                list.Add(item);
            }
        }

        if (list.Count == a.Count)
        {
            return (a, sa);
        }

        return list.Count == b.Count ? (b, sb) : (list, Combine(sa, sb));
    }

    private static Provenance Combine(Provenance a, Provenance b) =>
        a.Equals(b) ? a : new Provenance(a.Source + " + " + b.Source, a.Profile is null && b.Profile is null ? null : (a.Profile ?? Provenance.AdopterSource) + " + " + (b.Profile ?? Provenance.AdopterSource));

    private static IReadOnlyDictionary<string, int>? ComposeMap(Setting setting, IReadOnlyDictionary<string, int>? a, IReadOnlyDictionary<string, int>? b, PolicySet pa, PolicySet pb, Dictionary<string, Provenance> sources)
    {
        if (a is null && b is null)
        {
            return null;
        }

        var map = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (a is not null)
        {
            foreach (var pair in a)
            {
                map[pair.Key] = pair.Value;
                Keep(sources, setting.Path + "." + pair.Key, pa.SourceOf(setting.Path + "." + pair.Key));
            }
        }

        if (b is not null)
        {
            foreach (var pair in b)
            {
                var existing = FindAlgorithmKey(map, pair.Key);
                if (existing is null || pair.Value > map[existing])
                {
                    if (existing is not null)
                    {
                        map.Remove(existing);
                        sources.Remove(setting.Path + "." + existing);
                    }

                    map[pair.Key] = pair.Value;
                    Keep(sources, setting.Path + "." + pair.Key, pb.SourceOf(setting.Path + "." + pair.Key));
                }
            }
        }

        return map;
    }

    private static void RemoveSameAlgorithm(SortedDictionary<string, int> map, string key, Dictionary<string, Provenance> sources, string path)
    {
        var existing = FindAlgorithmKey(map, key);
        if (existing is not null)
        {
            map.Remove(existing);
            sources.Remove(path + "." + existing);
        }
    }

    private static string? FindAlgorithmKey(SortedDictionary<string, int> map, string key)
    {
        foreach (var existing in map.Keys)
        {
            if (AlgorithmNames.AreSame(existing, key))
            {
                return existing;
            }
        }

        return null;
    }

    private static void CopyInto(SortedDictionary<string, int> map, IReadOnlyDictionary<string, int>? from)
    {
        if (from is not null)
        {
            foreach (var pair in from)
            {
                map[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>Merges two lists of keyed items: items with the same key are composed field by field (stricter wins)
    /// or, with <paramref name="replace"/>, replaced by the second list's item.</summary>
    private static List<object> MergeItems(ItemSchema schema, object? first, object? second, bool replace)
    {
        var key = schema.Find(schema.KeyField)!;
        var result = new List<object>();
        foreach (var item in AsItems(first))
        {
            result.Add(item);
        }

        foreach (var item in AsItems(second))
        {
            var index = result.FindIndex(existing => string.Equals(key.Get(existing) as string, key.Get(item) as string, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                result.Add(item);
            }
            else
            {
                result[index] = replace ? item : MergeItem(schema, result[index], item);
            }
        }

        return result;
    }

    private static object MergeItem(ItemSchema schema, object a, object b)
    {
        var merged = a;
        var ignored = new List<PolicyConflict>();
        foreach (var field in schema.Fields)
        {
            var (value, _) = ComposeValue(field, field.Get(a), default, field.Get(b), default, ignored);
            merged = field.Set(merged, value);
        }

        return merged;
    }

    private static List<object> Concat(object? first, object? second)
    {
        var list = new List<object>();
        foreach (var item in AsItems(first))
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        foreach (var item in AsItems(second))
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    private static IEnumerable<object> AsItems(object? value)
    {
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is not null)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>Settings that each make sense alone but contradict each other when both are set.</summary>
    private static void CrossCheck(PolicySet policy, List<PolicyConflict> conflicts)
    {
        var password = policy.Password;
        if (password.MaximumAgeDays is int age && password.ForbidPeriodicChange == true)
        {
            Add(conflicts, new[]
            {
                Conflict(
                    "password.maximumAgeDays", age, policy.SourceOf("password.maximumAgeDays"),
                    "password.forbidPeriodicChange", true, policy.SourceOf("password.forbidPeriodicChange"),
                    "Periodic password change (maximumAgeDays) and forbidPeriodicChange: true cannot both hold."),
            });
        }

        if (password.ForbidCompositionRules == true && password.RequiredClasses is CharacterClasses classes && classes != CharacterClasses.None)
        {
            Add(conflicts, new[]
            {
                Conflict(
                    "password.requiredClasses", PolicySchema.ByPath["password.requiredClasses"].Get(policy), policy.SourceOf("password.requiredClasses"),
                    "password.forbidCompositionRules", true, policy.SourceOf("password.forbidCompositionRules"),
                    "Required character classes and forbidCompositionRules: true cannot both hold."),
            });
        }

        if (password.ForbidCompositionRules == true && password.MinimumClassCount is int count && count > 0)
        {
            Add(conflicts, new[]
            {
                Conflict(
                    "password.minimumClassCount", count, policy.SourceOf("password.minimumClassCount"),
                    "password.forbidCompositionRules", true, policy.SourceOf("password.forbidCompositionRules"),
                    "A minimum number of character classes and forbidCompositionRules: true cannot both hold."),
            });
        }
    }

    private static PolicyConflict Conflict(string path, object? value, Provenance source, string otherPath, object? otherValue, Provenance otherSource, string message) =>
        new(path, PolicyWriter.Render(value), source, otherPath, PolicyWriter.Render(otherValue), otherSource, message) { FirstValue = value, SecondValue = otherValue };

    private static void Add(List<PolicyConflict> conflicts, IEnumerable<PolicyConflict> more)
    {
        foreach (var conflict in more)
        {
            if (!conflicts.Exists(c => c.Path == conflict.Path && c.OtherPath == conflict.OtherPath))
            {
                conflicts.Add(conflict);
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> list, string item, bool algorithms)
    {
        foreach (var entry in list)
        {
            if (algorithms ? AlgorithmNames.AreSame(entry, item) : string.Equals(entry, item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, Provenance> Copy(IReadOnlyDictionary<string, Provenance> from)
    {
        var copy = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        foreach (var pair in from)
        {
            copy[pair.Key] = pair.Value;
        }

        return copy;
    }

    private static void Keep(Dictionary<string, Provenance> sources, string path, Provenance source)
    {
        if (!source.IsAdopter || source.Profile is not null)
        {
            sources[path] = source;
        }
        else
        {
            sources.Remove(path);
        }
    }
}
