using System.IO;
using System.Linq;
using PolicyKit.Bench;

namespace PolicyKit.Benchmarks.Tests;

/// <summary>The legacy corpus labels (C# and Web.config): generated manifest, category coverage, XML ranges.</summary>
public sealed class LegacyCorpusManifestTests
{
    private static readonly string Root = BenchOptions.FindRepositoryRoot(Directory.GetCurrentDirectory());
    private static readonly string LegacyRoot = Path.Combine(Root, "tests", "LegacyCorpus");

    [Fact]
    public void Manifest_matches_the_markers()
    {
        var expected = Manifest.Render(CorpusLabels.Read(LegacyRoot));
        var actual = File.ReadAllText(Path.Combine(LegacyRoot, "manifest.json")).Replace("\r\n", "\n");
        Assert.True(expected == actual, "tests/LegacyCorpus/manifest.json is stale: run `dotnet run --project bench/PolicyKit.Bench -- --write-manifest`.");
    }

    [Fact]
    public void Every_web_config_category_has_six_vulnerable_and_six_safe_cases()
    {
        var cases = CorpusLabels.Cases(CorpusLabels.Read(LegacyRoot));
        foreach (var category in Tools.ConfigCategories)
        {
            Assert.True(cases.Count(c => c.Category == category && c.Vulnerable) >= 6, category + " vulnerable");
            Assert.True(cases.Count(c => c.Category == category && !c.Vulnerable) >= 6, category + " safe");
        }
    }

    [Fact]
    public void Config_label_range_runs_from_the_element_start_to_the_marker()
    {
        var labels = CorpusLabels.ReadConfigFile("Web.config", """
            <configuration>
              <system.web>
                <forms loginUrl="~/Login"
                       timeout="600" requireSSL="false" /> <!-- vuln:PK6002 vuln:PK6003#forms wrapped attributes -->
                <customErrors mode="Off" /> <!-- safe:PK6001 -->
              </system.web>
            </configuration>
            """).ToList();
        Assert.Equal(3, labels.Count);
        Assert.All(labels.Take(2), l => Assert.Equal((3, 4), (l.StartLine, l.EndLine)));
        Assert.Equal("PK6003#forms", labels[1].CaseId);
        Assert.Equal((5, 5, false), (labels[2].StartLine, labels[2].EndLine, labels[2].Vulnerable));
        Assert.True(Scoring.Matches(labels[0], new Finding("PK6002", "Web.config", 3, 3)));
        Assert.True(Scoring.Matches(labels[0], new Finding("PK6002", "Web.config", 4, 4)));
        Assert.False(Scoring.Matches(labels[0], new Finding("PK6002", "Web.config", 5, 5)));
    }
}
