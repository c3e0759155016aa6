using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PolicyKit.Bench;

/// <summary>Command-line options of the benchmark runner.</summary>
/// <param name="Smoke">Corpus only, PolicyKit only, one repetition, gate against the baseline.</param>
/// <param name="Tools">Tools to run (policykit, scs, sonar, netanalyzers).</param>
/// <param name="GeneratedLines">Size of the generated code base (0: skip).</param>
/// <param name="Repeat">Timed repetitions per tool and target.</param>
/// <param name="OutputDirectory">Where results, logs and SARIF go.</param>
/// <param name="Seed">Seed of the generated code base.</param>
/// <param name="RepositoryRoot">The PolicyKit repository root.</param>
/// <param name="BaselinePath">The checked-in gate figures.</param>
/// <param name="WriteManifest">Only regenerate tests/Corpus/manifest.json from the markers.</param>
public sealed record BenchOptions(
    bool Smoke, IReadOnlyList<string> Tools, int GeneratedLines, int Repeat, string OutputDirectory, int Seed,
    string RepositoryRoot, string BaselinePath, bool WriteManifest)
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        dotnet run --project bench/PolicyKit.Bench -c Release -- [options]
          --smoke                 corpus only, PolicyKit only, 1 repetition, gate against bench/baseline.json
          --tools a,b,...         policykit,scs,sonar,netanalyzers (default: all)
          --generated-lines N     size of the generated code base (default 500000; 0 skips it)
          --repeat N              timed builds per tool and target (default 3; median reported)
          --seed N                seed of the generated code base (default 20240601)
          --out DIR               results folder (default bench/results)
          --baseline FILE         gate figures (default bench/baseline.json)
          --write-manifest        regenerate tests/Corpus/manifest.json from the markers and exit
        """;

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> on a bad option.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var smoke = false;
        var writeManifest = false;
        IReadOnlyList<string> tools = new[] { "policykit", "scs", "sonar", "netanalyzers" };
        var generated = 500_000;
        var repeat = 3;
        var seed = 20240601;
        string? output = null;
        string? baseline = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--smoke": smoke = true; break;
                case "--write-manifest": writeManifest = true; break;
                case "--tools": tools = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--generated-lines": generated = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--out": output = Value(); break;
                case "--baseline": baseline = Value(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        foreach (var tool in tools)
        {
            if (!PolicyKit.Bench.Tools.ByName.ContainsKey(tool))
            {
                throw new ArgumentException($"unknown tool {tool}; known: {string.Join(", ", PolicyKit.Bench.Tools.ByName.Keys)}");
            }
        }

        if (repeat < 1)
        {
            throw new ArgumentException("--repeat must be at least 1");
        }

        if (smoke)
        {
            tools = new[] { "policykit" };
            generated = 0;
            repeat = 1;
        }

        return new BenchOptions(
            smoke, tools.Select(t => t.ToLowerInvariant()).Distinct().ToList(), generated, repeat,
            Path.GetFullPath(output ?? Path.Combine(repositoryRoot, "bench", "results")), seed, repositoryRoot,
            Path.GetFullPath(baseline ?? Path.Combine(repositoryRoot, "bench", "baseline.json")), writeManifest);
    }

    /// <summary>Finds the repository root (the folder holding PolicyKit.sln) from <paramref name="start"/> upwards.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No PolicyKit.sln above {start}");
    }
}
