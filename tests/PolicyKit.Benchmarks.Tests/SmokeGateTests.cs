using System.IO;
using System.Threading.Tasks;
using PolicyKit.Bench;

namespace PolicyKit.Benchmarks.Tests;

/// <summary>
/// Runs the benchmark's smoke mode (corpus only, PolicyKit only, one build) and checks PolicyKit's recall and
/// precision per category against bench/baseline.json. Wall time is measured but never asserted.
/// </summary>
public sealed class SmokeGateTests
{
    [Fact]
    public async Task PolicyKit_does_not_fall_below_the_baseline_on_the_corpus()
    {
        var root = BenchOptions.FindRepositoryRoot(Directory.GetCurrentDirectory());
        var output = Path.Combine(Path.GetTempPath(), "policykit-bench-smoke-" + System.Guid.NewGuid().ToString("N"));
        var options = BenchOptions.Parse(new[] { "--smoke", "--out", output }, root);
        using var log = new StringWriter();

        var result = await BenchRunner.RunAsync(options, log);

        Assert.True(File.Exists(result.ReportPath));
        Assert.True(result.Scores.ContainsKey("policykit"));
        Assert.True(result.Regressions.Count == 0, "PolicyKit fell below bench/baseline.json:\n" + string.Join("\n", result.Regressions));
    }
}
