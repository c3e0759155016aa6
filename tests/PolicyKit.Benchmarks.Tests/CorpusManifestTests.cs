using System.IO;
using System.Linq;
using PolicyKit.Bench;

namespace PolicyKit.Benchmarks.Tests;

/// <summary>The corpus labels: the manifest is generated from the markers and must match them.</summary>
public sealed class CorpusManifestTests
{
    private static readonly string Root = BenchOptions.FindRepositoryRoot(Directory.GetCurrentDirectory());
    private static readonly string CorpusRoot = Path.Combine(Root, "tests", "Corpus");

    [Fact]
    public void Manifest_matches_the_markers()
    {
        var expected = Manifest.Render(CorpusLabels.Read(CorpusRoot));
        var actual = File.ReadAllText(Path.Combine(CorpusRoot, "manifest.json")).Replace("\r\n", "\n");
        Assert.True(expected == actual, "tests/Corpus/manifest.json is stale: run `dotnet run --project bench/PolicyKit.Bench -- --write-manifest`.");
    }

    [Fact]
    public void Every_category_has_vulnerable_and_safe_cases()
    {
        var cases = CorpusLabels.Cases(CorpusLabels.Read(CorpusRoot));
        foreach (var category in Tools.Categories)
        {
            Assert.Contains(cases, c => c.Category == category && c.Vulnerable);
            Assert.Contains(cases, c => c.Category == category && !c.Vulnerable);
        }
    }

    [Fact]
    public void Label_ranges_contain_their_marker_line()
    {
        foreach (var label in CorpusLabels.Read(CorpusRoot))
        {
            Assert.InRange(label.Line, label.StartLine, label.EndLine);
        }
    }

    [Fact]
    public void Matches_a_finding_inside_the_statement_of_a_marker()
    {
        var labels = CorpusLabels.ReadFile("A.cs", """
            class A
            {
                void M(System.Data.IDbCommand c, string s)
                {
                    c.CommandText = // vuln:PK1001 split statement
                        "SELECT " + s;
                }
            }
            """).ToList();
        var label = Assert.Single(labels);
        Assert.True(Scoring.Matches(label, new Finding("PK1001", "A.cs", 6, 6)));
        Assert.False(Scoring.Matches(label, new Finding("PK1001", "A.cs", 7, 7)));
        Assert.False(Scoring.Matches(label, new Finding("PK1001", "B.cs", 5, 5)));
    }
}
