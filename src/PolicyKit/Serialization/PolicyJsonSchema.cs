using PolicyKit.Json;

namespace PolicyKit;

/// <summary>Generates schema/policykit.schema.json (JSON Schema draft 2020-12, for editors) from <see cref="PolicySchema"/>,
/// so that the editor schema and the reader cannot drift apart.</summary>
internal static class PolicyJsonSchema
{
    public static string Generate()
    {
        var w = new JsonWriter();
        w.StartObject();
        w.WriteName("$schema");
        w.WriteString("https://json-schema.org/draft/2020-12/schema");
        w.WriteName("$id");
        w.WriteString("https://policykit.dev/schema/policykit.schema.json");
        w.WriteName("title");
        w.WriteString("policykit.json");
        w.WriteName("description");
        w.WriteString("An organisation's security policy as data (PolicyKit schema version " + PolicyKitInfo.SchemaVersion + "). A missing value means the adopter has not decided. Any scalar may be written as { \"value\": …, \"source\": \"<clause>\" }.");
        Section(w, string.Empty);
        w.EndObject();
        return w.ToString();
    }

    private static void Section(JsonWriter w, string section)
    {
        w.WriteName("type");
        w.WriteString("object");
        w.WriteName("additionalProperties");
        w.WriteBoolean(false);
        w.WriteName("properties");
        w.StartObject();
        foreach (var key in PolicySchema.KeysOf(section))
        {
            var path = section.Length == 0 ? key : section + "." + key;
            w.WriteName(key);
            w.StartObject();
            if (PolicySchema.ByPath.TryGetValue(path, out var setting))
            {
                Setting(w, setting, wrappable: true);
            }
            else
            {
                Section(w, path);
            }

            w.EndObject();
        }

        w.EndObject();
    }

    private static void Setting(JsonWriter w, Setting setting, bool wrappable)
    {
        if (!wrappable || setting.Kind is SettingKind.IntegerMap or SettingKind.TextMap)
        {
            Base(w, setting);
            return;
        }

        w.WriteName("anyOf");
        w.StartArray(inline: false);
        w.StartObject();
        Base(w, setting);
        w.EndObject();
        w.StartObject();
        w.WriteName("type");
        w.WriteString("object");
        w.WriteName("additionalProperties");
        w.WriteBoolean(false);
        w.WriteName("required");
        w.StartArray(inline: true);
        w.WriteString("value");
        w.EndArray();
        w.WriteName("properties");
        w.StartObject();
        w.WriteName("value");
        w.StartObject();
        Base(w, setting);
        w.EndObject();
        w.WriteName("source");
        TypeOnly(w, "string");
        w.WriteName("profile");
        TypeOnly(w, "string");
        w.EndObject();
        w.EndObject();
        w.StartObject();
        w.WriteName("type");
        w.WriteString("null");
        w.EndObject();
        w.EndArray();
    }

    private static void Base(JsonWriter w, Setting setting)
    {
        switch (setting.Kind)
        {
            case SettingKind.Integer:
                w.WriteName("type");
                w.WriteString("integer");
                w.WriteName("minimum");
                w.WriteNumber(setting.Minimum);
                w.WriteName("maximum");
                w.WriteNumber(setting.Maximum);
                break;
            case SettingKind.Boolean:
                w.WriteName("type");
                w.WriteString("boolean");
                break;
            case SettingKind.Text:
                w.WriteName("type");
                w.WriteString("string");
                break;
            case SettingKind.Choice:
                Enum(w, setting.Choices!);
                break;
            case SettingKind.TextList:
            case SettingKind.ChoiceList:
                w.WriteName("type");
                w.WriteString("array");
                w.WriteName("uniqueItems");
                w.WriteBoolean(true);
                w.WriteName("items");
                w.StartObject();
                if (setting.Choices is null)
                {
                    w.WriteName("type");
                    w.WriteString("string");
                }
                else
                {
                    Enum(w, setting.Choices);
                }

                w.EndObject();
                break;
            case SettingKind.IntegerMap:
                w.WriteName("type");
                w.WriteString("object");
                w.WriteName("additionalProperties");
                w.StartObject();
                Setting(w, new Setting(setting.Path, SettingKind.Integer, Strictness.None, _ => null, (o, _) => o) { Minimum = setting.Minimum, Maximum = setting.Maximum }, wrappable: true);
                w.EndObject();
                break;
            case SettingKind.TextMap:
                w.WriteName("type");
                w.WriteString("object");
                w.WriteName("additionalProperties");
                TypeOnly(w, "string");
                break;
            default:
                w.WriteName("type");
                w.WriteString("array");
                w.WriteName("items");
                w.StartObject();
                Item(w, setting.Item!);
                w.EndObject();
                break;
        }
    }

    private static void Item(JsonWriter w, ItemSchema item)
    {
        w.WriteName("type");
        w.WriteString("object");
        w.WriteName("additionalProperties");
        w.WriteBoolean(false);
        w.WriteName("required");
        w.StartArray(inline: true);
        foreach (var field in item.Fields)
        {
            if (field.Required)
            {
                w.WriteString(field.Key);
            }
        }

        w.EndArray();
        w.WriteName("properties");
        w.StartObject();
        foreach (var field in item.Fields)
        {
            w.WriteName(field.Key);
            w.StartObject();
            Setting(w, field, wrappable: true);
            w.EndObject();
        }

        if (item.GetSource is not null)
        {
            w.WriteName("source");
            TypeOnly(w, "string");
            w.WriteName("profile");
            TypeOnly(w, "string");
        }

        w.EndObject();
    }

    private static void Enum(JsonWriter w, string[] choices)
    {
        w.WriteName("enum");
        w.StartArray(inline: true);
        foreach (var choice in choices)
        {
            w.WriteString(choice);
        }

        w.EndArray();
    }

    private static void TypeOnly(JsonWriter w, string type)
    {
        w.StartObject();
        w.WriteName("type");
        w.WriteString(type);
        w.EndObject();
    }
}
