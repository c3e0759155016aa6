using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>Reads the findings of a previous delivery's SARIF: rule, file, line, message and PolicyKit fingerprint.</summary>
internal static class BaselineReader
{
    /// <summary>Reads the baseline's results.</summary>
    /// <param name="path">The SARIF file.</param>
    /// <returns>The results that carry a PolicyKit fingerprint.</returns>
    /// <exception cref="ReviewInputException">The file is missing or not SARIF.</exception>
    public static List<(string Fingerprint, FixedFinding Finding)> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
            var results = new List<(string, FixedFinding)>();
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new ReviewInputException($"'{path}' is not a SARIF log (no runs); expected a report written by policykit review.");
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in list.EnumerateArray())
                {
                    if (!result.TryGetProperty("partialFingerprints", out var prints) || !prints.TryGetProperty(Fingerprint.Key, out var print) || print.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var rule = result.TryGetProperty("ruleId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "?";
                    var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                    var uri = string.Empty;
                    var line = 0;
                    if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
                        && locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String)
                        {
                            uri = Uri.UnescapeDataString(u.GetString()!);
                        }

                        if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var l) && l.TryGetInt32(out var n))
                        {
                            line = n;
                        }
                    }

                    results.Add((print.GetString()!, new FixedFinding(rule, uri, line, message)));
                }
            }

            return results;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReviewInputException($"cannot read the baseline '{path}': {e.Message}");
        }
        catch (JsonException e)
        {
            throw new ReviewInputException($"the baseline '{path}' is not JSON (line {e.LineNumber + 1}): expected a SARIF file written by policykit review.");
        }
    }
}
