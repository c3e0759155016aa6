using System.Linq;

namespace PolicyKit.Tests.Serialization;

public sealed class PolicyJsonReadTests
{
    [Fact]
    public void Reads_every_section_of_the_documented_example()
    {
        var result = Fixtures.Parse(Samples.Full);

        Assert.Empty(result.Errors);
        var policy = result.Policy!;
        Assert.Equal("Contoso payroll", policy.Name);
        Assert.Equal(12, policy.Password.MinimumLength);
        Assert.Equal(CharacterClasses.Lower | CharacterClasses.Upper | CharacterClasses.Digit | CharacterClasses.Symbol, policy.Password.RequiredClasses);
        Assert.Equal(5, policy.Password.Lockout.Threshold);
        Assert.Equal("PBKDF2-HMAC-SHA256", policy.Password.Hashing.Algorithm);
        Assert.Equal("reader", policy.AccessControl.DefaultRole);
        Assert.True(policy.AccessControl.Roles[1].Administrative);
        Assert.Equal(2048, policy.Encryption.MinimumKeySizes!["RSA"]);
        Assert.Equal(TlsVersion.Tls12, policy.Encryption.MinimumTlsVersion);
        Assert.Equal(CookieSameSite.Lax, policy.Session.Cookie.SameSite);
        Assert.Equal(365, policy.Audit.LogRetentionDays);
        Assert.Equal(7, policy.Backup.GenerationsKept);
        Assert.Equal(new[] { "personal", "mynumber" }, policy.DataClasses.Select(d => d.Name));
        Assert.Equal(DeletionMethod.Delete, policy.Retention.For("mynumber")!.Deletion);
        Assert.Equal(System.TimeSpan.FromHours(9), policy.Waivers[0].ExpiryOffset);
        Assert.Equal("MN-13", policy.Requirements[0].Clause);
    }

    [Fact]
    public void Keeps_provenance_of_wrapped_values()
    {
        var policy = Fixtures.Parse("""{ "password": { "minimumLength": { "value": 12, "source": "MN-11" } } }""").Policy!;

        Assert.Equal(12, policy.Password.MinimumLength);
        Assert.Equal("MN-11", policy.SourceOf("password.minimumLength").ClauseId);
        Assert.True(policy.SourceOf("password.maximumLength").IsAdopter);
    }

