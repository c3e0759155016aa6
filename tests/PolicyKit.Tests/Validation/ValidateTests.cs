using System.Linq;

namespace PolicyKit.Tests.Validation;

public sealed class ValidateTests
{
    [Fact]
    public void Names_each_missing_required_value_with_path_and_clause()
    {
        var errors = Fixtures.Profile("mynumber-like").Validate();

        var missing = errors.Where(e => e.Kind == PolicyErrorKind.Missing).ToList();
        Assert.Equal(
            new[]
            {
                ("password.lockout.durationMinutes", "MN-13"), ("audit.logRetentionDays", "MN-20"), ("accessControl.defaultRole", "MN-02"),
                ("dataClasses", "MN-1"), ("retention.periods", "MN-1"),
            },
            missing.Select(e => (e.JsonPath, e.Clause ?? string.Empty)));
        Assert.Contains("the manual asks for lockout but gives no number", missing[0].Message);
    }

    [Fact]
    public void Missing_errors_point_at_the_enclosing_object_or_the_file_start()
    {
        var result = Fixtures.Parse("{\n  \"profiles\": [\"mynumber-like\"],\n  \"decisions\": {},\n  \"password\": {\n    \"historyCount\": 5\n  }\n}");

        var lockout = result.Errors.Single(e => e.JsonPath == "password.lockout.durationMinutes");
        Assert.Equal(PolicyErrorKind.Missing, lockout.Kind);
        Assert.Equal(4, lockout.Location!.Line);
        Assert.Equal(15, lockout.Location.Column);
        var audit = result.Errors.Single(e => e.JsonPath == "audit.logRetentionDays");
        Assert.Equal(1, audit.Location!.Line);
        Assert.Equal(1, audit.Location.Column);
    }

    [Fact]
    public void Setting_the_required_values_clears_the_errors()
    {
        var result = Fixtures.Parse("""
            { "profiles": ["mynumber-like"],
              "password": { "lockout": { "durationMinutes": 30 } },
              "audit": { "logRetentionDays": 400 },
              "accessControl": { "defaultRole": "reader" },
              "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber"] } ],
              "retention": { "periods": [ { "dataClass": "mynumber", "maximumKeepDays": 2555, "deletion": "delete" } ] } }
            """);

        Assert.Empty(result.Errors);
        Assert.True(result.Success);
    }

    [Fact]
    public void Reports_an_unsettled_conflict_and_accepts_a_decision()
    {
        const string Base = """
            "profiles": ["mynumber-like", "nist-like"],
            "password": { "lockout": { "durationMinutes": 30 } }, "audit": { "logRetentionDays": 400 },
            "accessControl": { "defaultRole": "reader" },
            "dataClasses": [ { "name": "mynumber" } ], "retention": { "periods": [ { "dataClass": "mynumber", "maximumKeepDays": 10 } ] }
            """;

        var unsettled = Fixtures.Parse("{" + Base + "}");
        var settled = Fixtures.Parse("{" + Base + ", \"decisions\": { \"password.maximumAgeDays\": \"nist-like\" } }");

        var error = Assert.Single(unsettled.Errors);
        Assert.Equal(PolicyErrorKind.Conflict, error.Kind);
        Assert.Equal("password.maximumAgeDays", error.JsonPath);
        Assert.Equal("MN-12", error.Clause);
        Assert.Contains("\"mynumber-like\" | \"nist-like\" | \"adopter\"", error.Message);
        Assert.Single(unsettled.Conflicts);
        Assert.Empty(settled.Errors);
        Assert.Single(settled.Conflicts);
    }

    [Fact]
    public void Reports_a_decision_naming_neither_side()
    {
        var policy = PolicySet.Compose(Fixtures.Profile("mynumber-like"), Fixtures.Profile("nist-like")) with
        {
            Decisions = new System.Collections.Generic.Dictionary<string, string> { ["password.maximumAgeDays"] = "isms" },
        };

        Assert.Contains(policy.Validate(), e => e.JsonPath == "decisions.password.maximumAgeDays" && e.Kind == PolicyErrorKind.OutOfRange);
    }

    [Fact]
    public void Reports_contradictory_values()
    {
        var policy = new PolicySet
        {
            Password = new PasswordPolicy { MinimumLength = 16, MaximumLength = 8, MaximumAgeDays = 90, ForbidPeriodicChange = true },
            Session = new SessionPolicy { IdleTimeoutMinutes = 60, AbsoluteTimeoutMinutes = 30 },
            Retention = new RetentionPolicy { Periods = new[] { new RetentionPeriod { DataClass = "x", MinimumKeepDays = 10, MaximumKeepDays = 5 } } },
        };

        Assert.Equal(
            new[] { "password.maximumLength", "session.idleTimeoutMinutes", "retention.periods[0].maximumKeepDays", "password.maximumAgeDays" },
            policy.Validate().Select(e => e.JsonPath));
    }

    [Fact]
    public void Reports_values_implied_by_other_values()
    {
        var policy = new PolicySet
        {
            Application = new ApplicationProfile { HandlesPersonalData = true },
            Password = new PasswordPolicy { Lockout = new LockoutRule { Threshold = 5 } },
            Session = new SessionPolicy { SlidingExpirationAllowed = true },
        };

        Assert.Equal(
            new[] { "password.lockout.durationMinutes", "session.absoluteTimeoutMinutes", "retention.periods", "encryption.atRest" },
            policy.Validate().Select(e => e.JsonPath));
    }

    [Fact]
    public void Reports_references_to_undeclared_data_classes()
    {
        var policy = new PolicySet
        {
            DataClasses = new[] { new DataClass { Name = "personal" } },
            Encryption = new EncryptionRequirement { AtRest = new[] { "personal", "health" } },
            Retention = new RetentionPolicy { Periods = new[] { new RetentionPeriod { DataClass = "mynumber" } } },
        };

        Assert.Equal(new[] { "encryption.atRest[1]", "retention.periods[0].dataClass" }, policy.Validate().Select(e => e.JsonPath));
    }

    [Fact]
    public void The_documented_example_is_valid()
    {
        Assert.Empty(Fixtures.Parse(Samples.Full).Errors);
    }

    [Fact]
    public void A_requirement_on_a_map_entry_is_met_by_any_spelling_of_the_algorithm()
    {
        var policy = new PolicySet
        {
            Requirements = new[] { new PolicyRequirement("encryption.minimumKeySizes.EC", "X-1") },
            Encryption = new EncryptionRequirement { MinimumKeySizes = new System.Collections.Generic.Dictionary<string, int> { ["ECDSA"] = 256 } },
        };

        Assert.Empty(policy.Validate());
        Assert.Single((policy with { Encryption = new EncryptionRequirement() }).Validate());
    }
}
