using System;
using System.Linq;
using System.Text;

namespace PolicyKit.Tests.Serialization;

/// <summary>
/// A policykit.json can come from anyone (a vendor's delivery root, a pull request): every hostile or odd file gives a
/// clear error with its JSON path, line and column, within the documented limits (docs/policykit-json.md, SECURITY.md).
/// </summary>
public sealed class PolicyFileSafetyTests
{
    [Fact]
    public void Reports_a_file_of_eight_mebibytes_at_line_one_without_parsing_it()
    {
        var text = "{ \"waivers\": [" + string.Join(",", Enumerable.Repeat("{ \"rule\": \"PK1001\" }", 8 * 1024 * 1024 / 20)) + "] }";

        var result = Fixtures.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.TooLarge, error.Kind);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal((1, 1), (error.Location!.Line, error.Location.Column));
        Assert.Contains("4194304 bytes", error.Message);
        Assert.Null(result.Policy);
    }

    [Fact]
    public void Counts_the_limit_in_utf8_bytes_so_japanese_text_cannot_slip_past_it()
    {
        // 1.5 Mi characters of three UTF-8 bytes each: under 4 Mi characters, over 4 MiB.
        var text = "{ \"name\": \"" + new string('日', 1536 * 1024) + "\" }";

        Assert.Equal(PolicyErrorKind.TooLarge, Assert.Single(Fixtures.Parse(text).Errors).Kind);
    }

    [Fact]
    public void Reports_objects_nested_past_depth_64_at_the_first_level_too_deep()
    {
        var text = new StringBuilder("{\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(' ', i + 2).Append("\"a\": {\n");
        }

        text.Append(new string('}', 101));

        var error = Assert.Single(Fixtures.Parse(text.ToString()).Errors);

        Assert.Equal(PolicyErrorKind.TooDeep, error.Kind);
        Assert.Equal(65, error.Location!.Line);
        Assert.Equal(71, error.Location.Column);
        Assert.Contains("64", error.Message);
    }

    [Fact]
    public void Survives_a_million_open_brackets()
    {
        var error = Assert.Single(Fixtures.Parse(new string('[', 1_000_000)).Errors);

        Assert.Equal(PolicyErrorKind.TooDeep, error.Kind);
        Assert.Equal(65, error.Location!.Column);
    }

    [Fact]
    public void Reports_a_duplicated_section_at_its_second_occurrence_and_keeps_the_first()
    {
        var result = Fixtures.Parse("{\n  \"session\": { \"idleTimeoutMinutes\": 15 },\n  \"session\": { \"idleTimeoutMinutes\": 600 }\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.Duplicate, error.Kind);
        Assert.Equal("session", error.JsonPath);
        Assert.Equal((3, 3), (error.Location!.Line, error.Location.Column));
        Assert.Equal(15, result.Policy!.Session.IdleTimeoutMinutes);
    }

    [Fact]
    public void Reports_a_duplicated_key_inside_a_waiver()
    {
        var result = Fixtures.Parse("""
            { "waivers": [ { "rule": "PK1001", "justification": "legacy", "approver": "CISO",
                             "expires": "2027-03-31", "expires": "2099-12-31" } ] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.Duplicate, error.Kind);
        Assert.Equal("waivers[0].expires", error.JsonPath);
        Assert.Equal((2, 43), (error.Location!.Line, error.Location.Column));
        Assert.Equal("2027-03-31", result.Policy!.Waivers[0].Expires);
    }

    [Theory]
    [InlineData("{ \"password\": { \"minimumLength\": 2147483648 } }", "password.minimumLength", 34, "Found 2147483648; expected an integer from 1 to 4096.")]
    [InlineData("{ \"password\": { \"minimumLength\": -2147483649 } }", "password.minimumLength", 34, "expected an integer from 1 to 4096")]
    [InlineData("{ \"password\": { \"minimumLength\": 18446744073709551616 } }", "password.minimumLength", 34, "Found 18446744073709551616; expected an integer")]
    [InlineData("{ \"session\": { \"idleTimeoutMinutes\": -5 } }", "session.idleTimeoutMinutes", 38, "Found -5; expected an integer from 1")]
    [InlineData("{ \"password\": { \"lockout\": { \"durationMinutes\": -1 } } }", "password.lockout.durationMinutes", 49, "Found -1; expected an integer from")]
    [InlineData("{ \"audit\": { \"logRetentionDays\": 0 } }", "audit.logRetentionDays", 34, "Found 0; expected an integer from 1")]
    public void Reports_integers_out_of_range_and_negative_durations_at_the_value(string text, string path, int column, string message)
    {
        var error = Assert.Single(Fixtures.Parse(text).Errors);

        Assert.Equal(PolicyErrorKind.OutOfRange, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal((1, column), (error.Location!.Line, error.Location.Column));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("{ \"password\": { \"minimumLength\": NaN } }", PolicyErrorKind.OutOfRange)]
    [InlineData("{ \"password\": { \"minimumLength\": Infinity } }", PolicyErrorKind.OutOfRange)]
    [InlineData("{ \"password\": { \"minimumLength\": -Infinity } }", PolicyErrorKind.Syntax)]
    [InlineData("{ \"password\": { \"minimumLength\": 1e999 } }", PolicyErrorKind.OutOfRange)]
    [InlineData("{ \"password\": { \"minimumLength\": 0x10 } }", PolicyErrorKind.Syntax)]
    [InlineData("{ \"password\": { \"minimumLength\": 1e2 } }", PolicyErrorKind.WrongType)]
    public void Reports_nan_infinity_and_other_non_json_numbers_at_the_value(string text, PolicyErrorKind kind)
    {
        var error = Assert.Single(Fixtures.Parse(text).Errors);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(1, error.Location!.Line);
        Assert.InRange(error.Location.Column, 34, 35);
    }

    [Fact]
    public void Reads_a_date_only_expiry_as_the_end_of_that_day_in_utc_by_default()
    {
        var waiver = Assert.Single(Waivers("\"expires\": \"2027-03-31\""));

        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), waiver.ExpiresAt);
        Assert.True(waiver.IsActive(new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.False(waiver.IsActive(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Reads_a_date_only_expiry_at_the_files_time_zone_offset()
    {
        var waiver = Assert.Single(Waivers("\"expires\": \"2027-03-31\"", "\"timeZoneOffset\": \"+09:00\","));

        // The end of 31 March in Japan is 15:00 UTC that day.
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 15, 0, 0, TimeSpan.Zero), waiver.ExpiresAt!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("2027-03-31T18:00:00+09:00", "2027-03-31T09:00:00Z")]
    [InlineData("2027-03-31T18:00:00Z", "2027-03-31T18:00:00Z")]
    [InlineData("2027-03-31T18:00:00-05:00", "2027-03-31T23:00:00Z")]
    public void Reads_a_date_and_time_with_an_offset_as_that_instant(string expires, string utc)
    {
        var waiver = Assert.Single(Waivers($"\"expires\": \"{expires}\"", "\"timeZoneOffset\": \"+09:00\","));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), waiver.ExpiresAt);
    }

    [Theory]
    [InlineData("2027-03-31T18:00:00")]
    [InlineData("2027-03-31 18:00")]
    [InlineData("2027-02-30")]
    [InlineData("31/03/2027")]
    [InlineData("2027-3-31")]
    [InlineData("tomorrow")]
    public void Rejects_a_date_and_time_without_an_offset_and_other_unreadable_expiries(string expires)
    {
        var result = Fixtures.Parse("{ \"waivers\": [ { \"rule\": \"PK1001\", \"justification\": \"j\", \"approver\": \"a\", \"expires\": \"" + expires + "\" } ] }");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.OutOfRange, error.Kind);
        Assert.Equal("waivers[0].expires", error.JsonPath);
        Assert.Equal((1, 86), (error.Location!.Line, error.Location.Column));
        Assert.Contains("with an offset", error.Message);
    }

    [Fact]
    public void Accepts_a_leading_byte_order_mark()
    {
        var result = Fixtures.Parse("\uFEFF{ \"name\": \"with BOM\" }");

        Assert.Empty(result.Errors);
        Assert.Equal("with BOM", result.Policy!.Name);
    }

    [Fact]
    public void Rejects_a_byte_order_mark_anywhere_else_with_its_location()
    {
        var error = Assert.Single(Fixtures.Parse("{\n  \uFEFF\"name\": \"x\" }").Errors);

        Assert.Equal(PolicyErrorKind.Syntax, error.Kind);
        Assert.Equal((2, 3), (error.Location!.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("{\n  // the CISO's note\n  \"name\": \"x\"\n}", 2, 3, "omment")]
    [InlineData("{\n  \"name\": \"x\" /* note */\n}", 2, 15, "omment")]
    [InlineData("{\n  \"encryption\": { \"forbiddenHashes\": [\"MD5\",] }\n}", 2, 44, "Trailing comma")]
    [InlineData("{\n  \"name\": \"x\",\n}", 2, 14, "Trailing comma")]
    public void Rejects_comments_and_trailing_commas_with_their_location(string text, int line, int column, string message)
    {
        var error = Assert.Single(Fixtures.Parse(text).Errors);

        Assert.Equal(PolicyErrorKind.Syntax, error.Kind);
        Assert.Equal((line, column), (error.Location!.Line, error.Location.Column));
        Assert.Contains(message, error.Message);
    }

    private static System.Collections.Generic.IReadOnlyList<Waiver> Waivers(string expires, string prefix = "")
    {
        var result = Fixtures.Parse("{ " + prefix + " \"waivers\": [ { \"rule\": \"PK1001\", \"justification\": \"j\", \"approver\": \"a\", " + expires + " } ] }");
        Assert.Empty(result.Errors);
        return result.Policy!.Waivers;
    }
}
