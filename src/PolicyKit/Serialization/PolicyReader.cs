using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyKit.Json;

namespace PolicyKit;

/// <summary>Turns a parsed policykit.json tree into a <see cref="PolicySet"/>, reporting every unknown key, wrong type
/// and out-of-range value with its JSON path and location. Never throws on content.</summary>
internal sealed class PolicyReader
{
    private readonly string? filePath;
    private readonly string? profileName;
    private readonly List<PolicyError> errors;
    private readonly Dictionary<string, Provenance> sources = new(StringComparer.Ordinal);

    public PolicyReader(string? filePath, string? profileName, List<PolicyError> errors)
    {
        this.filePath = filePath;
        this.profileName = profileName;
        this.errors = errors;
    }

    /// <summary>Locations of every object and value read, by JSON path (<c>$</c> for the root).</summary>
    public Dictionary<string, PolicyLocation> Locations { get; } = new(StringComparer.Ordinal);

    public PolicySet Read(JsonNode root)
    {
        Locations["$"] = At(root);
        if (root.Kind != JsonNodeKind.Object)
        {
            Error("$", PolicyErrorKind.WrongType, $"Found {root.Describe()}; expected an object at the top of policykit.json.", root);
            return PolicySet.Empty;
        }

        object policy = PolicySet.Empty;
        ReadSection(root, string.Empty, ref policy);
        var result = ((PolicySet)policy) with { Sources = sources };
        if (result.TimeZoneOffset is { } text && PolicySchema.TryParseOffset(text, out var offset) && result.Waivers.Count > 0)
        {
            var waivers = new List<Waiver>(result.Waivers.Count);
            foreach (var waiver in result.Waivers)
            {
                waivers.Add(waiver with { ExpiryOffset = offset });
            }

            result = result with { Waivers = waivers };
        }

        return result;
    }

    private void ReadSection(JsonNode node, string section, ref object policy)
    {
        foreach (var member in node.Members)
        {
            var path = section.Length == 0 ? member.Key : section + "." + member.Key;
            if (PolicySchema.ByPath.TryGetValue(path, out var setting))
            {
                Locations[path] = At(member.Value);
                var value = ReadValue(setting, member.Value, path, sources);
                if (value is not null)
                {
                    policy = setting.Set(policy, value);
                }
            }
            else if (PolicySchema.Sections.Contains(path))
            {
                Locations[path] = At(member.Value);
                if (member.Value.Kind == JsonNodeKind.Object)
                {
                    ReadSection(member.Value, path, ref policy);
                }
                else if (member.Value.Kind != JsonNodeKind.Null)
                {
                    Error(path, PolicyErrorKind.WrongType, $"Found {member.Value.Describe()}; expected an object with the keys {string.Join(", ", PolicySchema.KeysOf(path))}.", member.Value);
                }
            }
            else
            {
                UnknownKey(path, member, section.Length == 0 ? "the top level" : "'" + section + "'", PolicySchema.KeysOf(section));
            }
        }
    }

    /// <summary>Reads one value (unwrapping <c>{ "value": …, "source": … }</c>); records its provenance under
    /// <paramref name="path"/> in <paramref name="into"/>. Returns <see langword="null"/> for JSON null or an error.</summary>
    private object? ReadValue(Setting setting, JsonNode node, string path, Dictionary<string, Provenance>? into)
    {
        Provenance? provenance = null;
        if (node.Kind == JsonNodeKind.Object && setting.Kind != SettingKind.IntegerMap && setting.Kind != SettingKind.TextMap)
        {
            var unwrapped = Unwrap(node, path, out provenance);
            if (unwrapped is null)
            {
                return null;
            }

            node = unwrapped;
        }

        if (node.Kind == JsonNodeKind.Null)
        {
            return null;
        }

        var value = setting.Kind switch
        {
            SettingKind.Integer => ReadInteger(setting, node, path),
            SettingKind.Boolean => node.Kind is JsonNodeKind.True or JsonNodeKind.False ? node.BooleanValue : WrongType(path, node, "true or false"),
            SettingKind.Text => ReadText(setting, node, path),
            SettingKind.Choice => ReadChoice(setting, node, path),
            SettingKind.TextList or SettingKind.ChoiceList => ReadList(setting, node, path),
            SettingKind.IntegerMap => ReadIntegerMap(setting, node, path, into),
            SettingKind.TextMap => ReadTextMap(node, path),
            _ => ReadItems(setting, node, path),
        };

        if (value is not null && into is not null && setting.Kind != SettingKind.IntegerMap)
        {
            var source = provenance ?? DefaultProvenance();
            if (!source.IsAdopter || source.Profile is not null)
            {
                into[path] = source;
            }
        }

        return value;
    }

    private Provenance DefaultProvenance() => profileName is null ? Provenance.Adopter : new Provenance(profileName, profileName);