    [Fact]
    public void Reports_unknown_key_with_path_line_column_and_expected_keys()
    {
        var result = Fixtures.Parse("{\n  \"password\": {\n    \"minLength\": 12\n  }\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.UnknownKey, error.Kind);
        Assert.Equal("password.minLength", error.JsonPath);
        Assert.Equal(3, error.Location!.Line);
        Assert.Equal(5, error.Location.Column);
        Assert.Equal(11, error.Location.Length);
        Assert.Contains("minimumLength", error.Message);
        Assert.Equal("policykit.json", error.Location.FilePath);
    }

    [Fact]
    public void Reports_unknown_top_level_section()
    {
        var error = Assert.Single(Fixtures.Parse("{ \"pasword\": {} }").Errors);

        Assert.Equal("pasword", error.JsonPath);
        Assert.Contains("expected one of: $schema, schemaVersion", error.Message);
    }

    [Theory]
    [InlineData("{ \"password\": { \"minimumLength\": \"12\" } }", "password.minimumLength", "Found a string; expected an integer.")]
    [InlineData("{ \"password\": { \"minimumLength\": 12.5 } }", "password.minimumLength", "Found a number; expected an integer (no fraction or exponent).")]
    [InlineData("{ \"password\": { \"checkBreachedPasswords\": \"yes\" } }", "password.checkBreachedPasswords", "Found a string; expected true or false.")]
    [InlineData("{ \"password\": { \"bannedPasswords\": \"qwerty\" } }", "password.bannedPasswords", "Found a string; expected an array of strings.")]
    [InlineData("{ \"password\": { \"bannedPasswords\": [1] } }", "password.bannedPasswords[0]", "Found a number; expected a string.")]
    [InlineData("{ \"password\": 12 }", "password", "Found a number; expected an object with the keys")]
    [InlineData("[]", "$", "Found an array; expected an object at the top of policykit.json.")]
    public void Reports_wrong_types_with_what_was_expected(string text, string path, string message)
    {
        var error = Assert.Single(Fixtures.Parse(text).Errors);

        Assert.Equal(PolicyErrorKind.WrongType, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("{ \"password\": { \"minimumLength\": 0 } }", "password.minimumLength", "expected an integer from 1 to 4096")]
    [InlineData("{ \"password\": { \"minimumLength\": 99999999999999999999 } }", "password.minimumLength", "expected an integer from 1 to 4096")]
    [InlineData("{ \"encryption\": { \"minimumTlsVersion\": \"1.4\" } }", "encryption.minimumTlsVersion", "expected one of \"1.0\", \"1.1\", \"1.2\", \"1.3\"")]
    [InlineData("{ \"session\": { \"cookie\": { \"sameSite\": \"Loose\" } } }", "session.cookie.sameSite", "expected one of \"None\", \"Lax\", \"Strict\"")]
    [InlineData("{ \"password\": { \"requiredClasses\": [\"lower\", \"emoji\"] } }", "password.requiredClasses[1]", "expected one of \"lower\"")]
    [InlineData("{ \"timeZoneOffset\": \"JST\" }", "timeZoneOffset", "expected an offset such as \"+09:00\"")]
    [InlineData("{ \"schemaVersion\": \"2\" }", "schemaVersion", "expected \"1\"")]
    [InlineData("{ \"encryption\": { \"minimumKeySizes\": { \"RSA\": 0 } } }", "encryption.minimumKeySizes.RSA", "expected an integer from 1 to 65536")]
    public void Reports_out_of_range_values(string text, string path, string expected)
    {
        var error = Assert.Single(Fixtures.Parse(text).Errors);

        Assert.Equal(PolicyErrorKind.OutOfRange, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Reports_duplicated_key_with_its_json_path_and_location()
    {
        var result = Fixtures.Parse("{\n  \"password\": {\n    \"minimumLength\": 12,\n    \"minimumLength\": 8\n  }\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.Duplicate, error.Kind);
        Assert.Equal("password.minimumLength", error.JsonPath);
        Assert.Equal(4, error.Location!.Line);
        Assert.Equal(5, error.Location.Column);
        Assert.Equal(12, result.Policy!.Password.MinimumLength);
    }

    [Fact]
    public void Reports_duplicated_list_entries_and_item_keys()
    {
        var result = Fixtures.Parse("""
            { "encryption": { "forbiddenHashes": ["SHA1", "SHA-1"] },
              "dataClasses": [ { "name": "personal" }, { "name": "personal" } ] }
            """);

        Assert.Equal(new[] { "encryption.forbiddenHashes[1]", "dataClasses[1]" }, result.Errors.Select(e => e.JsonPath));
        Assert.All(result.Errors, e => Assert.Equal(PolicyErrorKind.Duplicate, e.Kind));
    }

    [Fact]
    public void Reports_an_empty_file_at_line_one()
    {
        var result = Fixtures.Parse(string.Empty);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorKind.Syntax, error.Kind);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(1, error.Location!.Line);
        Assert.Equal(1, error.Location.Column);
        Assert.Null(result.Policy);
        Assert.Equal(64, result.Hash.Length);
    }

    [Fact]
    public void Reports_a_file_over_four_mebibytes()
    {
        var text = "{ \"name\": \"" + new string('x', (4 * 1024 * 1024) + 1) + "\" }";

        Assert.Equal(PolicyErrorKind.TooLarge, Assert.Single(Fixtures.Parse(text).Errors).Kind);
    }

    [Fact]
    public void Reports_deep_nesting()
    {
        var text = "{ \"name\": " + new string('[', 70) + new string(']', 70) + " }";

        var error = Assert.Single(Fixtures.Parse(text).Errors);
        Assert.Equal(PolicyErrorKind.TooDeep, error.Kind);
        Assert.Equal(74, error.Location!.Column);
    }

    [Fact]
    public void Reports_trailing_comma_as_syntax_with_location()
    {
        var error = Assert.Single(Fixtures.Parse("{\n  \"name\": \"x\",\n}").Errors);

        Assert.Equal(PolicyErrorKind.Syntax, error.Kind);
        Assert.Equal(2, error.Location!.Line);
        Assert.Equal(14, error.Location.Column);
        Assert.Contains("Trailing comma", error.Message);
    }

    [Fact]
    public void Reports_bad_waiver_entries_with_their_paths()
    {
        var result = Fixtures.Parse("""
            { "waivers": [ { "rule": "SQL1", "path": "src/**", "justification": " ", "expires": "soon", "owner": "x" } ] }
            """);

        Assert.Equal(
            new[]
            {
                (PolicyErrorKind.OutOfRange, "waivers[0].rule"), (PolicyErrorKind.OutOfRange, "waivers[0].justification"),
                (PolicyErrorKind.OutOfRange, "waivers[0].expires"), (PolicyErrorKind.UnknownKey, "waivers[0].owner"),
                (PolicyErrorKind.Missing, "waivers[0].approver"),
            },
            result.Errors.Select(e => (e.Kind, e.JsonPath)));
        Assert.Empty(result.Policy!.Waivers);
    }

    [Fact]
    public void Reports_unknown_keys_in_a_provenance_wrapper_and_a_missing_value()
    {
        var result = Fixtures.Parse("""{ "password": { "minimumLength": { "value": 12, "clause": "MN-11" }, "maximumLength": { "source": "x" } } }""");

        Assert.Equal(new[] { "password.minimumLength.clause", "password.maximumLength" }, result.Errors.Select(e => e.JsonPath));
        Assert.Equal(new[] { PolicyErrorKind.UnknownKey, PolicyErrorKind.Missing }, result.Errors.Select(e => e.Kind));
    }

    [Fact]
    public void Reports_unknown_profiles()
    {
        var error = Assert.Single(Fixtures.Parse("{ \"profiles\": [\"nope\"] }").Errors);

        Assert.Equal(PolicyErrorKind.UnknownProfile, error.Kind);
        Assert.Equal("profiles[0]", error.JsonPath);
    }

    [Fact]
    public void Null_means_undecided()
    {
        var result = Fixtures.Parse("{ \"password\": { \"minimumLength\": null } }");

        Assert.Empty(result.Errors);
        Assert.Null(result.Policy!.Password.MinimumLength);
    }

    [Fact]
    public void A_requirement_must_name_a_known_setting()
    {
        var error = Assert.Single(Fixtures.Parse("{ \"requirements\": [ { \"path\": \"password.minLength\", \"clause\": \"X-1\" } ] }").Errors);

        Assert.Equal("requirements[0].path", error.JsonPath);
    }
}
