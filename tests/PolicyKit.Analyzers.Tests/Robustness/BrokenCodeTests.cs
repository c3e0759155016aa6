using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>Every analyzer over deliberately broken and incomplete code: nothing may throw (no AD0001).</summary>
public sealed class BrokenCodeTests
{
    public static IEnumerable<object[]> Cases() => BrokenSources.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_analyzer_throws_on_broken_code(string name)
    {
        var source = BrokenSources.All.Single(c => c.Name == name).Code;
        var failures = await AnalyzerRun.ExceptionsAsync(source, withReferences: true);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_analyzer_throws_without_references(string name)
    {
        var source = BrokenSources.All.Single(c => c.Name == name).Code;
        var failures = await AnalyzerRun.ExceptionsAsync(source, withReferences: false);
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"password\": { \"minimumLength\": \"twelve\" } }")]
    [InlineData("{ \"password\": { \"minimumLength\": 99999999999999999999999 } }")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"waivers\": [ { \"rule\": null, \"expires\": \"not a date\" } ] }")]
    [InlineData("\uFEFF{ \"profiles\": [\"no-such-profile\"] }")]
    public async Task No_analyzer_throws_on_a_broken_policy_file(string policy)
    {
        var failures = await AnalyzerRun.ExceptionsAsync(BrokenSources.All[0].Code, withReferences: true, policy: policy);
        Assert.Empty(failures);
    }
}

/// <summary>Runs all analyzers directly through <see cref="CompilationWithAnalyzers"/> and collects analyzer exceptions.</summary>
internal static class AnalyzerRun
{
    public static async Task<IReadOnlyList<string>> ExceptionsAsync(string source, bool withReferences, string? policy = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), path: "/src/Broken.cs");
        var references = withReferences ? TestReferences.All : ImmutableArray<MetadataReference>.Empty;
        var compilation = CSharpCompilation.Create("Broken", new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var additional = policy is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/policykit.json", policy));
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional),
            (exception, analyzer, diagnostic) => failures.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var run = compilation.WithAnalyzers(AllAnalyzers.Analyzers, options);
        var diagnostics = await run.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return failures.ToArray();
    }

    /// <summary>Runs every analyzer once and returns the exceptions and the analyzers' own execution time.</summary>
    public static async Task<(IReadOnlyList<string> Exceptions, TimeSpan AnalyzerTime)> TimedAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), path: "/src/Fuzz.cs");
        var compilation = CSharpCompilation.Create("Fuzz", new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => failures.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        var run = compilation.WithAnalyzers(AllAnalyzers.Analyzers, options);
        var diagnostics = await run.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        var time = TimeSpan.Zero;
        foreach (var analyzer in AllAnalyzers.Analyzers)
        {
            time += (await run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        }

        return (failures.ToArray(), time);
    }
}

internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryAdditionalText(string path, string content)
    {
        Path = path;
        text = SourceText.From(content);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