    private JsonNode? Unwrap(JsonNode node, string path, out Provenance? provenance)
    {
        provenance = null;
        JsonNode? value = null;
        string? source = null, profile = null;
        foreach (var member in node.Members)
        {
            switch (member.Key)
            {
                case "value":
                    value = member.Value;
                    break;
                case "source":
                    source = ReadPlainText(member.Value, path + ".source");
                    break;
                case "profile":
                    profile = ReadPlainText(member.Value, path + ".profile");
                    break;
                default:
                    UnknownKey(path + "." + member.Key, member, "a value with provenance", new[] { "value", "source", "profile" });
                    break;
            }
        }

        if (value is null)
        {
            Error(path, PolicyErrorKind.Missing, "Found an object without \"value\"; expected a plain value or { \"value\": …, \"source\": \"<clause>\" }.", node);
            return null;
        }

        provenance = new Provenance(source ?? (profileName ?? Provenance.AdopterSource), profile ?? profileName);
        return value;
    }

    private string? ReadPlainText(JsonNode node, string path) =>
        node.Kind == JsonNodeKind.String ? node.StringValue : (string?)WrongType(path, node, "a string");

    private object? ReadInteger(Setting setting, JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.Number)
        {
            return WrongType(path, node, "an integer");
        }

        if (!node.TryGetInt64(out var value))
        {
            if (node.NumberText is { } huge && double.TryParse(huge, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsInfinity(parsed))
            {
                return null;   // the JSON reader has already reported 1e999 at this spot: one error, not two
            }

            if (node.NumberText is { } text && text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0)
            {
                return WrongType(path, node, "an integer (no fraction or exponent)");
            }

            return OutOfRange(path, node, $"Found {node.NumberText}; expected an integer from {N(setting.Minimum)} to {N(setting.Maximum)}.");
        }

        if (value < setting.Minimum || value > setting.Maximum)
        {
            return OutOfRange(path, node, $"Found {N(value)}; expected an integer from {N(setting.Minimum)} to {N(setting.Maximum)}.");
        }

        return (int)value;
    }

    private object? ReadText(Setting setting, JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.String)
        {
            return WrongType(path, node, "a string");
        }

