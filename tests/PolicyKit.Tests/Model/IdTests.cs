namespace PolicyKit.Tests.Model;

public sealed class IdTests
{
    [Theory]
    [InlineData("PK1001", true)]
    [InlineData("pk3003", true)]
    [InlineData("PK100", false)]
    [InlineData("PKA001", false)]
    [InlineData("CA5350", false)]
    [InlineData(null, false)]
    public void Recognises_rule_ids(string? text, bool expected)
    {
        Assert.Equal(expected, RuleId.TryParse(text, out var id));
        if (expected)
        {
            Assert.Equal(text!.ToUpperInvariant(), id.Value);
        }
    }

    [Fact]
    public void Ids_compare_without_regard_to_case()
    {
        Assert.Equal(new RuleId("PK1001"), new RuleId("pk1001"));
        Assert.Equal(new RuleId("PK1001").GetHashCode(), new RuleId("pk1001").GetHashCode());
        Assert.Equal(new ControlId("mn-11"), new ControlId("MN-11"));
        Assert.NotEqual(new ControlId("MN-11"), new ControlId("MN-12"));
    }

    [Fact]
    public void Provenance_knows_the_adopter_and_the_decision_name()
    {
        Assert.True(Provenance.Adopter.IsAdopter);
        Assert.True(default(Provenance).IsAdopter);
        Assert.Null(Provenance.Adopter.ClauseId);
        Assert.Equal("adopter", Provenance.Adopter.DecisionName);
        Assert.Equal("mynumber", Provenance.Clause("MN-11", "mynumber").DecisionName);
        Assert.Equal("MN-11 (mynumber)", Provenance.Clause("MN-11", "mynumber").ToString());
    }

    [Fact]
    public void Schema_version_is_one()
    {
        Assert.Equal("1", PolicyKitInfo.SchemaVersion);
    }
}
