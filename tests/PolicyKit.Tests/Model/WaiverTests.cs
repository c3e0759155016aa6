using System;
using Microsoft.Extensions.Time.Testing;

namespace PolicyKit.Tests.Model;

public sealed class WaiverTests
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    private static readonly Waiver Legacy = new()
    {
        Rule = "PK1001",
        Path = "src/Legacy/**/*.cs",
        Justification = "Whitelisted column names only",
        Approver = "山田",
        Expires = "2027-03-31",
        ExpiryOffset = Tokyo,
    };

    [Fact]
    public void A_date_is_valid_through_the_end_of_that_day_at_the_file_offset()
    {
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, Tokyo), Legacy.ExpiresAt);
        Assert.True(Legacy.IsActive(new DateTimeOffset(2027, 3, 31, 23, 59, 59, Tokyo)));
        Assert.False(Legacy.IsActive(new DateTimeOffset(2027, 4, 1, 0, 0, 0, Tokyo)));
    }

    [Fact]
    public void Expiry_at_plus_nine_is_seen_correctly_from_utc()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 14, 59, 59, TimeSpan.Zero));

        Assert.True(Legacy.IsActive(time));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Legacy.IsActive(time));
    }

    [Fact]
    public void Without_an_offset_a_date_ends_at_utc_midnight()
    {
        var waiver = Legacy with { ExpiryOffset = TimeSpan.Zero };

        Assert.True(waiver.IsActive(new DateTimeOffset(2027, 4, 1, 8, 59, 0, Tokyo)));
        Assert.False(waiver.IsActive(new DateTimeOffset(2027, 4, 1, 9, 0, 0, Tokyo)));
    }

    [Fact]
    public void An_instant_with_an_offset_is_used_as_is()
    {
        var waiver = Legacy with { Expires = "2027-03-31T18:00:00+09:00" };

        Assert.Equal(new DateTimeOffset(2027, 3, 31, 9, 0, 0, TimeSpan.Zero), waiver.ExpiresAt);
        Assert.True(waiver.IsActive(new DateTimeOffset(2027, 3, 31, 8, 59, 59, TimeSpan.Zero)));
        Assert.False(waiver.IsActive(new DateTimeOffset(2027, 3, 31, 9, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("next year")]
    [InlineData("2027-02-30")]
    [InlineData("2027-03-31T18:00:00")]
    public void A_waiver_without_a_readable_expiry_is_never_active(string? expires)
    {
        var waiver = Legacy with { Expires = expires };

        Assert.Null(waiver.ExpiresAt);
        Assert.False(waiver.IsActive(DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("PK1001", "src/Legacy/Reports/Query.cs", true)]
    [InlineData("pk1001", "src\\Legacy\\Reports\\Query.cs", true)]
    [InlineData("PK1001", "src/Legacy/Query.cs", true)]
    [InlineData("PK1001", "/home/ci/repo/src/Legacy/Query.cs", true)]
    [InlineData("PK1001", "C:\\build\\repo\\src\\Legacy\\Deep\\Er\\Q.cs", true)]
    [InlineData("PK1001", "src/Legacy/Query.cshtml", false)]
    [InlineData("PK1001", "src/Current/Query.cs", false)]
    [InlineData("PK1001", "mysrc/Legacy/Query.cs", false)]
    [InlineData("PK1002", "src/Legacy/Query.cs", false)]
    public void Matches_rule_and_path_glob(string rule, string path, bool expected)
    {
        Assert.Equal(expected, Legacy.Matches(rule, path, null));
    }

    [Theory]
    [InlineData("Contoso.Reports.Legacy", true)]
    [InlineData("Contoso.Reports.Legacy.Run", true)]
    [InlineData("Contoso.Reports.Legacy.Run(int)", true)]
    [InlineData("Contoso.Reports.LegacyV2", false)]
    [InlineData(null, false)]
    public void Matches_a_symbol_and_its_members(string? symbol, bool expected)
    {
        var waiver = Legacy with { Path = null, Symbol = "Contoso.Reports.Legacy" };

        Assert.Equal(expected, waiver.Matches("PK1001", "any.cs", symbol));
    }

    [Fact]
    public void Finds_only_active_matching_waivers_in_a_policy()
    {
        var policy = new PolicySet { Waivers = new[] { Legacy with { Expires = "2020-01-01" }, Legacy } };
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Same(policy.Waivers[1], policy.FindActiveWaiver("PK1001", "src/Legacy/A.cs", null, now));
        Assert.Null(policy.FindActiveWaiver("PK1001", "src/Legacy/A.cs", null, now.AddYears(2)));
    }
}
