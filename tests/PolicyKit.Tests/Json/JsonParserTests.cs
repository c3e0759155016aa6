using System.Linq;
using System.Text;
using PolicyKit.Json;

namespace PolicyKit.Tests.Json;

public sealed class JsonParserTests
{
    [Fact]
    public void Parses_nested_values_with_locations()
    {
        var result = JsonParser.Parse("{\n  \"a\": [1, true, null],\n  \"b\": { \"c\": \"x\" }\n}");

        Assert.True(result.Success);
        var root = result.Root!;
        Assert.Equal(JsonNodeKind.Object, root.Kind);
        var a = root.FindMember("a")!;
        Assert.Equal(2, a.KeyLine);
        Assert.Equal(3, a.KeyColumn);
        Assert.Equal(JsonNodeKind.Array, a.Value.Kind);
        Assert.Equal(2, a.Value.Line);
        Assert.Equal(8, a.Value.Column);
        Assert.Equal(3, a.Value.Items.Count);
        Assert.Equal(JsonNodeKind.True, a.Value.Items[1].Kind);
        var c = root.FindMember("b")!.Value.FindMember("c")!.Value;
        Assert.Equal("x", c.StringValue);
        Assert.Equal(3, c.Line);
        Assert.Equal(15, c.Column);
        Assert.Equal(3, c.Length);
    }

    [Fact]
    public void Reads_all_escapes_and_surrogate_pairs()
    {
        var result = JsonParser.Parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\uD842\\uDFB7 日本\"");

