using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PolicyKit;

/// <summary>
/// The profiles embedded in PolicyKit (<c>PolicyKit.Profiles.&lt;name&gt;.json</c>): policies transcribed from
/// guidance (My Number, MIC, IPA, ISMS) and baselines (ASVS 5 L2, NIST SP 800-63B). Each value carries the clause it
/// comes from; values the guidance asks for without giving a number are listed as <c>requirements</c>.
/// </summary>
public static class Profiles
{
    /// <summary>
    /// The profile the analyzers use where a project has no policykit.json, and for every value its policy leaves
    /// undecided: the public minimums (NIST SP 800-131A, 800-57, 800-52, 800-63B; OWASP ASVS) each rule needs.
    /// </summary>
    public const string DefaultName = "baseline";

    private const string Prefix = "PolicyKit.Profiles.";
    private const string Suffix = ".json";
    private static readonly object Gate = new();
    private static readonly Dictionary<string, PolicySet> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static IReadOnlyList<string>? names;

    /// <summary>The names of the embedded profiles, sorted.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            if (names is null)
            {
                var list = new List<string>();
                foreach (var resource in typeof(Profiles).Assembly.GetManifestResourceNames())
                {
                    if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Suffix, StringComparison.Ordinal))
                    {
                        list.Add(resource.Substring(Prefix.Length, resource.Length - Prefix.Length - Suffix.Length));
                    }
                }

                list.Sort(StringComparer.Ordinal);
                names = list;
            }

            return names;
        }
    }

    /// <summary>The JSON text of an embedded profile.</summary>
    /// <param name="name">The profile name (case-insensitive).</param>
    /// <returns>The text, or <see langword="null"/> when there is no such profile.</returns>
    public static string? GetText(string name)
    {
        foreach (var known in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                using var stream = typeof(Profiles).Assembly.GetManifestResourceStream(Prefix + known + Suffix);
                if (stream is null)
                {
                    return null;
                }

                using var reader = new StreamReader(stream, Encoding.UTF8);
                return reader.ReadToEnd();
            }
        }

        return null;
    }

    /// <summary>Loads an embedded profile.</summary>
    /// <param name="name">The profile name.</param>
    /// <param name="policy">The profile, its values carrying their clauses.</param>
    /// <returns>False when there is no such profile.</returns>
    public static bool TryLoad(string name, out PolicySet? policy)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name ?? string.Empty, out var cached))
            {
                policy = cached;
                return true;
            }
        }

        var text = name is null ? null : GetText(name);
        if (text is null)
        {
            policy = null;
            return false;
        }

        policy = PolicyJson.ReadProfile(text, name!.ToLowerInvariant(), new List<PolicyError>());
        lock (Gate)
        {
            Cache[name] = policy;
        }

        return true;
    }

    /// <summary>Loads an embedded profile.</summary>
    /// <param name="name">The profile name, e.g. <c>mynumber</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">There is no such profile (see <see cref="Names"/>).</exception>
    public static PolicySet Load(string name) =>
        TryLoad(name, out var policy) && policy is not null
            ? policy
            : throw new ArgumentException($"Unknown profile \"{name}\"; expected one of: {string.Join(", ", Names)}.", nameof(name));
}
