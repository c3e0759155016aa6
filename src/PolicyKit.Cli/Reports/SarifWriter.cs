using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// SARIF 2.1.0: rule metadata (ids, names, descriptions, help links, CWE and control tags), results with 1-based
/// regions, PolicyKit fingerprints for comparing deliveries, and waivers as external suppressions.
/// </summary>
internal sealed class SarifWriter : IReportWriter
{
    /// <summary>The schema URI written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The <c>uriBaseId</c> of delivery-relative paths.</summary>
    public const string RootBaseId = "DELIVERYROOT";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Sarif;

    /// <inheritdoc/>
    public string FileName => "policykit.sarif";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            WriteLog(json, report);
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    private static void WriteLog(Utf8JsonWriter json, AcceptanceReport report)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "PolicyKit");
        json.WriteString("fullName", "PolicyKit acceptance review (" + report.Header.ToolName + ")");
        json.WriteString("version", report.Header.ToolVersion);
        json.WriteString("semanticVersion", report.Header.ToolVersion);
        json.WriteString("informationUri", "https://github.com/policykit/policykit");
        json.WriteString("language", report.Header.Language);
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            Message(json, "shortDescription", rule.Title);
            Message(json, "fullDescription", rule.Description.Length > 0 ? rule.Description : rule.Title);
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.DefaultLevel);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteString("security-severity", SecuritySeverity.Text(rule));
            json.WriteStartArray("tags");
            foreach (var tag in rule.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteString("startTimeUtc", report.Header.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", finding.Level);
            Message(json, "message", finding.Message);
            if (finding.Path.Length > 0)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", EscapePath(finding.Path));
                json.WriteString("uriBaseId", RootBaseId);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", Math.Max(1, finding.StartLine));
                json.WriteNumber("startColumn", Math.Max(1, finding.StartColumn));
                json.WriteNumber("endLine", Math.Max(finding.StartLine, finding.EndLine));
                json.WriteNumber("endColumn", Math.Max(1, finding.EndColumn));
                var line = finding.Excerpt.FirstOrDefault(l => l.IsFinding);
                if (line is not null)
                {
                    Message(json, "snippet", line.Text);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            SarifCodeFlow.Write(json, finding, EscapePath);
            json.WriteStartObject("partialFingerprints");
            json.WriteString(Fingerprint.Key, finding.Fingerprint);
            json.WriteEndObject();
            if (finding.BaselineState is { } state)
            {
                json.WriteString("baselineState", state);
            }

            if (finding.Waiver is { } waiver)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("status", "accepted");
                json.WriteString("justification", waiver.Justification);
                json.WriteStartObject("properties");
                json.WriteString("approver", waiver.Approver);
                json.WriteString("expiry", waiver.Expires);
                json.WriteString("scope", waiver.Scope);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteString("findingId", finding.Id);
            json.WriteString("project", finding.Project);
            json.WriteStartArray("controls");
            foreach (var control in finding.Controls)
            {
                json.WriteStringValue(control);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartObject("properties");
        json.WriteString("policyName", report.Header.PolicyName);
        if (report.Header.PolicyVersion is { } version)
        {
            json.WriteString("policyVersion", version);
        }

        json.WriteString("policyHash", report.Header.PolicyHash);
        json.WriteString("policyOrigin", report.Header.PolicyOrigin);
        json.WriteString("rulesVersion", report.Header.RulesVersion);
        json.WriteString("input", report.Header.Input);
        json.WriteString("inputHash", report.Header.InputHash);
        json.WriteString("gate", report.Gate.Passed ? "passed" : "failed");
        json.WriteString("failOn", report.Gate.FailOn);
        json.WriteStartObject("controls");
        foreach (var control in report.Controls)
        {
            json.WriteString(control.Id, control.Outcome switch
            {
                ControlOutcome.Pass => control.ConfirmByHand ? "pass-confirm-by-hand" : "pass",
                ControlOutcome.Fail => "fail",
                ControlOutcome.Waived => "waived",
                _ => "not-checkable-from-source",
            });
        }

        json.WriteEndObject();
        json.WriteStartArray("resolution");
        foreach (var project in report.Resolution.Projects)
        {
            json.WriteStartObject();
            json.WriteString("project", project.Project);
            json.WriteNumber("files", project.Files);
            json.WriteNumber("lines", project.Lines);
            json.WriteNumber("cs0246", project.UnresolvedType);
            json.WriteNumber("cs0234", project.UnresolvedNamespaceMember);
            json.WriteNumber("cs1061", project.UnresolvedMember);
            json.WriteNumber("cs0103", project.UnresolvedName);
            json.WriteNumber("filesWithUnresolved", project.FilesWithUnresolved);
            json.WriteStartArray("packagesUnresolved");
            foreach (var package in project.PackagesNotRestored)
            {
                json.WriteStringValue(package);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        EndpointSection.WriteSarif(json, report);
        json.WriteStartArray("packages");
        foreach (var package in report.Resolution.Packages)
        {
            json.WriteStringValue(package);
        }

        json.WriteEndArray();
        if (report.Baseline is { } baseline)
        {
            json.WriteStartObject("baseline");
            json.WriteNumber("new", baseline.New);
            json.WriteNumber("unchanged", baseline.Unchanged);
            json.WriteNumber("fixed", baseline.Fixed.Length);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    // A relative URI reference: each segment percent-encoded, '/' kept.
    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
