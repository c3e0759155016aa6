using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer over a model file and a Razor generator output file (compiled as generated code, as in a real
/// build), asserting that the pair compiles first.
/// </summary>
internal static class RazorOutputRun
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, string model, string modelPath, string generated, string generatedPath)
    {
        var options = new CSharpParseOptions(TestSetup.Language);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(model, options, modelPath),
            CSharpSyntaxTree.ParseText(generated, options, generatedPath),
        };
        var compilation = CSharpCompilation.Create("Shop", trees, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
