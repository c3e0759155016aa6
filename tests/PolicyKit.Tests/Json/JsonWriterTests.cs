using PolicyKit.Json;

namespace PolicyKit.Tests.Json;

public sealed class JsonWriterTests
{
    [Fact]
    public void Writes_stable_layout()
    {
        var writer = new JsonWriter();
        writer.StartObject();
        writer.WriteName("a");
        writer.WriteNumber(1);
        writer.WriteName("list");
        writer.StartArray(inline: true);
        writer.WriteString("x");
        writer.WriteString("y");
        writer.EndArray();
        writer.WriteName("empty");
        writer.StartObject();
        writer.EndObject();
        writer.WriteName("o");
        writer.StartObject();
        writer.WriteName("b");
        writer.WriteBoolean(true);
        writer.EndObject();
        writer.EndObject();

        Assert.Equal("{\n  \"a\": 1,\n  \"list\": [\"x\", \"y\"],\n  \"empty\": {},\n  \"o\": {\n    \"b\": true\n  }\n}\n", writer.ToString());
    }

    [Fact]
    public void Escapes_only_what_json_requires_and_round_trips()
    {
        const string value = "quote\" back\\ tab\t nul\0 日本 𠮷";
        var writer = new JsonWriter();
        writer.WriteString(value);

        var text = writer.ToString();

        Assert.Equal("\"quote\\\" back\\\\ tab\\t nul\\u0000 日本 𠮷\"\n", text);
        Assert.Equal(value, JsonParser.Parse(text).Root!.StringValue);
    }
}
