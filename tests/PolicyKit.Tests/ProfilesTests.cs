using System;
using System.Linq;

namespace PolicyKit.Tests;

public sealed class ProfilesTests
{
    [Fact]
    public void The_default_profile_is_the_baseline()
    {
        Assert.Equal("baseline", Profiles.DefaultName);
        Assert.Contains(Profiles.DefaultName, Profiles.Names);
    }

    [Fact]
    public void Names_are_sorted_and_unknown_profiles_are_refused()
    {
        Assert.Equal(Profiles.Names.OrderBy(n => n, StringComparer.Ordinal), Profiles.Names);
        Assert.False(Profiles.TryLoad("no-such-profile", out var policy));
        Assert.Null(policy);
        Assert.Null(Profiles.GetText("no-such-profile"));
        Assert.Throws<ArgumentException>(() => Profiles.Load("no-such-profile"));
    }

    [Fact]
    public void Every_embedded_profile_reads_without_errors_and_keeps_its_name_as_provenance()
    {
        foreach (var name in Profiles.Names)
        {
            var errors = new System.Collections.Generic.List<PolicyError>();
            var policy = PolicyJson.ReadProfile(Profiles.GetText(name)!, name, errors);

            Assert.True(errors.Count == 0, name + ": " + string.Join("; ", errors));
            Assert.All(policy.Sources.Values, source => Assert.Equal(name, source.Profile));
            Assert.Same(Profiles.Load(name), Profiles.Load(name));
        }
    }

    [Fact]
    public void A_file_using_an_embedded_profile_composes_it()
    {
        foreach (var name in Profiles.Names)
        {
            var result = PolicyJson.Parse("{ \"profiles\": [\"" + name + "\"] }");

            Assert.DoesNotContain(result.Errors, e => e.Kind is PolicyErrorKind.UnknownProfile or PolicyErrorKind.Syntax);
            Assert.NotNull(result.Policy);
        }
    }
}
