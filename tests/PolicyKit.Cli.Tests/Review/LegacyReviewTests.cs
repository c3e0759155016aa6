using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Tests.Review;

public sealed class LegacyReviewTests
{
    [Theory]
    [InlineData("v4.7.2", true)]
    [InlineData("v4.8", true)]
    [InlineData("v3.5", true)]
    [InlineData("net48", true)]
    [InlineData("net472", true)]
    [InlineData("net461;netstandard2.0", true)]
    [InlineData("net8.0", false)]
    [InlineData("net10.0", false)]
    [InlineData("netstandard2.0", false)]
    [InlineData("netcoreapp3.1", false)]
    [InlineData("net8.0-windows", false)]
    [InlineData("unknown", false)]
    public void Recognises_dotnet_framework_targets(string targetFramework, bool expected) =>
        Assert.Equal(expected, LegacyReview.IsNetFramework(targetFramework));
}
