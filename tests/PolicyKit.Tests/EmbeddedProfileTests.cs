using System;
using System.Linq;

namespace PolicyKit.Tests;

/// <summary>The shipped profiles themselves (not fixtures): they round-trip, validate and cite real controls.</summary>
public sealed class EmbeddedProfileTests
{
    public static TheoryData<string> ProfileNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Profiles.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_seven_guidance_profiles_and_the_baseline_ship()
    {
        Assert.Equal(new[] { "asvs5-l2", "baseline", "ipa-contractor", "ipa-websecurity-7", "isms-2005", "mic", "mynumber", "nist-800-63b" }, Profiles.Names);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Every_profile_round_trips_through_policykit_json_with_the_same_hash(string name)
    {
        var profile = Profiles.Load(name);
        var written = PolicyJson.Write(profile);

        var reread = PolicyJson.Parse(written);

        Assert.NotNull(reread.Declared);
        Assert.DoesNotContain(reread.Errors, e => e.Kind is PolicyErrorKind.Syntax or PolicyErrorKind.UnknownKey or PolicyErrorKind.WrongType);
        Assert.Equal(written, PolicyJson.Write(reread.Declared!));
        Assert.Equal(PolicyJson.Hash(profile), reread.Hash);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Every_value_of_a_profile_names_a_clause_of_its_source(string name)
    {
        var profile = Profiles.Load(name);

        Assert.NotEmpty(profile.Sources);
        foreach (var (path, source) in profile.Sources)
        {
            Assert.False(source.IsAdopter, $"{name}: {path} has no clause");
            Assert.False(string.IsNullOrWhiteSpace(source.ClauseId), $"{name}: {path} has no clause");
        }
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Every_clause_a_profile_cites_is_in_the_control_catalog(string name)
    {
        var profile = Profiles.Load(name);
        // Document-level entries (name, version, lists without their own clause) cite the profile itself.
        var cited = profile.Sources.Values.Select(s => s.Source).Where(s => s != name)
            .Concat(profile.Requirements.Select(r => r.Clause)).Distinct().ToArray();

        Assert.NotEmpty(cited);

        foreach (var clause in cited)
        {
            Assert.True(ControlCatalog.Embedded.Find(clause) is not null, $"{name} cites {clause}, which the catalog does not list");
        }
    }

    [Fact]
    public void Validate_names_each_missing_required_value_of_the_mynumber_profile_with_its_path_and_clause()
    {
        var result = PolicyJson.Parse("""{ "profiles": ["mynumber"] }""", "policykit.json");
        var missing = result.Errors.Where(e => e.Kind == PolicyErrorKind.Missing).ToDictionary(e => e.JsonPath, e => e);

        foreach (var requirement in Profiles.Load("mynumber").Requirements)
        {
            Assert.True(missing.TryGetValue(requirement.Path, out var error), "Validate() does not name " + requirement.Path);
            Assert.Equal(requirement.Clause, error!.Clause);
            Assert.NotNull(error.Location);
            Assert.Equal("policykit.json", error.Location!.FilePath);
        }

        // The manual asks for a mix of character classes, a screen lock and TLS but gives no numbers: the adopter decides.
        Assert.Contains("password.minimumClassCount", missing.Keys);
        Assert.Contains("session.idleTimeoutMinutes", missing.Keys);
        Assert.Contains("encryption.minimumTlsVersion", missing.Keys);
    }

    [Fact]
    public void Setting_the_missing_values_of_the_mynumber_profile_clears_those_errors()
    {
        var result = PolicyJson.Parse("""
            {
              "profiles": ["mynumber"],
              "password": { "minimumClassCount": 3 },
              "session": { "idleTimeoutMinutes": 15 },
              "encryption": { "minimumTlsVersion": "1.2" }
            }
            """);

        Assert.DoesNotContain(result.Errors, e => e.JsonPath is "password.minimumClassCount" or "session.idleTimeoutMinutes" or "encryption.minimumTlsVersion");
        Assert.Equal(15, result.Policy!.Session.IdleTimeoutMinutes);
        Assert.Equal(7, result.Policy.Password.MinimumLength);
        Assert.Equal("MN-11", result.Policy.SourceOf("password.minimumLength").ClauseId);
    }

    [Fact]
    public void Composing_mynumber_with_nist_reports_the_periodic_change_conflict_until_a_decision_settles_it()
    {
        var open = PolicyJson.Parse("""{ "profiles": ["mynumber", "nist-800-63b"] }""");
        Assert.Contains(open.Conflicts, c => c.Path.Contains("maximumAgeDays", StringComparison.Ordinal) || c.Path.Contains("forbidPeriodicChange", StringComparison.Ordinal));
        Assert.Contains(open.Errors, e => e.Kind == PolicyErrorKind.Conflict);

        var settled = PolicyJson.Parse("""{ "profiles": ["mynumber", "nist-800-63b"], "decisions": { "password.maximumAgeDays": "nist-800-63b" } }""");
        Assert.DoesNotContain(settled.Errors, e => e.Kind == PolicyErrorKind.Conflict && e.JsonPath.Contains("maximumAgeDays", StringComparison.Ordinal));
        Assert.Equal(15, settled.Policy!.Password.MinimumLength);
    }
}
