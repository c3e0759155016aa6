using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// The SARIF log checked against SARIF 2.1.0 (OASIS, errata 01) for every field policykit emits: required properties,
/// types, enums and minimums as the official schema states them, restated below section by section of the spec so a
/// failure names the field (<see cref="SarifSchemaTests"/> validates the same output against the vendored schema).
/// </summary>
public sealed class SarifStructureTests
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];
    private static readonly string[] SuppressionKinds = ["inSource", "external"];
    private static readonly string[] SuppressionStatuses = ["accepted", "underReview", "rejected"];
    private static readonly string[] BaselineStates = ["new", "unchanged", "updated", "absent"];

    [Fact]
    public async Task Sarif_log_meets_the_2_1_0_schema_for_every_emitted_field()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        delivery.Write("policykit.json", """
            { "schemaVersion": "1", "name": "p", "waivers": [ { "rule": "PK4001", "path": "**/Program.cs", "justification": "j", "approver": "a", "expires": "2099-01-01" } ] }
            """);
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");
        var first = Path.Combine(delivery.Out, "policykit.sarif");
        var baseline = Path.Combine(delivery.Root, "previous.sarif");
        File.Copy(first, baseline);
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif", "--baseline", baseline);

        using var document = JsonDocument.Parse(File.ReadAllText(first));
        var problems = new List<string>();
        Validate(document.RootElement, problems);

        Assert.Empty(problems);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Contains(results, r => r.TryGetProperty("suppressions", out _));
        Assert.All(results, r => Assert.Equal("unchanged", r.GetProperty("baselineState").GetString()));
    }

    [Fact]
    public async Task Taint_findings_carry_their_code_path_as_a_code_flow_ending_at_the_result()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var flowing = results.Where(r => r.TryGetProperty("codeFlows", out _)).ToList();

        Assert.Contains(flowing, r => r.GetProperty("ruleId").GetString() == "PK1001");
        Assert.DoesNotContain(results, r => r.GetProperty("ruleId").GetString() == "PK4001" && r.TryGetProperty("codeFlows", out _));
        foreach (var result in flowing)
        {
            var steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray().ToList();
            Assert.True(steps.Count >= 2, "a code flow runs from a source to the sink");
            Assert.Equal("source", steps[0].GetProperty("kinds")[0].GetString());
            Assert.Equal("sink", steps[^1].GetProperty("kinds")[0].GetString());
            var sink = steps[^1].GetProperty("location").GetProperty("physicalLocation");
            var at = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(at.GetProperty("artifactLocation").GetProperty("uri").GetString(), sink.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(at.GetProperty("region").GetProperty("startLine").GetInt32(), sink.GetProperty("region").GetProperty("startLine").GetInt32());
        }
    }

    [Fact]
    public async Task Rules_carry_cwe_and_control_tags_and_help_links()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var sql = rules.Single(r => r.GetProperty("id").GetString() == "PK1001");
        var tags = sql.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("CWE-89", tags);
        Assert.Contains("control:MIC-38", tags);
        Assert.EndsWith("docs/rules/PK1001.md", sql.GetProperty("helpUri").GetString());
        Assert.Equal("SQLBuiltFromANonconstantString", sql.GetProperty("name").GetString());
    }

    private static void Validate(JsonElement log, List<string> problems)
    {
        // §3.13 sarifLog: version (enum "2.1.0") and runs are required.
        Require(log, "$", JsonValueKind.Object, problems);
        String(log, "$", "$schema", true, problems);
        Enum(log, "$", "version", ["2.1.0"], true, problems);
        var runs = Array(log, "$", "runs", true, problems);
        foreach (var (run, i) in runs.Select((r, i) => (r, i)))
        {
            var at = $"$.runs[{i}]";
            // §3.14 run: tool is required; §3.18 tool: driver required; §3.19 toolComponent: name required.
            var driver = Object(Object(run, at, "tool", true, problems), at + ".tool", "driver", true, problems);
            String(driver, at + ".tool.driver", "name", true, problems);
            String(driver, at + ".tool.driver", "version", false, problems);
            String(driver, at + ".tool.driver", "informationUri", false, problems);
            var rules = Array(driver, at + ".tool.driver", "rules", false, problems);
            foreach (var (rule, r) in rules.Select((x, r) => (x, r)))
            {
                var ra = $"{at}.tool.driver.rules[{r}]";
                // §3.49 reportingDescriptor: id required; descriptions are multiformatMessageString (text required).
                String(rule, ra, "id", true, problems);
                String(rule, ra, "name", false, problems);
                String(Object(rule, ra, "shortDescription", false, problems), ra + ".shortDescription", "text", true, problems);
                String(Object(rule, ra, "fullDescription", false, problems), ra + ".fullDescription", "text", true, problems);
                String(rule, ra, "helpUri", false, problems);
                Enum(Object(rule, ra, "defaultConfiguration", false, problems), ra + ".defaultConfiguration", "level", Levels, false, problems);
                foreach (var tag in Array(Object(rule, ra, "properties", false, problems), ra + ".properties", "tags", false, problems))
                {
                    Require(tag, ra + ".properties.tags[]", JsonValueKind.String, problems);
                }
            }

            foreach (var invocation in Array(run, at, "invocations", false, problems))
            {
                // §3.20 invocation: executionSuccessful required (boolean).
                if (!invocation.TryGetProperty("executionSuccessful", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add(at + ".invocations[]: executionSuccessful must be a boolean");
                }
            }

            var results = Array(run, at, "results", false, problems);
            foreach (var (result, k) in results.Select((x, k) => (x, k)))
            {
                var ra = $"{at}.results[{k}]";
                // §3.27 result: message required; level enum; ruleIndex minimum -1.
                String(Object(result, ra, "message", true, problems), ra + ".message", "text", true, problems);
                String(result, ra, "ruleId", false, problems);
                Enum(result, ra, "level", Levels, false, problems);
                Enum(result, ra, "baselineState", BaselineStates, false, problems);
                if (result.TryGetProperty("ruleIndex", out var index) && (!index.TryGetInt32(out var n) || n < -1 || n >= rules.Count))
                {
                    problems.Add(ra + ".ruleIndex out of range");
                }

                foreach (var location in Array(result, ra, "locations", false, problems))
                {
                    // §3.28-3.30: physicalLocation.artifactLocation.uri (uri-reference); region lines/columns minimum 1.
                    var physical = Object(location, ra + ".locations[]", "physicalLocation", true, problems);
                    var artifact = Object(physical, ra + ".physicalLocation", "artifactLocation", true, problems);
                    var uri = String(artifact, ra + ".artifactLocation", "uri", true, problems);
                    if (uri is not null && (!System.Uri.TryCreate(uri, System.UriKind.Relative, out _) || uri.Contains('\\')))
                    {
                        problems.Add(ra + ".artifactLocation.uri is not a relative URI reference: " + uri);
                    }

                    var region = Object(physical, ra + ".physicalLocation", "region", false, problems);
                    foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                    {
                        if (region.ValueKind == JsonValueKind.Object && region.TryGetProperty(name, out var v) && (!v.TryGetInt32(out var line) || line < 1))
                        {
                            problems.Add($"{ra}.region.{name} must be an integer >= 1");
                        }
                    }
                }

                // §3.27.17 partialFingerprints: object of strings.
                foreach (var print in Object(result, ra, "partialFingerprints", false, problems) is { ValueKind: JsonValueKind.Object } p ? p.EnumerateObject() : Enumerable.Empty<JsonProperty>())
                {
                    Require(print.Value, ra + ".partialFingerprints." + print.Name, JsonValueKind.String, problems);
                }

                foreach (var suppression in Array(result, ra, "suppressions", false, problems))
                {
                    // §3.35 suppression: kind required (enum); status enum; justification string.
                    Enum(suppression, ra + ".suppressions[]", "kind", SuppressionKinds, true, problems);
                    Enum(suppression, ra + ".suppressions[]", "status", SuppressionStatuses, false, problems);
                    String(suppression, ra + ".suppressions[]", "justification", false, problems);
                    Object(suppression, ra + ".suppressions[]", "properties", false, problems);
                }

                Object(result, ra, "properties", false, problems);
            }

            Enum(run, at, "columnKind", ["utf16CodeUnits", "unicodeCodePoints"], false, problems);
            Object(run, at, "properties", false, problems);
        }
    }

    private static void Require(JsonElement element, string at, JsonValueKind kind, List<string> problems)
    {
        if (element.ValueKind != kind)
        {
            problems.Add($"{at}: expected {kind}, got {element.ValueKind}");
        }
    }

    private static JsonElement Object(JsonElement parent, string at, string name, bool required, List<string> problems) =>
        Member(parent, at, name, JsonValueKind.Object, required, problems);

    private static List<JsonElement> Array(JsonElement parent, string at, string name, bool required, List<string> problems) =>
        Member(parent, at, name, JsonValueKind.Array, required, problems) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : new List<JsonElement>();

    private static string? String(JsonElement parent, string at, string name, bool required, List<string> problems) =>
        Member(parent, at, name, JsonValueKind.String, required, problems) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static void Enum(JsonElement parent, string at, string name, string[] values, bool required, List<string> problems)
    {
        if (String(parent, at, name, required, problems) is { } value && !values.Contains(value))
        {
            problems.Add($"{at}.{name}: '{value}' is not one of {string.Join(", ", values)}");
        }
    }

    private static JsonElement Member(JsonElement parent, string at, string name, JsonValueKind kind, bool required, List<string> problems)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"{at}.{name} is required");
            }

            return default;
        }

        if (value.ValueKind != kind)
        {
            problems.Add($"{at}.{name}: expected {kind}, got {value.ValueKind}");
        }

        return value;
    }
}
