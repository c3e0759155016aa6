using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PolicyKit.EndToEnd.Tests;

/// <summary>One result of a SARIF 2.1 log: rule, level, file relative to the project, line.</summary>
public sealed record SarifFinding(string RuleId, string Level, string File, int Line)
{
    /// <summary>The form of expected-vendorshop.txt: <c>error PK1001 Services/ProductSearch.cs(13)</c>.</summary>
    public override string ToString() => $"{Level} {RuleId} {File}({Line})";

    public static IReadOnlyList<SarifFinding> Read(string sarifPath, string projectDirectory)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var findings = new List<SarifFinding>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                // Suppressed in source (#pragma in generated Razor code, a waiver): not a finding.
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                var file = string.Empty;
                var line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0)
                {
                    var physical = locations[0].GetProperty("physicalLocation");
                    var path = new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                    file = Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
                    line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                }

                var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                findings.Add(new SarifFinding(result.GetProperty("ruleId").GetString()!, level, file, line));
            }
        }

        return findings;
    }
}
