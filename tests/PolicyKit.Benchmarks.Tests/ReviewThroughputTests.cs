using PolicyKit.Bench;

namespace PolicyKit.Benchmarks.Tests;

/// <summary>The benchmark reads throughput from the CLI's <c>--stats</c> lines; their format is a contract between the two.</summary>
public sealed class ReviewThroughputTests
{
    [Fact]
    public void Reads_files_lines_wall_time_and_peak_memory_from_the_stats_lines()
    {
        var output = """
            policykit review: 3 projects compiled
            stats: files 1234, lines 501234, projects 3, review 98.50 s, total 101.25 s
            stats: 4950 lines/s, peak working set 1843 MB
            """;

        var measurement = ReviewThroughput.Parse("generated", output);

        Assert.Equal(1234, measurement.Files);
        Assert.Equal(501234, measurement.Lines);
        Assert.Equal(101.25, measurement.Seconds, 3);
        Assert.Equal(1843, measurement.PeakMegabytes, 3);
        Assert.Equal(501234 / 101.25, measurement.LinesPerSecond, 3);
    }

    [Fact]
    public void Refuses_output_without_statistics()
    {
        Assert.Throws<BuildFailedException>(() => ReviewThroughput.Parse("corpus", "review failed"));
    }

    [Fact]
    public void Renders_one_row_per_target()
    {
        var table = ReviewThroughput.Render([new ReviewMeasurement("corpus", 120, 24000, 12.0, 700)]);

        Assert.Contains("| corpus | 120 | 24,000 | 12.0 | 2,000 | 700 |", table);
    }
}
