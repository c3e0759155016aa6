using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Tests.Robustness;

namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs analyzers (and suppressors) the way the compiler does, keeping suppressed diagnostics, for tests that look
/// at what markup cannot express: locations inside policykit.json, suppression state and diagnostic properties.
/// </summary>
internal static class PolicyRun
{
    public const string SourcePath = "/src/App/Program.cs";
    public const string PolicyPath = "/src/App/policykit.json";

    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, string? policy, params DiagnosticAnalyzer[] analyzers) =>
        WithFilesAsync(source, policy is null ? new (string, string)[0] : new[] { (PolicyPath, policy) }, analyzers);

    public static async Task<ImmutableArray<Diagnostic>> WithFilesAsync(string source, (string Path, string Text)[] additionalFiles, params DiagnosticAnalyzer[] analyzers)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), path: SourcePath);
        var compilation = CSharpCompilation.Create("App", new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var additional = additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: true,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var diagnostics = await compilation.WithAnalyzers(analyzers.ToImmutableArray(), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