        var expected = setting.Check?.Invoke(node.StringValue!);
        return expected is null ? node.StringValue : OutOfRange(path, node, $"Found \"{node.StringValue}\"; expected {expected}.");
    }

    private object? ReadChoice(Setting setting, JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.String)
        {
            return WrongType(path, node, "one of " + Quote(setting.Choices!));
        }

        var choice = FindChoice(setting.Choices!, node.StringValue!);
        return choice ?? OutOfRange(path, node, $"Found \"{node.StringValue}\"; expected one of {Quote(setting.Choices!)}.");
    }

    private object? ReadList(Setting setting, JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.Array)
        {
            return WrongType(path, node, "an array of strings");
        }

        var list = new List<string>(node.Items.Count);
        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            var itemPath = path + "[" + N(i) + "]";
            if (item.Kind != JsonNodeKind.String)
            {
                WrongType(itemPath, item, "a string");
                continue;
            }

            var text = item.StringValue!;
            if (setting.Choices is not null)
            {
                var choice = FindChoice(setting.Choices, text);
                if (choice is null)
                {
                    OutOfRange(itemPath, item, $"Found \"{text}\"; expected one of {Quote(setting.Choices)}.");
                    continue;
                }

                text = choice;
            }

            if (ContainsSame(list, text, setting.Algorithms))
            {
                Error(itemPath, PolicyErrorKind.Duplicate, $"\"{text}\" is listed more than once; expected each entry once.", item);
                continue;
            }

            list.Add(text);
        }

        return list;
    }

    private object? ReadIntegerMap(Setting setting, JsonNode node, string path, Dictionary<string, Provenance>? into)
    {
        if (node.Kind != JsonNodeKind.Object)
        {
            return WrongType(path, node, "an object of integers, such as { \"RSA\": 2048 }");
        }

        var map = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var entry = new Setting(path, SettingKind.Integer, setting.Strictness, _ => null, (o, _) => o) { Minimum = setting.Minimum, Maximum = setting.Maximum };
        foreach (var member in node.Members)
        {
            var entryPath = path + "." + member.Key;
            Locations[entryPath] = At(member.Value);
            if (ReadValue(entry, member.Value, entryPath, into) is int value)
            {
                map[member.Key] = value;
            }
        }

        return map;
    }

    private object? ReadTextMap(JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.Object)
        {
            return WrongType(path, node, "an object of strings");
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (ReadPlainText(member.Value, path + "." + member.Key) is { } text)
            {
                map[member.Key] = text;
            }
        }

        return map;
    }

    private object? ReadItems(Setting setting, JsonNode node, string path)
    {
        if (node.Kind != JsonNodeKind.Array)
        {
            return WrongType(path, node, "an array of objects");
        }

        var schema = setting.Item!;
        var items = new List<object>(node.Items.Count);
        var keys = new List<string>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            var itemNode = node.Items[i];
            var itemPath = path + "[" + N(i) + "]";
            Locations[itemPath] = At(itemNode);
            if (itemNode.Kind != JsonNodeKind.Object)
            {
                WrongType(itemPath, itemNode, "an object");
                continue;
            }

            var item = ReadItem(schema, itemNode, itemPath);
            if (item is null)
            {
                continue;
            }

            if (schema.KeyField.Length > 0 && schema.Find(schema.KeyField)!.Get(item) is string key)
            {
                if (keys.Contains(key))
                {
                    Error(itemPath, PolicyErrorKind.Duplicate, $"Another entry already has {schema.KeyField} \"{key}\"; expected each {schema.KeyField} once.", itemNode);
                    continue;
                }

                keys.Add(key);
            }

            items.Add(item);
        }

        return items;
    }

    private object? ReadItem(ItemSchema schema, JsonNode node, string path)
    {
        var item = schema.Create();
        Provenance? itemSource = null;
        string? source = null, profile = null;
        var fieldSources = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        var ok = true;
        foreach (var member in node.Members)
        {
            var fieldPath = path + "." + member.Key;
            var field = schema.Find(member.Key);
            if (field is not null)
            {
                var before = errors.Count;
                var value = ReadValue(field, member.Value, fieldPath, fieldSources);
                ok &= errors.Count == before;
                if (value is not null)
                {
                    item = field.Set(item, value);
                }
            }
            else if (schema.GetSource is not null && member.Key == "source")
            {
                source = ReadPlainText(member.Value, fieldPath);
            }
            else if (schema.GetSource is not null && member.Key == "profile")
            {
                profile = ReadPlainText(member.Value, fieldPath);
            }
            else
            {
                var keys = new List<string>();
                foreach (var f in schema.Fields)
                {
                    keys.Add(f.Key);
                }

                if (schema.GetSource is not null)
                {
                    keys.Add("source");
                    keys.Add("profile");
                }

                UnknownKey(fieldPath, member, "'" + path + "'", keys);
            }
        }

        foreach (var field in schema.Fields)
        {
            if (field.Required && field.Get(item) is null && node.FindMember(field.Key) is null)
            {
                Error(path + "." + field.Key, PolicyErrorKind.Missing, $"\"{field.Key}\" is required in each entry of '{TrimIndex(path)}'.", node);
                ok = false;
            }
        }

        if (schema.SetSource is not null)
        {
            if (source is not null || profile is not null)
            {
                itemSource = new Provenance(source ?? profileName ?? Provenance.AdopterSource, profile ?? profileName);
            }
            else
            {
                foreach (var pair in fieldSources)
                {
                    itemSource = pair.Value;
                    break;
                }
            }

            item = schema.SetSource(item, itemSource ?? DefaultProvenance());
        }

        return ok || schema.KeyField.Length > 0 ? item : null;
    }

    private static string TrimIndex(string path)
    {
        var bracket = path.LastIndexOf('[');
        return bracket > 0 ? path.Substring(0, bracket) : path;
    }

    private static string? FindChoice(string[] choices, string text)
    {
        foreach (var choice in choices)
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        return null;
    }

    private static bool ContainsSame(List<string> list, string text, bool algorithms)
    {
        foreach (var entry in list)
        {
            if (algorithms ? AlgorithmNames.AreSame(entry, text) : string.Equals(entry, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void UnknownKey(string path, JsonMember member, string where, IReadOnlyList<string> expected)
    {
        var location = new PolicyLocation(member.KeyStart, member.KeyLength, member.KeyLine, member.KeyColumn, filePath);
        errors.Add(new PolicyError(path, PolicyErrorKind.UnknownKey, $"Unknown key \"{member.Key}\" in {where}; expected one of: {string.Join(", ", expected)}.", null, location));
    }

    private object? WrongType(string path, JsonNode node, string expected)
    {
        Error(path, PolicyErrorKind.WrongType, $"Found {node.Describe()}; expected {expected}.", node);
        return null;
    }

    private object? OutOfRange(string path, JsonNode node, string message)
    {
        Error(path, PolicyErrorKind.OutOfRange, message, node);
        return null;
    }

    private void Error(string path, PolicyErrorKind kind, string message, JsonNode node) =>
        errors.Add(new PolicyError(path, kind, message, null, At(node)));

    private PolicyLocation At(JsonNode node) => new(node.Start, node.Length, node.Line, node.Column, filePath);

    private static string Quote(string[] choices) => "\"" + string.Join("\", \"", choices) + "\"";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
