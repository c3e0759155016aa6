using System;
using System.Text.Json;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// A finding's code path as a SARIF <c>codeFlows</c> entry (SARIF 2.1.0 §3.36): one thread flow from the taint source
/// through the steps the rule recorded to the sink, so that viewers such as VS Code's SARIF viewer and GitHub code
/// scanning can walk it.
/// </summary>
internal static class SarifCodeFlow
{
    /// <summary>Writes <c>codeFlows</c> when the finding carries a code path; writes nothing otherwise.</summary>
    /// <param name="json">The writer, inside the result object.</param>
    /// <param name="finding">The finding.</param>
    /// <param name="uri">Turns a delivery-relative path into the SARIF uri.</param>
    public static void Write(Utf8JsonWriter json, Finding finding, Func<string, string> uri)
    {
        if (finding.Trace.IsDefaultOrEmpty || finding.Path.Length == 0)
        {
            return;
        }

        json.WriteStartArray("codeFlows");
        json.WriteStartObject();
        json.WriteStartArray("threadFlows");
        json.WriteStartObject();
        json.WriteStartArray("locations");
        foreach (var step in finding.Trace)
        {
            Step(json, uri(step.Path), Math.Max(1, step.Line), step.Text, "source");
        }

        Step(json, uri(finding.Path), Math.Max(1, finding.StartLine), finding.Message, "sink");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void Step(Utf8JsonWriter json, string uri, int line, string text, string kind)
    {
        json.WriteStartObject();
        json.WriteStartObject("location");
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        json.WriteString("uriBaseId", SarifWriter.RootBaseId);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("message");
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("kinds");
        json.WriteStringValue(kind);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
