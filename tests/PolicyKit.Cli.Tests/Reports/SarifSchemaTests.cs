using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// The review's SARIF is valid against the official SARIF 2.1.0 schema (OASIS, errata 01, vendored in Schemata/),
/// for every shape it writes: results with locations, snippets, suppressions and baseline states, an empty run,
/// and file names that need escaping.
/// </summary>
public sealed class SarifSchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

    [Fact]
    public async Task Flawed_delivery_with_a_waiver_and_a_baseline_is_valid_sarif_2_1_0()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        delivery.Write("policykit.json", """
            {
              "schemaVersion": "1",
              "name": "Shop acceptance",
              "waivers": [
                { "rule": "PK4001", "path": "src/FlawedShop/Program.cs", "justification": "MD5 only names cache files", "approver": "情報システム部 山田", "expires": "2099-03-31" }
              ]
            }
            """);
        var previous = Path.Combine(delivery.Root, "previous");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", previous, "--format", "sarif");
        delivery.Write("src/FlawedShop/Extra.cs", "class Extra { byte[] H(byte[] b) => System.Security.Cryptography.SHA1.HashData(b); }\n");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif", "--baseline", Path.Combine(previous, "policykit.sarif"));

        Assert.True(result.ExitCode == 1, result.ToString());
        var sarif = File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif"));
        Assert.Contains("\"suppressions\"", sarif);
        Assert.Contains("\"baselineState\": \"new\"", sarif);
        await AssertValidAsync(sarif);
    }

    [Fact]
    public async Task Clean_delivery_with_no_results_is_valid_sarif_2_1_0()
    {
        using var delivery = TempDelivery.Of("CleanShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif", "--lang", "ja");

        Assert.True(result.ExitCode == 0, result.ToString());
        await AssertValidAsync(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
    }

    [Fact]
    public async Task Odd_and_hostile_file_names_give_valid_sarif_2_1_0()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        const string Weak = "class C { byte[] H(byte[] b) => System.Security.Cryptography.SHA1.HashData(b); }\n";
        delivery.Write("App/<script>alert(1)</script>.cs", Weak);
        delivery.Write("App/sp ace #1 %20 [x] 日本語.cs", Weak.Replace("class C", "class D"));

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        await AssertValidAsync(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
    }

    [Fact]
    public async Task The_schema_rejects_what_sarif_forbids()
    {
        // The vendored schema is live: an unknown top-level property, a wrong level and a missing message fail it.
        var schema = await Schema.Value;
        const string Bad = """
            { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } },
              "results": [ { "ruleId": "PK1001", "level": "fatal" } ] } ], "extra": 1 }
            """;

        var errors = schema.Validate(Bad);

        Assert.Contains(errors, e => e.Path?.Contains("extra", StringComparison.Ordinal) == true || e.Property == "extra");
        Assert.True(errors.Count >= 2, string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static async Task AssertValidAsync(string sarif)
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, "SARIF schema violations:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        using var stream = typeof(SarifSchemaTests).Assembly.GetManifestResourceStream("sarif-schema-2.1.0.json")
            ?? throw new InvalidOperationException("the vendored SARIF schema is not embedded");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    }
}
