extern alias analyzers;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

public sealed class SafetyTests
{
    [Fact]
    public async Task Review_never_runs_the_vendors_targets_tasks_imports_or_analyzers()
    {
        using var delivery = TempDelivery.Of("EvilBuild");
        var markers = Path.Combine(delivery.Root, "markers");
        Directory.CreateDirectory(markers);
        // MSBuild would read $(POLICYKIT_MARKER_DIR) from the environment: if anything evaluated the project, the
        // targets would write their markers here.
        Environment.SetEnvironmentVariable("POLICYKIT_MARKER_DIR", markers);
        Environment.SetEnvironmentVariable("TEMP", markers);
        try
        {
            var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(Directory.GetFiles(markers));
            Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "marker")));
            Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => !a.IsDynamic && a.Location.StartsWith(delivery.Root, StringComparison.Ordinal));
            Assert.False(Directory.Exists(delivery.File("src/EvilApp/obj")), "nothing may be restored into the delivery");
            Assert.False(Directory.Exists(delivery.File("src/EvilApp/bin")), "nothing may be built into the delivery");
        }
        finally
        {
            Environment.SetEnvironmentVariable("POLICYKIT_MARKER_DIR", null);
        }
    }

    [Fact]
    public async Task Links_out_of_the_delivery_are_not_followed()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var outside = Path.Combine(delivery.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "Secret.cs"), "class Secret { string Password = \"hunter2hunter2\"; }");
        File.CreateSymbolicLink(delivery.File("src/CleanShop/Secret.cs"), Path.Combine(outside, "Secret.cs"));
        Directory.CreateSymbolicLink(delivery.File("src/CleanShop/Linked"), outside);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("`src/CleanShop/Secret.cs`: link out of the delivery", markdown);
        Assert.Contains("`src/CleanShop/Linked/`: link out of the delivery", markdown);
    }

    [Fact]
    public async Task Delivery_dlls_are_read_as_metadata_only()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var lib = delivery.File("lib");
        Directory.CreateDirectory(lib);
        // A real assembly (the analyzers) shipped in lib/: referenced for types, never loaded from there.
        File.Copy(typeof(analyzers::PolicyKit.Analyzers.Rules.WaiverSuppressor).Assembly.Location, Path.Combine(lib, "Vendor.Helpers.dll"));

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(metadata only): 1", File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md")));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => !a.IsDynamic && a.Location.StartsWith(delivery.Root, StringComparison.Ordinal));
    }
}
