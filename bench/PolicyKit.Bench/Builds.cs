using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace PolicyKit.Bench;

/// <summary>What one build of a project with one tool measured.</summary>
/// <param name="Tool">The corpus <c>Peer</c> value (none, policykit, scs, sonar, netanalyzers).</param>
/// <param name="Repetition">0-based repetition.</param>
/// <param name="BuildSeconds">Wall time of the whole <c>dotnet build</c>.</param>
/// <param name="CompilerSeconds">Wall time of the csc process alone (null when /usr/bin/time is missing).</param>
/// <param name="CompilerCpuSeconds">User + system CPU time of the csc process.</param>
/// <param name="CompilerPeakMegabytes">Maximum resident set size of the csc process.</param>
/// <param name="AnalyzerSeconds">Analyzer execution time by assembly name, from ReportAnalyzer.</param>
/// <param name="AnalyzerTypeSeconds">Analyzer execution time by analyzer type name, from ReportAnalyzer.</param>
/// <param name="SarifPath">The build's SARIF log.</param>
public sealed record BuildMeasurement(
    string Tool, int Repetition, double BuildSeconds, double? CompilerSeconds, double? CompilerCpuSeconds, double? CompilerPeakMegabytes,
    IReadOnlyDictionary<string, double> AnalyzerSeconds, IReadOnlyDictionary<string, double> AnalyzerTypeSeconds, string SarifPath);

/// <summary>A build that failed; its log is in the results folder.</summary>
public sealed class BuildFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildFailedException(string message) : base(message) { }
}

/// <summary>
/// Runs <c>dotnet</c> builds. The compiler runs out of the build server (<c>UseSharedCompilation=false</c>) through a
/// wrapper script that runs it under <c>/usr/bin/time</c>, so its wall time, CPU time and peak RSS are the compiler's
/// own and not MSBuild's. <c>-m:1 -nodeReuse:false</c> keep one build process per run.
/// </summary>
public sealed partial class Builds
{
    private readonly string _workDir;
    private readonly string _logDir;
    private readonly string? _cscDll;
    private readonly string? _wrapper;
    private readonly string _statsFile;

