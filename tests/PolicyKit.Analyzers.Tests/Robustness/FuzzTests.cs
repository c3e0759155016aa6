using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>
/// Mutation fuzzing of every analyzer (issue 9): a fixed seed, a bounded number of mutants, every analyzer on each.
/// Asserts no analyzer exception; and, generously, no pathological slow-down relative to the unmutated source.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261125;
    private const int MutantsPerKind = 14;

    // A mutant may cost more than its original (a 10,000-part concatenation is big by itself), but a rule that goes
    // quadratic or loops shows as orders of magnitude. The floor keeps tiny originals from making the bound tight.
    private const double MaximumSlowdown = 200;
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(100);

    private readonly ITestOutputHelper output;

    public FuzzTests(ITestOutputHelper output) => this.output = output;

    public static IEnumerable<object[]> Kinds() => Enumerable.Range(0, Mutator.Kinds).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task No_analyzer_throws_or_stalls_on_mutated_code(int kind)
    {
        var pool = SourcePool.All;
        Assert.NotEmpty(pool);
        var random = new Random(Seed + kind);
        var failures = new List<string>();
        for (var i = 0; i < MutantsPerKind; i++)
        {
            var original = pool[random.Next(pool.Count)];
            var mutant = Mutator.Mutate(original, kind, random);

            var baseline = await AnalyzerRun.TimedAsync(original);
            var mutated = await AnalyzerRun.TimedAsync(mutant);

            failures.AddRange(baseline.Exceptions);
            failures.AddRange(mutated.Exceptions.Select(e => $"mutant {kind}/{i}: {e}"));
            var bound = TimeSpan.FromTicks((long)(Math.Max(baseline.AnalyzerTime.Ticks, Floor.Ticks) * MaximumSlowdown));
            if (mutated.AnalyzerTime > bound)
            {
                failures.Add($"mutant {kind}/{i}: analyzers took {mutated.AnalyzerTime.TotalMilliseconds:F0} ms against {baseline.AnalyzerTime.TotalMilliseconds:F0} ms unmutated");
            }

            output.WriteLine($"{kind}/{i}: {original.Length} -> {mutant.Length} chars, analyzers {baseline.AnalyzerTime.TotalMilliseconds:F0} -> {mutated.AnalyzerTime.TotalMilliseconds:F0} ms");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
