using System.IO;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

public sealed class BaselineTests
{
    [Fact]
    public async Task Second_delivery_shows_new_unchanged_and_fixed_findings()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");
        var previous = Path.Combine(delivery.Root, "previous.sarif");
        File.Move(Path.Combine(delivery.Out, "policykit.sarif"), previous);

        // The vendor fixes the MD5 call, moves code down two lines (fingerprints ignore line numbers) and adds SHA-1.
        var program = delivery.File("src/FlawedShop/Program.cs");
        var text = File.ReadAllText(program).Replace("MD5.Create()", "SHA256.Create()").Replace("var builder", "\n\nvar builder");
        File.WriteAllText(program, text + "\nstatic byte[] Legacy(byte[] b) => SHA1.HashData(b);\n");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md,sarif", "--baseline", previous);

        Assert.Contains("new 1, unchanged 6, fixed 1", result.Output);
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("- PK4001 `src/FlawedShop/Program.cs:13` 'MD5' is a weak hash", markdown);
    }
}
