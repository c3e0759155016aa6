using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicyKit.Json;

namespace PolicyKit;

/// <summary>Writes a <see cref="PolicySet"/> in the canonical form: keys in the order of <see cref="PolicySchema"/>,
/// map keys sorted (ordinal), unset values and empty sections left out, provenance written as
/// <c>{ "value": …, "source": … }</c>, two-space indentation, <c>\n</c> line ends.</summary>
internal static class PolicyWriter
{
    public static string Write(PolicySet policy)
    {
        var writer = new JsonWriter();
        writer.StartObject();
        WriteSection(writer, policy, string.Empty);
        writer.EndObject();
        return writer.ToString();
    }

    /// <summary>A value in compact JSON, for messages and conflicts.</summary>
    public static string Render(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case bool b:
                return b ? "true" : "false";
            case int i:
                return i.ToString(CultureInfo.InvariantCulture);
            case string s:
                var builder = new StringBuilder();
                JsonWriter.AppendString(builder, s);
                return builder.ToString();
            case IReadOnlyList<string> list:
                var parts = new List<string>();
                foreach (var item in list)
                {
                    parts.Add(Render(item));
                }

                return "[" + string.Join(", ", parts) + "]";
            default:
                return value.ToString() ?? string.Empty;
        }
    }

    private static void WriteSection(JsonWriter writer, PolicySet policy, string section)
    {
        foreach (var key in PolicySchema.KeysOf(section))
        {
            var path = section.Length == 0 ? key : section + "." + key;
            if (PolicySchema.ByPath.TryGetValue(path, out var setting))
            {
                var value = setting.Get(policy);
                if (value is not null)
                {
                    writer.WriteName(key);
                    WriteValue(writer, setting, value, policy.Sources, path);
                }
            }
            else if (HasContent(policy, path))
            {
                writer.WriteName(key);
                writer.StartObject();
                WriteSection(writer, policy, path);
                writer.EndObject();
            }
        }
    }

    private static bool HasContent(PolicySet policy, string section)
    {
        foreach (var setting in PolicySchema.Settings)
        {
            if (setting.Path.StartsWith(section + ".", StringComparison.Ordinal) && setting.Get(policy) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteValue(JsonWriter writer, Setting setting, object value, IReadOnlyDictionary<string, Provenance>? sources, string path)
    {
        Provenance source = default;
        var wrapped = setting.Kind != SettingKind.IntegerMap && setting.Kind != SettingKind.TextMap
            && sources is not null && sources.TryGetValue(path, out source) && (!source.IsAdopter || source.Profile is not null);
        if (wrapped)
        {
            writer.StartObject();
            writer.WriteName("value");
        }

        switch (value)
        {
            case int i:
                writer.WriteNumber(i);
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case string s:
                writer.WriteString(s);
                break;
            case IReadOnlyList<string> list:
                writer.StartArray(inline: true);
                foreach (var item in list)
                {
                    writer.WriteString(item);
                }

                writer.EndArray();
                break;
            case IReadOnlyDictionary<string, int> map:
                writer.StartObject();
                foreach (var key in SortedKeys(map.Keys))
                {
                    writer.WriteName(key);
                    var entry = new Setting(path + "." + key, SettingKind.Integer, Strictness.None, _ => null, (o, _) => o);
                    WriteValue(writer, entry, map[key], sources, path + "." + key);
                }

                writer.EndObject();
                break;
            case IReadOnlyDictionary<string, string> textMap:
                writer.StartObject();
                foreach (var key in SortedKeys(textMap.Keys))
                {
                    writer.WriteName(key);
                    writer.WriteString(textMap[key]);
                }

                writer.EndObject();
                break;
            case System.Collections.IEnumerable items when setting.Item is not null:
                writer.StartArray(inline: false);
                foreach (var item in items)
                {
                    WriteItem(writer, setting.Item, item);
                }

                writer.EndArray();
                break;
        }

        if (wrapped)
        {
            writer.WriteName("source");
            writer.WriteString(source.Source);
            if (source.Profile is not null)
            {
                writer.WriteName("profile");
                writer.WriteString(source.Profile);
            }

            writer.EndObject();
        }
    }

    private static void WriteItem(JsonWriter writer, ItemSchema schema, object item)
    {
        writer.StartObject();
        foreach (var field in schema.Fields)
        {
            var value = field.Get(item);
            if (value is not null)
            {
                writer.WriteName(field.Key);
                WriteValue(writer, field, value, null, field.Key);
            }
        }

        if (schema.GetSource is not null && schema.GetSource(item) is var source && (!source.IsAdopter || source.Profile is not null))
        {
            writer.WriteName("source");
            writer.WriteString(source.Source);
            if (source.Profile is not null)
            {
                writer.WriteName("profile");
                writer.WriteString(source.Profile);
            }
        }

        writer.EndObject();
    }

    private static List<string> SortedKeys(IEnumerable<string> keys)
    {
        var list = new List<string>(keys);
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
