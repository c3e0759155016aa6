using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Tests.Composition;

public sealed class ComposeTests
{
    private static readonly PolicySet MyNumber = Fixtures.Profile("mynumber-like");
    private static readonly PolicySet Nist = Fixtures.Profile("nist-like");

    [Fact]
    public void Takes_the_stricter_value_per_setting_with_its_provenance()
    {
        var composed = PolicySet.Compose(MyNumber, Nist);

        Assert.Equal(15, composed.Password.MinimumLength);
        Assert.Equal(new Provenance("5.1.1.2-a", "nist-like"), composed.SourceOf("password.minimumLength"));
        Assert.Equal(10, composed.Password.Lockout.Threshold);
        Assert.Equal(new Provenance("MN-13", "mynumber-like"), composed.SourceOf("password.lockout.threshold"));
        Assert.Equal(30, composed.Session.IdleTimeoutMinutes);
        Assert.Equal("MN-16", composed.SourceOf("session.idleTimeoutMinutes").ClauseId);
        Assert.Equal(TlsVersion.Tls13, composed.Encryption.MinimumTlsVersion);
        Assert.Equal(3072, composed.Encryption.MinimumKeySizes!["RSA"]);
        Assert.Equal("SP800-57", composed.SourceOf("encryption.minimumKeySizes.RSA").ClauseId);
        Assert.Equal(256, composed.Encryption.MinimumKeySizes["EC"]);
    }

    [Fact]
    public void Is_independent_of_order_for_strictness()
    {
        var ab = PolicySet.Compose(MyNumber, Nist);
        var ba = PolicySet.Compose(Nist, MyNumber);

        Assert.Equal(ab.Password.MinimumLength, ba.Password.MinimumLength);
        Assert.Equal(ab.Password.Lockout.Threshold, ba.Password.Lockout.Threshold);
        Assert.Equal(ab.Encryption.MinimumTlsVersion, ba.Encryption.MinimumTlsVersion);
    }

    [Fact]
    public void Unites_forbidden_algorithms_without_duplicating_spellings()
    {
        var composed = PolicySet.Compose(MyNumber, Nist);

        Assert.Equal(new[] { "SHA1", "MD5" }, composed.Encryption.ForbiddenHashes);
        Assert.Equal("SP800-131A", composed.SourceOf("encryption.forbiddenHashes").ClauseId);
    }

    [Fact]
    public void Intersects_approved_lists()
    {
        var a = new PolicySet { Encryption = new EncryptionRequirement { ApprovedHashes = new[] { "SHA-256", "SHA-384", "SHA-512" } } };
        var b = new PolicySet { Encryption = new EncryptionRequirement { ApprovedHashes = new[] { "SHA384", "SHA512", "SHA3-256" } } };

        Assert.Equal(new[] { "SHA-384", "SHA-512" }, PolicySet.Compose(a, b).Encryption.ApprovedHashes);
    }

    [Fact]
    public void True_beats_false_for_safety_flags_and_false_beats_true_for_allowances()
    {
        var a = new PolicySet { Session = new SessionPolicy { RenewOnLogin = false, SlidingExpirationAllowed = true, Cookie = new CookieRule { Secure = true, SameSite = CookieSameSite.Lax } } };
        var b = new PolicySet { Session = new SessionPolicy { RenewOnLogin = true, SlidingExpirationAllowed = false, Cookie = new CookieRule { Secure = false, SameSite = CookieSameSite.Strict } } };

        var composed = PolicySet.Compose(a, b).Session;

        Assert.True(composed.RenewOnLogin);
        Assert.False(composed.SlidingExpirationAllowed);
        Assert.True(composed.Cookie.Secure);
        Assert.Equal(CookieSameSite.Strict, composed.Cookie.SameSite);
    }

    [Fact]
    public void Undecided_values_never_win()
    {
        var composed = PolicySet.Compose(new PolicySet { Password = new PasswordPolicy { MinimumLength = 8 } }, PolicySet.Empty);

        Assert.Equal(8, composed.Password.MinimumLength);
        Assert.Null(composed.Password.MaximumLength);
    }

    [Fact]
    public void Reports_periodic_change_against_forbid_periodic_change_as_a_conflict()
    {
        var composed = PolicySet.Compose(MyNumber, Nist);

        var conflict = Assert.Single(composed.Conflicts);
        Assert.Equal("password.maximumAgeDays", conflict.Path);
        Assert.Equal("90", conflict.Value);
        Assert.Equal(new Provenance("MN-12", "mynumber-like"), conflict.Source);
        Assert.Equal("password.forbidPeriodicChange", conflict.OtherPath);
        Assert.Equal("true", conflict.OtherValue);
        Assert.Equal(new Provenance("5.1.1.2-j", "nist-like"), conflict.OtherSource);
    }

    [Fact]
    public void Reports_differing_free_text_as_a_conflict()
    {
        var a = new PolicySet { Password = new PasswordPolicy { Hashing = new PasswordHashingRule { Algorithm = "PBKDF2" } } };
        var b = new PolicySet { Password = new PasswordPolicy { Hashing = new PasswordHashingRule { Algorithm = "Argon2id" } } };

        var conflict = Assert.Single(PolicySet.Compose(a, b).Conflicts);

        Assert.Equal("password.hashing.algorithm", conflict.Path);
        Assert.Equal("\"PBKDF2\"", conflict.Value);
        Assert.Equal("\"Argon2id\"", conflict.OtherValue);
        Assert.Empty(PolicySet.Compose(a, a).Conflicts);
    }

