using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

/// <summary>
/// Issue 7: the review runs the same analyzers as the package, with the same policy, additional files and severities.
/// Reviewing samples/VendorShop gives exactly the diagnostics that building it against the package gives — the list
/// tests/PolicyKit.EndToEnd.Tests/expected-vendorshop.txt holds for the end-to-end build test.
/// </summary>
public sealed class ReviewMatchesBuildTests
{
    [Fact]
    public async Task Reviewing_VendorShop_reports_what_building_it_reports()
    {
        var expectedFile = Path.Combine(VendorShopDelivery.RepositoryRoot(), "tests", "PolicyKit.EndToEnd.Tests", "expected-vendorshop.txt");
        var expected = File.ReadAllLines(expectedFile)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray();

        using var delivery = VendorShopDelivery.Create();
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif", "--fail-on", "none");

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var actual = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var path = Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
                return $"{r.GetProperty("level").GetString()} {r.GetProperty("ruleId").GetString()} {path}({line})";
            })
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(expected, actual);
    }
}
