using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyKit.Bench;

/// <summary>One diagnostic from a SARIF log, located in a corpus file.</summary>
/// <param name="RuleId">The tool's rule id.</param>
/// <param name="File">Path relative to the analysed project root, forward slashes.</param>
/// <param name="StartLine">1-based first line of the reported region.</param>
/// <param name="EndLine">1-based last line of the reported region.</param>
public sealed record Finding(string RuleId, string File, int StartLine, int EndLine);

/// <summary>Reads the compiler's SARIF 2.1 error log.</summary>
public static partial class Sarif
{
    // Security Code Scan reports Web.config findings without a location (Location.None) and names the place in the
    // message instead: "Request validation has been disabled in /abs/Web.config(15): <pages …/>".
    [GeneratedRegex(@" in (?<path>/[^\r\n]*?|[A-Za-z]:\\[^\r\n]*?)\((?<line>\d+)\):")]
    private static partial Regex MessageLocation();

    /// <summary>Reads the results of <paramref name="path"/> that lie under <paramref name="projectRoot"/>; suppressed results are skipped.</summary>
    public static IReadOnlyList<Finding> Read(string path, string projectRoot)
    {
        var findings = new List<Finding>();
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        var rootFull = Path.GetFullPath(projectRoot).TrimEnd('/') + "/";
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    if (FromMessage(result, ruleId, rootFull) is { } located)
                    {
                        findings.Add(located);
                    }

                    continue;
                }

                foreach (var location in locations.EnumerateArray())
                {
                    if (!location.TryGetProperty("physicalLocation", out var physical)
                        || !physical.TryGetProperty("artifactLocation", out var artifact)
                        || !artifact.TryGetProperty("uri", out var uriElement))
                    {
                        continue;
                    }

                    var file = ToPath(uriElement.GetString() ?? "");
                    if (!file.StartsWith(rootFull, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var start = 0;
                    var end = 0;
                    if (physical.TryGetProperty("region", out var region))
                    {
                        start = region.TryGetProperty("startLine", out var s) ? s.GetInt32() : 0;
                        end = region.TryGetProperty("endLine", out var e) ? e.GetInt32() : start;
                    }

                    findings.Add(new Finding(ruleId, file[rootFull.Length..], start, Math.Max(start, end)));
                }
            }
        }

        return findings;
    }

    private static Finding? FromMessage(JsonElement result, string ruleId, string rootFull)
    {
        if (!result.TryGetProperty("message", out var message) || !message.TryGetProperty("text", out var text)
            || MessageLocation().Match(text.GetString() ?? "") is not { Success: true } match)
        {
            return null;
        }

        var file = Path.GetFullPath(match.Groups["path"].Value);
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return file.StartsWith(rootFull, StringComparison.Ordinal) ? new Finding(ruleId, file[rootFull.Length..], line, line) : null;
    }

    private static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : uri;
}