    /// <summary>Creates a runner that writes logs to <paramref name="logDir"/>.</summary>
    public Builds(string workDir, string logDir)
    {
        _workDir = workDir;
        _logDir = logDir;
        Directory.CreateDirectory(logDir);
        _statsFile = Path.Combine(workDir, "csc-stats.txt");
        _cscDll = FindCscDll();
        if (_cscDll is not null && File.Exists("/usr/bin/time") && !OperatingSystem.IsWindows())
        {
            _wrapper = Path.Combine(workDir, "csc-timed.sh");
            File.WriteAllText(_wrapper, "#!/bin/sh\n# Runs the compiler under /usr/bin/time: wall s, user s, sys s, max RSS KiB.\n"
                + "exec /usr/bin/time -f '%e %U %S %M' -o \"$BENCH_CSC_STATS\" \"${DOTNET_HOST_PATH:-dotnet}\" exec \"$BENCH_CSC_DLL\" \"$@\"\n");
            File.SetUnixFileMode(_wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
    }

    /// <summary>True when the compiler's own time and memory are measured.</summary>
    public bool MeasuresCompiler => _wrapper is not null;

    /// <summary>Runs a command, saves its output to the log folder, throws with the log path when it fails.</summary>
    public async Task<string> RunAsync(string logName, string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, _) = await ExecAsync(workingDirectory, arguments, null);
        var logPath = Path.Combine(_logDir, logName + ".log");
        await File.WriteAllTextAsync(logPath, output);
        if (exitCode != 0)
        {
            throw new BuildFailedException($"'dotnet {string.Join(' ', arguments)}' failed with exit code {exitCode}; see {logPath}\n{Tail(output)}");
        }

        return output;
    }

    /// <summary>Builds <paramref name="project"/> with one tool (no restore, no incremental build) and measures it.</summary>
    public async Task<BuildMeasurement> BuildAsync(string label, string project, string tool, int repetition, string? policyKitAnalyzers)
    {
        var sarif = Path.Combine(_logDir, $"{label}-{tool}-{repetition}.sarif");
        var detailedLog = Path.Combine(_workDir, $"{label}-{tool}-{repetition}.detailed.log");
        var arguments = new List<string>
        {
            "build", project, "--no-restore", "--no-incremental", "-c", "Release", "-m:1", "-nodeReuse:false", "-v:n",
            "-p:UseSharedCompilation=false", "-p:ReportAnalyzer=true", "-p:Peer=" + tool, "-p:BenchSarif=" + sarif,
            // The compiler's ReportAnalyzer table is logged at detailed verbosity only: send that to a file.
            "-flp:logfile=" + detailedLog + ";verbosity=detailed",
        };
        if (policyKitAnalyzers is not null)
        {
            arguments.Add("-p:PolicyKitAnalyzers=" + policyKitAnalyzers.Replace(";", "%3B", StringComparison.Ordinal));
        }

        var environment = new Dictionary<string, string>();
        if (_wrapper is not null)
        {
            arguments.Add("-p:CscToolPath=" + Path.GetDirectoryName(_wrapper));
            arguments.Add("-p:CscToolExe=" + Path.GetFileName(_wrapper));
            environment["BENCH_CSC_STATS"] = _statsFile;
            environment["BENCH_CSC_DLL"] = _cscDll!;
            File.Delete(_statsFile);
        }

        var (exitCode, output, seconds) = await ExecAsync(Path.GetDirectoryName(project)!, arguments, environment);
        var logPath = Path.Combine(_logDir, $"{label}-{tool}-{repetition}.log");
        await File.WriteAllTextAsync(logPath, output);
        if (exitCode != 0)
        {
            throw new BuildFailedException($"Build of {label} with {tool} failed (exit {exitCode}); see {logPath}\n{Tail(output)}");
        }

        double? cscWall = null, cscCpu = null, cscRss = null;
        if (_wrapper is not null && File.Exists(_statsFile))
        {
            var parts = File.ReadAllLines(_statsFile).Last(l => l.Trim().Length > 0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 4)
            {
                cscWall = double.Parse(parts[0], CultureInfo.InvariantCulture);
                cscCpu = double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture);
                cscRss = double.Parse(parts[3], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        var (byAssembly, byType) = File.Exists(detailedLog) ? ParseAnalyzerReport(await File.ReadAllTextAsync(detailedLog)) : ParseAnalyzerReport(output);
        File.Delete(detailedLog);
        return new BuildMeasurement(tool, repetition, seconds, cscWall, cscCpu, cscRss, byAssembly, byType, sarif);
    }

    /// <summary>
    /// Parses the compiler's ReportAnalyzer section ("Total analyzer execution time" then one line per assembly and
    /// one indented line per analyzer type with seconds and percent). Generator sections are skipped.
    /// </summary>
    public static (Dictionary<string, double> ByAssembly, Dictionary<string, double> ByType) ParseAnalyzerReport(string output)
    {
        var byAssembly = new Dictionary<string, double>(StringComparer.Ordinal);
        var byType = new Dictionary<string, double>(StringComparer.Ordinal);
        var inAnalyzers = false;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Contains("Total analyzer execution time", StringComparison.Ordinal))
            {
                inAnalyzers = true;
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.Ordinal))
            {
                inAnalyzers = false;
                continue;
            }

            if (!inAnalyzers)
            {
                continue;
            }

            var match = ReportLine().Match(line);
            if (!match.Success)
            {
                if (line.Trim().Length == 0 || line.Contains("Build succeeded", StringComparison.Ordinal))
                {
                    inAnalyzers = line.Trim().Length == 0 && inAnalyzers;
                }

                continue;
            }

            var seconds = double.Parse(match.Groups[1].Value.Replace("<", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var name = match.Groups[3].Value.Trim();
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                var assembly = name[..name.IndexOf(',', StringComparison.Ordinal)];
                byAssembly[assembly] = byAssembly.GetValueOrDefault(assembly) + seconds;
            }
            else
            {
                byType[name] = byType.GetValueOrDefault(name) + seconds;
            }
        }

        return (byAssembly, byType);
    }

    [GeneratedRegex(@"^\s*(<?\d+(?:\.\d+)?)\s+(<?\d+)\s+(\S.*)$")]
    private static partial Regex ReportLine();

    private static async Task<(int ExitCode, string Output, double Seconds)> ExecAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        lock (output)
        {
            return (process.ExitCode, output.ToString(), stopwatch.Elapsed.TotalSeconds);
        }
    }

    private static string? FindCscDll()
    {
        var sdkRoot = Path.GetDirectoryName(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : null)
            ?? Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidates = new List<string>();
        foreach (var root in new[] { sdkRoot, "/usr/share/dotnet", "/usr/lib/dotnet", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet") })
        {
            if (root is null || !Directory.Exists(Path.Combine(root, "sdk")))
            {
                continue;
            }

            candidates.AddRange(Directory.EnumerateDirectories(Path.Combine(root, "sdk"))
                .Select(d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"))
                .Where(File.Exists));
        }

        var version = SdkVersion();
        return candidates.FirstOrDefault(c => version is not null && c.Contains("/" + version + "/", StringComparison.Ordinal))
            ?? candidates.OrderByDescending(c => c, StringComparer.Ordinal).FirstOrDefault();
    }

    private static string? SdkVersion()
    {
        try
        {
            var start = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            var text = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Tail(string output)
    {
        var lines = output.Split('\n');
        var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(15).ToList();
        return string.Join('\n', errors.Count > 0 ? errors : lines.TakeLast(20));
    }
}
