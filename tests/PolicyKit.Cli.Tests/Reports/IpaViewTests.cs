using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>The checklist and 診断報告書 views, the coverage statement, the spec and the review plan.</summary>
public sealed class IpaViewTests
{
    [Fact]
    public async Task Vendorshop_markdown_views_match_the_reviewed_snapshots()
    {
        using var delivery = VendorShopDelivery.Create();
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--view", "checklist,diagnosis", "--lang", "ja");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.False(File.Exists(Path.Combine(delivery.Out, "policykit-report.md")), "the acceptance view was not asked for");

        foreach (var name in new[] { "policykit-checklist.md", "policykit-diagnosis.md" })
        {
            var actual = VendorShopDelivery.Normalise(File.ReadAllText(Path.Combine(delivery.Out, name)), delivery.Path);
            var snapshot = Path.Combine(VendorShopDelivery.RepositoryRoot(), "tests", "PolicyKit.Cli.Tests", "Snapshots", "vendorshop-" + name);
            if (Environment.GetEnvironmentVariable("POLICYKIT_UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(snapshot, actual);
            }

            Assert.True(File.Exists(snapshot), "missing snapshot " + snapshot + " (run with POLICYKIT_UPDATE_SNAPSHOTS=1 and review the diff)");
            Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), actual);
        }
    }

    [Fact]
    public async Task Every_manual_checklist_item_is_listed_as_review_by_hand()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--view", "checklist", "--lang", "ja");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(Path.Combine(delivery.Out, "policykit-checklist.md"));

        foreach (var control in ControlCatalog.Embedded.ForSource("ipa-websecurity-7").Where(c => c.Checkable == Checkability.Manual && c.Group is null))
        {
            var item = control.Id.Value["IPA-WEB-".Length..];
            var row = lines.Single(l => l.StartsWith("| " + item + " ", StringComparison.Ordinal));
            Assert.Contains("**要目視**", row);
        }

        // A clean, fully resolved delivery: automatic items are 対応済, ※ alternatives of a done item are 対応不要.
        Assert.Contains(lines, l => l.StartsWith("| 1-(i)-a ", StringComparison.Ordinal) && l.Contains("**対応済**", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| 1-(i)-b ", StringComparison.Ordinal) && l.Contains("**対応不要**", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| 10-(i)-a ", StringComparison.Ordinal) && l.Contains("**対応不要**", StringComparison.Ordinal));
        Assert.Contains("解析完了", string.Join("\n", lines));
    }

    [Fact]
    public async Task A_delivery_with_unresolved_references_is_analysis_incomplete_never_a_clean_pass()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        delivery.Write("src/CleanShop/LegacyGateway.cs", """
            using Contoso.Payments;
            using Contoso.Payments.Data;

            namespace CleanShop;

            public sealed class LegacyGateway
            {
                private readonly PaymentClient client = PaymentClientFactory.Create();

                public void Settle(int orderId)
                {
                    var batch = client.OpenBatch(orderId);
                    batch.Add(LedgerEntry.For(orderId));
                    batch.Validate();
                    batch.Sign(KeyStore.Current());
                    client.Submit(batch);
                    client.Flush();
                    Audit.Write(batch.Id);
                    Audit.Flush();
                    Metrics.Count("settled");
                    Metrics.Flush();
                    client.Close();
                }
            }
            """);
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md,html", "--view", "all", "--lang", "en");

        Assert.True(result.ExitCode == 0, "no finding, so the gate passes: " + result);
        var checklist = File.ReadAllText(Path.Combine(delivery.Out, "policykit-checklist.md"));
        var diagnosis = File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.md"));
        var acceptance = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("Analysis incomplete: this review does not imply a pass.", checklist);
        Assert.Contains("fewer than 90% of invocations bound to symbols", checklist);
        Assert.DoesNotContain("**done**", checklist);
        Assert.Contains("## Overall grade: **C** — Analysis incomplete", diagnosis);
        Assert.Contains("Analysis incomplete: this review does not imply a pass.", acceptance);
        Assert.Contains("id=\"incomplete\"", File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.html")));
    }

    [Fact]
    public async Task Spec_and_review_quote_the_same_policy_hash_and_a_changed_policy_changes_both()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var first = await HashesAsync(delivery);
        Assert.Equal(first.Spec, first.Review);
        Assert.Equal(first.Spec, first.Plan);

        var policy = delivery.File("policykit.json");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("\"version\": \"2\"", "\"version\": \"3\"", StringComparison.Ordinal));
        var changed = await HashesAsync(delivery);

        Assert.Equal(changed.Spec, changed.Review);
        Assert.NotEqual(first.Spec, changed.Spec);
    }

    [Fact]
    public async Task Spec_renders_values_with_their_clauses_in_japanese_and_english()
    {
        using var delivery = TempDelivery.Empty();
        Directory.CreateDirectory(delivery.Path);
        File.WriteAllText(delivery.File("policykit.json"), """{ "schemaVersion": "1", "name": "検収仕様", "profiles": ["ipa-websecurity-7"] }""");

        var ja = await PolicyKitCli.RunAsync("spec", delivery.Path, "--out", delivery.Out, "--lang", "ja");
        Assert.True(ja.ExitCode == 0, ja.ToString());
        var text = File.ReadAllText(Path.Combine(delivery.Out, "policykit-spec.md"));
        Assert.Contains("# セキュリティ仕様 (別紙)", text);
        Assert.Contains("| `session.cookie.secure` | `true` | IPA-WEB-4-(iii) HTTPS通信で利用するCookieにはsecure属性を加える |", text);
        Assert.Contains("<code id=\"policy-hash\">", File.ReadAllText(Path.Combine(delivery.Out, "policykit-spec.html")));

        var en = await PolicyKitCli.RunAsync("spec", delivery.Path, "--out", delivery.Out, "--lang", "en", "--format", "md");
        Assert.True(en.ExitCode == 0, en.ToString());
        Assert.Contains("# Security specification (appendix)", File.ReadAllText(Path.Combine(delivery.Out, "policykit-spec.md")));
    }

    [Fact]
    public async Task Review_plan_is_written_without_running_the_review()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--plan", "--profile", "ipa-websecurity-7");

        Assert.True(result.ExitCode == 0, result.ToString());
        var plan = File.ReadAllText(Path.Combine(delivery.Out, "policykit-plan.md"));
        Assert.Contains("PK1001", plan);
        Assert.Contains("Policy hash (SHA-256)", plan.Replace("ポリシーのハッシュ (SHA-256)", "Policy hash (SHA-256)", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(delivery.Out, "policykit.sarif")));
    }

    [Fact]
    public async Task Sarif_rules_carry_a_security_severity_on_the_diagnosis_scale()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        var sql = rules.Single(r => r.GetProperty("id").GetString() == "PK1001");
        Assert.Equal("9.8", sql.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.All(rules, r => Assert.InRange(double.Parse(r.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 0.0, 10.0));
    }

    [Fact]
    public async Task Diagnosis_grades_a_clean_complete_delivery_A_and_an_injectable_one_E_with_its_code_path()
    {
        using var clean = TempDelivery.Of("CleanShop");
        await PolicyKitCli.RunAsync("review", clean.Path, "--out", clean.Out, "--format", "md", "--view", "diagnosis", "--lang", "en");
        Assert.Contains("## Overall grade: **A**\n", File.ReadAllText(Path.Combine(clean.Out, "policykit-diagnosis.md")));

        using var flawed = TempDelivery.Of("FlawedShop");
        await PolicyKitCli.RunAsync("review", flawed.Path, "--out", flawed.Out, "--format", "md", "--view", "diagnosis", "--lang", "en");
        var text = File.ReadAllText(Path.Combine(flawed.Out, "policykit-diagnosis.md"));
        Assert.Contains("## Overall grade: **E**\n", text);
        Assert.Contains("[Critical 9.8] PK1001", text);
        Assert.Contains("- **Code path**: `src/FlawedShop/Controllers/ReportController.cs:15` (source) → `src/FlawedShop/Controllers/ReportController.cs:18` (sink)", text);
        Assert.Contains("IPA-WEB-1-(i)-a", text);
        Assert.Contains("CWE-89", text);
    }

    [Fact]
    public async Task Rediagnosis_lists_findings_fixed_since_the_previous_delivery()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        var previous = Path.Combine(delivery.Root, "previous");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", previous, "--format", "sarif", "--view", "diagnosis");
        var controller = delivery.File("src/FlawedShop/Controllers/ReportController.cs");
        File.WriteAllText(controller, File.ReadAllText(controller).Replace("command.CommandText = $\"SELECT * FROM {table} ORDER BY {order}\";", "command.CommandText = \"SELECT * FROM Orders\";", StringComparison.Ordinal));

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md,html", "--view", "diagnosis", "--lang", "ja", "--baseline", Path.Combine(previous, "policykit.sarif"));

        var text = File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.md"));
        Assert.Contains("## 再診断 (前回納品との比較)", text);
        Assert.Contains("- 解消: PK1001 `src/FlawedShop/Controllers/ReportController.cs:18`", text);
        Assert.Contains("data-diff=\"fixed\">1<", File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.html")));
    }

    [Fact]
    public void Every_view_label_has_japanese_and_english_text()
    {
        foreach (var key in PolicyKit.Cli.Reports.ViewText.Keys)
        {
            var ja = PolicyKit.Cli.Reports.ViewText.For("ja")[key];
            var en = PolicyKit.Cli.Reports.ViewText.For("en")[key];
            Assert.False(string.IsNullOrWhiteSpace(ja), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
        }
    }

    private static async Task<(string Spec, string Review, string Plan)> HashesAsync(TempDelivery delivery)
    {
        var spec = await PolicyKitCli.RunAsync("spec", delivery.Path, "--out", delivery.Out, "--format", "md");
        var plan = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--plan");
        var review = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md", "--view", "diagnosis");
        Assert.True(spec.ExitCode == 0, spec.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var reviewHash = sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("policyHash").GetString()!;
        Assert.Contains("`" + reviewHash + "`", File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.md")));
        return (Line(spec.Output), reviewHash, Line(plan.Output));
    }

    private static string Line(string output) =>
        output.Split('\n').Single(l => l.StartsWith("policy hash: ", StringComparison.Ordinal))["policy hash: ".Length..].Trim();
}