    [Fact]
    public void Reports_composition_rules_against_forbidden_composition_rules()
    {
        var a = new PolicySet { Password = new PasswordPolicy { RequiredClasses = CharacterClasses.Digit, MinimumClassCount = 2 } };
        var b = new PolicySet { Password = new PasswordPolicy { ForbidCompositionRules = true } };

        Assert.Equal(new[] { "password.requiredClasses", "password.minimumClassCount" }, PolicySet.Compose(a, b).Conflicts.Select(c => c.Path));
    }

    [Fact]
    public void Unites_requirements_and_merges_keyed_items()
    {
        var a = new PolicySet
        {
            DataClasses = new[] { new DataClass { Name = "personal", MemberNames = new[] { "Email" } } },
            Retention = new RetentionPolicy { Periods = new[] { new RetentionPeriod { DataClass = "personal", MaximumKeepDays = 3650 } } },
        };
        var b = new PolicySet
        {
            DataClasses = new[] { new DataClass { Name = "Personal", MemberNames = new[] { "Phone" } }, new DataClass { Name = "mynumber" } },
            Retention = new RetentionPolicy { Periods = new[] { new RetentionPeriod { DataClass = "personal", MaximumKeepDays = 2555, MinimumKeepDays = 30 } } },
        };

        var composed = PolicySet.Compose(a, b);

        Assert.Equal(new[] { "personal", "mynumber" }, composed.DataClasses.Select(d => d.Name));
        Assert.Equal(new[] { "Email", "Phone" }, composed.DataClasses[0].MemberNames);
        var period = Assert.Single(composed.Retention.Periods);
        Assert.Equal(2555, period.MaximumKeepDays);
        Assert.Equal(30, period.MinimumKeepDays);
        Assert.Equal(3, PolicySet.Compose(MyNumber, Nist).Requirements.Count);
    }

    [Fact]
    public void The_files_own_values_override_the_profiles_and_keep_adopter_provenance()
    {
        var result = Fixtures.Parse("""
            { "profiles": ["mynumber-like", "nist-like"],
              "decisions": { "password.maximumAgeDays": "nist-like" },
              "password": { "minimumLength": 20, "lockout": { "durationMinutes": 30 } },
              "encryption": { "minimumKeySizes": { "RSA": 4096 } } }
            """);

        var policy = result.Policy!;
        Assert.Equal(20, policy.Password.MinimumLength);
        Assert.True(policy.SourceOf("password.minimumLength").IsAdopter);
        Assert.Equal(10, policy.Password.Lockout.Threshold);
        Assert.Equal(30, policy.Password.Lockout.DurationMinutes);
        Assert.Equal(4096, policy.Encryption.MinimumKeySizes!["RSA"]);
        Assert.Equal(256, policy.Encryption.MinimumKeySizes["EC"]);
        Assert.Null(result.Declared!.Password.Lockout.Threshold);
    }

    [Fact]
    public void A_decision_for_one_profile_keeps_its_side()
    {
        var nist = Fixtures.Parse("""{ "profiles": ["mynumber-like", "nist-like"], "decisions": { "password.maximumAgeDays": "nist-like" } }""").Policy!;
        var mynumber = Fixtures.Parse("""{ "profiles": ["mynumber-like", "nist-like"], "decisions": { "password.maximumAgeDays": "mynumber-like" } }""").Policy!;

        Assert.Null(nist.Password.MaximumAgeDays);
        Assert.True(nist.Password.ForbidPeriodicChange);
        Assert.Equal(90, mynumber.Password.MaximumAgeDays);
        Assert.False(mynumber.Password.ForbidPeriodicChange);
    }

    [Fact]
    public void An_adopter_decision_uses_the_files_own_value()
    {
        var policy = Fixtures.Parse("""
            { "profiles": ["mynumber-like", "nist-like"],
              "decisions": { "password.maximumAgeDays": "adopter" },
              "password": { "maximumAgeDays": 365 } }
            """).Policy!;

        Assert.Equal(365, policy.Password.MaximumAgeDays);
        Assert.False(policy.Password.ForbidPeriodicChange);
    }

    [Fact]
    public void Composing_many_is_left_to_right()
    {
        var c = new PolicySet { Password = new PasswordPolicy { MinimumLength = 64 } };

        Assert.Equal(64, PolicySet.Compose(MyNumber, Nist, c).Password.MinimumLength);
        Assert.Same(PolicySet.Empty, PolicySet.Compose());
    }

    [Fact]
    public void Unites_map_entries_by_algorithm_name()
    {
        var a = new PolicySet { Encryption = new EncryptionRequirement { MinimumKeySizes = new Dictionary<string, int> { ["ECDSA"] = 384 } } };
        var b = new PolicySet { Encryption = new EncryptionRequirement { MinimumKeySizes = new Dictionary<string, int> { ["EC"] = 256 } } };

        var sizes = PolicySet.Compose(a, b).Encryption.MinimumKeySizes!;

        Assert.Equal(384, Assert.Single(sizes).Value);
        Assert.Equal(384, PolicySet.Compose(a, b).Encryption.MinimumKeySizeFor("ECDsa"));
    }
}
