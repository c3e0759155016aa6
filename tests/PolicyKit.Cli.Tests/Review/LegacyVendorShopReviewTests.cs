using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

/// <summary>
/// End to end: `policykit review samples/LegacyVendorShop` (an old-style MVC 5 + WebForms + Web API 2 project with
/// packages.config, Web.config and Web.Release.config) gives SARIF, Markdown and HTML, with the Web.config findings at
/// their line and column, the code compiled against the .NET Framework reference assemblies, and the packages the
/// delivery lacks listed as not resolved. The expected findings are those of samples/LegacyVendorShop/README.md.
/// </summary>
public sealed class LegacyVendorShopReviewTests
{
    private static readonly string[] Expected =
    {
        // Code: WebForms and handlers resolve against the net48 reference assemblies; MVC 5 / Web API 2 controllers
        // are recognised by name because the delivery does not ship their packages.
        "PK1001 Controllers/Api/ProductsController.cs(20)",
        "PK1001 Controllers/OrdersController.cs(14)",
        "PK1001 Search.aspx.cs(21)",
        "PK1002 Login.aspx.cs(20)",
        "PK1002 Search.aspx.cs(17)",
        "PK1004 Handlers/Download.ashx.cs(16)",
        "PK1005 Login.aspx.cs(28)",
        "PK2001 Controllers/Api/ProductsController.cs(18)",
        "PK3002 Controllers/Api/ProductsController.cs(16)",
        "PK3002 Controllers/OrdersController.cs(10)",
        "PK3002 Controllers/OrdersController.cs(23)",
        "PK3004 Login.aspx.cs(24)",
        "PK3004 Login.aspx.cs(25)",
        "PK3005 Global.asax.cs(20)",
        "PK3006 Controllers/AccountController.cs(17)",
        "PK3006 Controllers/OrdersController.cs(23)",

        // Web.config as published by Web.Release.config (debug="true" is removed by the transform: not reported).
        "PK6001 Web.Release.config(10,12)",
        "PK6001 Web.config(13,19)",
        "PK6001 Web.config(35,17)",
        "PK6002 Web.config(10,4)",
        "PK6002 Web.config(10,4)",
        "PK6002 Web.config(16,8)",
        "PK6003 Web.config(16,38)",
        "PK6003 Web.config(18,19)",
        "PK6003 Web.config(18,33)",
        "PK6004 Web.config(19,17)",
        "PK6004 Web.config(19,162)",
        "PK6005 Web.Release.config(6,24)",
        "PK6005 Web.config(8,29)",
        "PK6006 Web.config(30,16)",
        "PK6007 Web.config(12,40)",
        "PK6007 Web.config(12,68)",
        "PK6007 Web.config(14,12)",
        "PK6008 Web.config(23,104)",
        "PK6008 Web.config(23,134)",
    };

    [Fact]
    public async Task Review_of_the_legacy_sample_writes_sarif_markdown_and_html_with_config_findings_at_line_and_column()
    {
        using var delivery = TempDelivery.Empty();
        Copy(Path.Combine(RepositoryRoot(), "samples", "LegacyVendorShop"), delivery.Path);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md,html");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var actual = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var expected = Expected.Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual));

        // The message names the configuration judged: the Release transform's result.
        var customErrors = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => Describe(r) == "PK6001 Web.config(13,19)");
        Assert.Equal("customErrors mode in Web.Release.config is Off; required: RemoteOnly or On (MIC-39)", customErrors.GetProperty("message").GetProperty("text").GetString());

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("| LegacyVendorShop.csproj | v4.7.2 |", markdown);
        Assert.Contains("packages.config Microsoft.AspNet.Mvc 5.2.7", markdown);
        Assert.Contains("PK6001 Web.config shows error details or debug output — `Web.config:13`", markdown);
        Assert.Matches(@"\| MIC-39 \|[^\n]*\| fail \|", markdown);

        var html = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.html"));
        Assert.Contains("PK6004", html);
        Assert.Contains("Web.Release.config", html);
    }

    [Fact]
    public async Task The_same_flaws_in_web_config_without_a_transform_include_debug_compilation()
    {
        using var delivery = TempDelivery.Empty();
        Copy(Path.Combine(RepositoryRoot(), "samples", "LegacyVendorShop"), delivery.Path);
        File.Delete(delivery.File("Web.Release.config"));

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(Describe).ToList();
        Assert.Contains("PK6001 Web.config(11,18)", results);
        Assert.DoesNotContain(results, r => r.Contains("Web.Release.config", StringComparison.Ordinal));
    }

    private static string Describe(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        var region = location.GetProperty("region");
        var line = region.GetProperty("startLine").GetInt32();
        var at = uri.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
            ? line + "," + region.GetProperty("startColumn").GetInt32()
            : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result.GetProperty("ruleId").GetString() + " " + uri + "(" + at + ")";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
