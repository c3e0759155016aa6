using System.IO;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Commands;

/// <summary>Policy files over the limits are refused with exit code 2 and a located message (SECURITY.md, "Limits").</summary>
public sealed class PolicyFileLimitTests
{
    [Fact]
    public async Task Validate_refuses_a_policy_over_four_mebibytes_without_reading_it()
    {
        using var delivery = TempDelivery.Empty();
        var path = Path.Combine(delivery.Root, "policykit.json");
        using (var huge = File.Create(path))
        {
            huge.Write("{ \"name\": \""u8);
            huge.SetLength(512L * 1024 * 1024);
        }

        var result = await PolicyKitCli.RunAsync("validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(path + "(1,1): error TooLarge at $: The policy file is larger than the limit of 4194304 bytes", result.Error);
    }

    [Fact]
    public async Task Validate_reports_nesting_past_depth_64_with_line_and_column()
    {
        using var delivery = TempDelivery.Empty();
        var path = Path.Combine(delivery.Root, "policykit.json");
        File.WriteAllText(path, "{\n  \"name\": " + new string('[', 80) + new string(']', 80) + "\n}\n");

        var result = await PolicyKitCli.RunAsync("validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(path + "(2,74): error TooDeep", result.Error);
    }

    [Fact]
    public async Task Review_refuses_a_delivery_policy_that_links_outside_the_delivery()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var outside = Path.Combine(delivery.Root, "elsewhere.json");
        File.WriteAllText(outside, "{ \"schemaVersion\": \"1\" }");
        File.Delete(delivery.File("policykit.json"));
        File.CreateSymbolicLink(delivery.File("policykit.json"), outside);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("policykit.json is a link", result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(delivery.Out));
    }
}
