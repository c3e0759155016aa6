using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>Analyzers give identical results run concurrently and serially, and honour cancellation (issue 9).</summary>
public sealed class ConcurrencyTests
{
    private static CSharpCompilation Compilation()
    {
        // Many files at once, so that concurrent execution really interleaves the rules' callbacks.
        var trees = SourcePool.All
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), path: $"/src/File{i}.cs"))
            .ToArray();
        return CSharpCompilation.Create("Many", trees, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static async Task<string[]> Run(CSharpCompilation compilation, bool concurrent, CancellationToken cancellationToken = default)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.Severity} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public async Task Concurrent_and_serial_runs_report_the_same_diagnostics()
    {
        var compilation = Compilation();

        var serial = await Run(compilation, concurrent: false);
        var concurrent = await Run(compilation, concurrent: true);
        var parallel = await Task.WhenAll(Run(compilation, concurrent: true), Run(compilation, concurrent: true));

        Assert.NotEmpty(serial);
        Assert.DoesNotContain(serial, d => d.StartsWith("AD0001", StringComparison.Ordinal));
        Assert.Equal(serial, concurrent);
        Assert.Equal(serial, parallel[0]);
        Assert.Equal(serial, parallel[1]);
    }

    [Fact]
    public async Task A_cancelled_run_stops_with_OperationCanceledException_not_an_analyzer_failure()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(Compilation(), concurrent: true, cancellation.Token));
    }
}
