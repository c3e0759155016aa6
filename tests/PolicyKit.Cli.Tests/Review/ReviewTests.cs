using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

public sealed class ReviewTests
{
    [Fact]
    public async Task Flawed_delivery_fails_the_gate_with_sql_hash_credential_and_endpoint_findings()
    {
        using var delivery = TempDelivery.Of("FlawedShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.File("FlawedShop.sln"), "--out", delivery.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var rules = results.Select(r => r.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.Contains("PK1001", rules);
        Assert.Contains("PK2001", rules);
        Assert.Contains("PK3002", rules);
        Assert.Contains("PK4001", rules);
        Assert.Equal(2, results.Count(r => r.GetProperty("ruleId").GetString() == "PK1001"));
        Assert.DoesNotContain("PK9001", rules);
    }

    [Fact]
    public async Task Flawed_delivery_fails_MIC_38_and_lists_it_first()
    {
        using var delivery = TempDelivery.Of("FlawedShop");

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        var controls = markdown[markdown.IndexOf("## Controls", System.StringComparison.Ordinal)..];
        var firstRow = controls.Split('\n').First(l => l.StartsWith("| MIC-", System.StringComparison.Ordinal) || l.StartsWith("| MN-", System.StringComparison.Ordinal));
        Assert.StartsWith("| MIC-38 |", firstRow);
        Assert.Contains("| fail |", firstRow);
        Assert.Contains("| MIC-40 | (3) Give the system's database account only the minimum privileges | not checkable from source |", markdown);
        Assert.False(File.Exists(Path.Combine(delivery.Out, "policykit.sarif")));
    }

    [Fact]
    public async Task Clean_delivery_with_its_own_policy_passes()
    {
        using var delivery = TempDelivery.Of("CleanShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("findings: 0", result.Output);
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("| Policy | CleanShop acceptance |", markdown);
        Assert.Contains("| MIC-38 | (1) SQL injection measures in the server-side program, such as stopping processing driven by invalid input | pass |", markdown);
    }

    [Fact]
    public async Task Waiver_in_the_policy_turns_a_finding_into_a_waived_control_and_an_external_suppression()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        delivery.Write("policykit.json", """
            {
              "schemaVersion": "1",
              "name": "Shop acceptance",
              "version": "7",
              "waivers": [
                { "rule": "PK4001", "path": "src/FlawedShop/Program.cs", "justification": "MD5 only names cache files", "approver": "情報システム部 山田", "expires": "2099-03-31" }
              ]
            }
            """);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("waived 1", result.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var md5 = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PK4001");
        var suppression = md5.GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("MD5 only names cache files", suppression.GetProperty("justification").GetString());
        Assert.Equal("情報システム部 山田", suppression.GetProperty("properties").GetProperty("approver").GetString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("| Policy version | 7 |", markdown);
        Assert.Contains("- PK4001 (Scope: `src/FlawedShop/Program.cs`): MD5 only names cache files", markdown);
    }

    [Fact]
    public async Task Japanese_report_has_Japanese_labels_and_rule_text()
    {
        using var delivery = TempDelivery.Of("FlawedShop");

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--lang", "ja");

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("# 受入れレビュー", markdown);
        Assert.Contains("**判定: 不合格**", markdown);
        Assert.Contains("ソースレビューでは確認できないこと", markdown);
        Assert.Contains("総務省: SQLインジェクション対策の5項目", markdown);
        Assert.Contains("脆弱なハッシュ", markdown);
    }

    [Fact]
    public async Task Profile_option_is_used_when_the_delivery_has_no_policy()
    {
        using var delivery = TempDelivery.Of("FlawedShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--profile", "mynumber");

        Assert.True(result.ExitCode == 1, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("| Policy source | profile: mynumber |", markdown);
        Assert.Contains("| Profiles | mynumber |", markdown);
    }

    [Fact]
    public async Task Fail_on_none_passes_the_gate_but_keeps_the_findings()
    {
        using var delivery = TempDelivery.Of("FlawedShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif", "--fail-on", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gate: passed", result.Output);
        Assert.Contains("findings: 7", result.Output);
    }

    [Fact]
    public async Task Unresolved_package_types_are_counted_not_fatal()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        delivery.Write("src/CleanShop/Data/ShopContext.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace CleanShop.Data;

            public sealed class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();

                public int Count(string customer) => Orders.FromSqlRaw("SELECT * FROM Orders WHERE Customer = '" + customer + "'").Count();
            }

            public sealed class Order
            {
                public int Id { get; set; }
            }
            """);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md");

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var resolution = sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("resolution")[0];
        Assert.True(resolution.GetProperty("cs0246").GetInt32() >= 1, result.ToString());
        Assert.Equal(1, resolution.GetProperty("filesWithUnresolved").GetInt32());
        Assert.Contains("| src/CleanShop/CleanShop.csproj | net10.0 | 3 |", File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md")));
    }
}
