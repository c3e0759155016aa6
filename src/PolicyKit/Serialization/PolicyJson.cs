using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using PolicyKit.Json;

namespace PolicyKit;

/// <summary>Reads and writes policykit.json (see docs/policykit-json.md). Content errors are returned, never thrown.</summary>
public static partial class PolicyJson
{
    /// <summary>Reads policykit.json text, composing its <c>profiles</c> from the embedded <see cref="Profiles"/>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="path">The file path, put into error locations.</param>
    /// <returns>The effective and declared policy, errors, conflicts and hash.</returns>
    public static PolicyLoadResult Parse(string text, string? path = null) => Parse(text, path, Profiles.GetText);

    /// <summary>Reads policykit.json text, resolving profile names with <paramref name="profiles"/>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="path">The file path, put into error locations.</param>
    /// <param name="profiles">Returns the JSON text of a profile by name, or <see langword="null"/> when unknown.</param>
    /// <returns>The effective and declared policy, errors, conflicts and hash.</returns>
    public static PolicyLoadResult Parse(string text, string? path, Func<string, string?> profiles)
    {
        text ??= string.Empty;
        var errors = new List<PolicyError>();
        var parsed = JsonParser.Parse(text);
        foreach (var error in parsed.Errors)
        {
            errors.Add(new PolicyError(JsonPathOf(parsed.Root, text, error), KindOf(error.Kind), error.Message, null, new PolicyLocation(error.Offset, error.Length, error.Line, error.Column, path)));
        }

        if (parsed.Root is null)
        {
            return new PolicyLoadResult(null, null, errors, Array.Empty<PolicyConflict>(), Sha256(text));
        }

        var reader = new PolicyReader(path, null, errors);
        var declared = reader.Read(parsed.Root);
        var effective = declared;
        if (declared.Profiles.Count > 0)
        {
            var sets = new List<PolicySet>();
            for (var i = 0; i < declared.Profiles.Count; i++)
            {
                var name = declared.Profiles[i];
                var at = reader.Locations.TryGetValue("profiles", out var location) ? location : PolicyLocation.FileStart(path);
                var profileText = SafeResolve(profiles, name);
                if (profileText is null)
                {
                    errors.Add(new PolicyError($"profiles[{i}]", PolicyErrorKind.UnknownProfile, $"Unknown profile \"{name}\"; expected one of: {string.Join(", ", Profiles.Names)}.", null, at));
                    continue;
                }

                var profileErrors = new List<PolicyError>();
                sets.Add(ReadProfile(profileText, name, profileErrors));
                foreach (var error in profileErrors)
                {
                    errors.Add(new PolicyError($"profiles[{i}]", error.Kind, $"Profile \"{name}\" at {error.JsonPath}: {error.Message}", error.Clause, at));
                }
            }

            effective = PolicySet.Compose(sets.ToArray()).OverrideWith(declared);
        }

        foreach (var error in effective.Validate())
        {
            errors.Add(error with { Location = NearestLocation(reader.Locations, error.JsonPath) ?? PolicyLocation.FileStart(path) });
        }

        return new PolicyLoadResult(effective, declared, errors, effective.Conflicts, Hash(declared));
    }

    /// <summary>Writes the canonical form of a policy: fixed key order, stable formatting, provenance kept.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>JSON text ending with a newline.</returns>
    public static string Write(PolicySet policy) => PolicyWriter.Write(policy ?? PolicySet.Empty);

    /// <summary>The lower-case hex SHA-256 of the UTF-8 canonical form of a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>64 hex digits.</returns>
    public static string Hash(PolicySet policy) => Sha256(Write(policy));

    /// <summary>Reads a profile's text; its values get the profile's name as provenance.</summary>
    internal static PolicySet ReadProfile(string text, string name, List<PolicyError> errors)
    {
        var parsed = JsonParser.Parse(text);
        foreach (var error in parsed.Errors)
        {
            errors.Add(new PolicyError(JsonPathOf(parsed.Root, text, error), KindOf(error.Kind), error.Message, null, new PolicyLocation(error.Offset, error.Length, error.Line, error.Column, name)));
        }

        return parsed.Root is null ? PolicySet.Empty : new PolicyReader(name, name, errors).Read(parsed.Root);
    }

    private static string? SafeResolve(Func<string, string?> profiles, string name) => profiles is null ? null : profiles(name);

    private static PolicyLocation? NearestLocation(Dictionary<string, PolicyLocation> locations, string path)
    {
        while (path.Length > 0)
        {
            if (locations.TryGetValue(path, out var location))
            {
                return location;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path.Substring(0, cut) : string.Empty;
        }

        return locations.TryGetValue("$", out var root) ? root : null;
    }

    private static PolicyErrorKind KindOf(JsonErrorKind kind) => kind switch
    {
        JsonErrorKind.DuplicateKey => PolicyErrorKind.Duplicate,
        JsonErrorKind.TooDeep => PolicyErrorKind.TooDeep,
        JsonErrorKind.TooLarge => PolicyErrorKind.TooLarge,
        JsonErrorKind.NumberOutOfRange => PolicyErrorKind.OutOfRange,
        _ => PolicyErrorKind.Syntax,
    };

    /// <summary>The JSON path of the innermost value around a JSON error (a duplicated key names itself).</summary>
    private static string JsonPathOf(JsonNode? root, string text, JsonError error)
    {
        if (root is null)
        {
            return "$";
        }

        var path = string.Empty;
        var node = root;
        for (var depth = 0; depth < 128; depth++)
        {
            JsonNode? next = null;
            string? step = null;
            foreach (var member in node.Members)
            {
                if (Contains(member.Value, error.Offset))
                {
                    next = member.Value;
                    step = (path.Length == 0 ? string.Empty : ".") + member.Key;
                    break;
                }
            }

            for (var i = 0; next is null && i < node.Items.Count; i++)
            {
                if (Contains(node.Items[i], error.Offset))
                {
                    next = node.Items[i];
                    step = "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                }
            }

            if (next is null)
            {
                break;
            }

            path += step;
            node = next;
        }

        if (error.Kind == JsonErrorKind.DuplicateKey && error.Offset + error.Length <= text.Length)
        {
            var key = JsonParser.Parse(text.Substring(error.Offset, error.Length)).Root?.StringValue;
            if (key is not null)
            {
                path += (path.Length == 0 ? string.Empty : ".") + key;
            }
        }

        return path.Length == 0 ? "$" : path;
    }

    private static bool Contains(JsonNode node, int offset) => offset >= node.Start && offset < node.Start + node.Length;

    private static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