        Assert.True(result.Success);
        Assert.Equal("\" \\ / \b \f \n \r \t A 𠮷 日本", result.Root!.StringValue);
    }

    [Theory]
    [InlineData("\"\\uD842\"")]
    [InlineData("\"\\uDFB7\"")]
    [InlineData("\"\\uD842\\u0041\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12G4\"")]
    public void Rejects_bad_escapes(string text)
    {
        var result = JsonParser.Parse(text);

        Assert.Null(result.Root);
        Assert.Equal(JsonErrorKind.InvalidEscape, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Reports_duplicate_key_at_the_second_key_and_keeps_the_first()
    {
        var result = JsonParser.Parse("{\n  \"a\": 1,\n  \"a\": 2\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(JsonErrorKind.DuplicateKey, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal(3, error.Length);
        Assert.Equal(1, result.Root!.FindMember("a")!.Value.NumberValue);
    }

    [Fact]
    public void Reports_trailing_comma_in_object_and_array()
    {
        var result = JsonParser.Parse("{\"a\": [1, 2,], \"b\": 3,}");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(JsonErrorKind.TrailingComma, e.Kind));
        Assert.Equal(12, result.Errors[0].Column);
        Assert.Equal(22, result.Errors[1].Column);
        Assert.NotNull(result.Root);
    }

    [Fact]
    public void Reports_comments_but_allows_them_when_lenient()
    {
        const string text = "{\n  // note\n  \"a\": 1 /* block */\n}";

        var strict = JsonParser.Parse(text);
        var lenient = JsonParser.Parse(text, JsonParseOptions.Lenient);

        Assert.Equal(2, strict.Errors.Count);
        Assert.Equal(JsonErrorKind.Comment, strict.Errors[0].Kind);
        Assert.Equal(2, strict.Errors[0].Line);
        Assert.Equal(3, strict.Errors[0].Column);
        Assert.Equal(3, strict.Errors[1].Line);
        Assert.Equal(10, strict.Errors[1].Column);
        Assert.True(lenient.Success);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\uFEFF")]
    public void Reports_empty_text(string text)
    {
        var result = JsonParser.Parse(text);

        Assert.Null(result.Root);
        Assert.Equal(JsonErrorKind.Empty, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Rejects_text_over_four_mebibytes_without_parsing()
    {
        var text = "\"" + new string('a', 4 * 1024 * 1024) + "\"";

        var result = JsonParser.Parse(text);

        Assert.Null(result.Root);
        var error = Assert.Single(result.Errors);
        Assert.Equal(JsonErrorKind.TooLarge, error.Kind);
        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Counts_size_in_utf8_bytes()
    {
        var text = "\"" + new string('日', (4 * 1024 * 1024 / 3) + 1) + "\"";

        Assert.Equal(JsonErrorKind.TooLarge, Assert.Single(JsonParser.Parse(text).Errors).Kind);
    }

    [Fact]
    public void Accepts_depth_64_and_rejects_depth_65()
    {
        var ok = new string('[', 64) + new string(']', 64);
        var deep = new string('[', 65) + new string(']', 65);

        Assert.True(JsonParser.Parse(ok).Success);
        var error = Assert.Single(JsonParser.Parse(deep).Errors);
        Assert.Equal(JsonErrorKind.TooDeep, error.Kind);
        Assert.Equal(65, error.Column);
    }

    [Fact]
    public void Survives_very_deep_nesting_without_recursing()
    {
        var text = new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 100000));

        var result = JsonParser.Parse(text);

        Assert.Equal(JsonErrorKind.TooDeep, Assert.Single(result.Errors).Kind);
    }

    [Theory]
    [InlineData("01", "leading zeros")]
    [InlineData("1.", "decimal point")]
    [InlineData("-", "digit")]
    [InlineData("1e", "exponent")]
    [InlineData("+1", "expected a value")]
    [InlineData(".5", "expected a value")]
    public void Rejects_malformed_numbers(string text, string expected)
    {
        var error = Assert.Single(JsonParser.Parse(text).Errors);

        Assert.Equal(JsonErrorKind.Syntax, error.Kind);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Rejects_non_finite_numbers(string text)
    {
        Assert.Equal(JsonErrorKind.NumberOutOfRange, Assert.Single(JsonParser.Parse(text).Errors).Kind);
    }

    [Fact]
    public void Parses_numbers_with_invariant_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var node = JsonParser.Parse("[1.5, -2e3, 9007199254740993]").Root!;

            Assert.Equal(1.5, node.Items[0].NumberValue);
            Assert.Equal(-2000, node.Items[1].NumberValue);
            Assert.True(node.Items[2].TryGetInt64(out var big));
            Assert.Equal(9007199254740993, big);
            Assert.False(node.Items[0].TryGetInt64(out _));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Reports_missing_comma_with_line_and_column()
    {
        var error = Assert.Single(JsonParser.Parse("{\n  \"a\": 1\n  \"b\": 2\n}").Errors);

        Assert.Equal(JsonErrorKind.Syntax, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("expected ',' or '}'", error.Message);
    }

    [Fact]
    public void Reports_unterminated_string_and_control_characters()
    {
        Assert.Contains("Unterminated string", Assert.Single(JsonParser.Parse("\"abc").Errors).Message);
        Assert.Contains("Control character", Assert.Single(JsonParser.Parse("\"a\nb\"").Errors).Message);
    }

    [Fact]
    public void Reports_content_after_the_value()
    {
        var error = Assert.Single(JsonParser.Parse("{} x").Errors);

        Assert.Equal(4, error.Column);
        Assert.Contains("expected the end of the text", error.Message);
    }

    [Fact]
    public void Counts_lines_for_crlf_and_cr()
    {
        var error = Assert.Single(JsonParser.Parse("{\r\n\"a\": 1,\r\"b\" 2}").Errors);

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Rejects_unquoted_words_with_a_hint()
    {
        var error = Assert.Single(JsonParser.Parse("{\"a\": yes}").Errors);

        Assert.Contains("'yes'", error.Message);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Never_throws_on_arbitrary_prefixes_of_valid_json()
    {
        const string text = "{\"a\": [1, {\"b\": \"\\u00e9\\uD842\\uDFB7\"}, -1.5e3, true, null], \"c\": false}";
        for (var i = 0; i <= text.Length; i++)
        {
            var result = JsonParser.Parse(text.Substring(0, i));
            Assert.True(result.Root is not null || result.Errors.Count > 0);
        }

        Assert.True(JsonParser.Parse(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))).Success);
    }
}
