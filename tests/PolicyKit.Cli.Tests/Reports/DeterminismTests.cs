using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using PolicyKit.Cli.Commands;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// The same delivery gives byte-identical SARIF, Markdown and HTML, whatever the output folder and the current
/// directory, once the date is fixed with <c>--timestamp</c> or <c>SOURCE_DATE_EPOCH</c>: deliveries can be diffed.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string[] Reports = ["policykit.sarif", "policykit-report.md", "policykit-report.html"];

    [Fact]
    public async Task Two_reviews_of_VendorShop_from_different_folders_give_byte_identical_reports()
    {
        using var delivery = TempDelivery.Empty();
        CopySources(Path.Combine(RepositoryRoot(), "samples", "VendorShop"), delivery.Path);
        var first = Path.Combine(delivery.Root, "first");
        var second = Path.Combine(delivery.Root, "elsewhere", "second");

        // In process, absolute paths, --timestamp.
        var inProcess = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", first, "--timestamp", "2026-01-01T09:00:00+09:00");
        // A separate process in another current directory, relative paths, SOURCE_DATE_EPOCH (2026-01-01T00:00:00Z).
        var (code, output) = RunCli(delivery.Root, ("SOURCE_DATE_EPOCH", "1767225600"), "review", "delivery", "--out", Path.Combine("elsewhere", "second"));

        Assert.True(inProcess.ExitCode == 1, inProcess.ToString());
        Assert.True(code == 1, output);
        foreach (var name in Reports)
        {
            var a = File.ReadAllBytes(Path.Combine(first, name));
            var b = File.ReadAllBytes(Path.Combine(second, name));
            Assert.True(a.AsSpan().SequenceEqual(b), name + " differs between the two reviews");
        }

        Assert.Contains("| Date (UTC) | 2026-01-01 00:00:00 |", File.ReadAllText(Path.Combine(first, "policykit-report.md")));
        Assert.Contains("\"startTimeUtc\": \"2026-01-01T00:00:00.000Z\"", File.ReadAllText(Path.Combine(first, "policykit.sarif")));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", null, "2026-01-01T00:00:00+00:00")]
    [InlineData("2026-01-01T09:00:00+09:00", "1", "2026-01-01T00:00:00+00:00")]
    [InlineData(null, "1767225600", "2026-01-01T00:00:00+00:00")]
    [InlineData(null, "0", "1970-01-01T00:00:00+00:00")]
    public void Timestamp_comes_from_the_option_first_then_SOURCE_DATE_EPOCH(string? option, string? epoch, string expected)
    {
        Assert.True(ReportTimestamp.TryResolve(option, epoch, out var timestamp, out var problem), problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), timestamp);
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00", null)]
    [InlineData("2026-01-01", null)]
    [InlineData("yesterday", null)]
    [InlineData(null, "-1")]
    [InlineData(null, "1.5")]
    [InlineData(null, "99999999999999")]
    public void Timestamp_without_an_offset_or_an_unreadable_epoch_is_refused(string? option, string? epoch)
    {
        Assert.False(ReportTimestamp.TryResolve(option, epoch, out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task Unreadable_timestamp_is_exit_2()
    {
        using var delivery = TempDelivery.Of("CleanShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--timestamp", "2026-01-01 00:00");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unreadable --timestamp", result.Error);
    }

    private static (int Code, string Output) RunCli(string workingDirectory, (string Name, string Value) environment, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "PolicyKit.Cli.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[environment.Name] = environment.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static string RepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "PolicyKit.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    }

    // The sample's sources only: a build of the sample running at the same time must not change the input.
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            if (Path.GetFileName(directory) is not ("bin" or "obj"))
            {
                CopySources(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
