using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Runs the SDK's Razor source generator. This class executes inside <see cref="RazorGeneration"/>'s own load context, where
/// <c>Microsoft.CodeAnalysis</c> is the SDK's own compiler (the version the generator was built against), so only
/// strings cross the boundary: file paths and texts in, hint names and generated C# out.
/// </summary>
internal static class RazorGeneratorBridge
{
    /// <summary>The generator's type in <c>Microsoft.CodeAnalysis.Razor.Compiler.dll</c>.</summary>
    public const string GeneratorType = "Microsoft.NET.Sdk.Razor.SourceGenerators.RazorSourceGenerator";

    /// <summary>Generates C# for Razor files.</summary>
    /// <param name="generatorPath">The SDK's <c>Microsoft.CodeAnalysis.Razor.Compiler.dll</c>.</param>
    /// <param name="globalOptions">The <c>build_property.*</c> options, as <c>key=value</c>.</param>
    /// <param name="razorPaths">The <c>.cshtml</c>/<c>.razor</c> paths.</param>
    /// <param name="razorTexts">Their texts.</param>
    /// <param name="targetPaths">Their paths relative to the project (the <c>TargetPath</c> metadata).</param>
    /// <param name="referencePaths">The metadata references of the project.</param>
    /// <param name="sourcePaths">The project's C# files (for components and tag helpers declared in the project).</param>
    /// <param name="sourceTexts">Their texts.</param>
    /// <returns>Pairs of hint name and generated text; a pair whose hint name is empty carries an error message.</returns>
    public static string[] Run(string generatorPath, string[] globalOptions, string[] razorPaths, string[] razorTexts, string[] targetPaths, string[] referencePaths, string[] sourcePaths, string[] sourceTexts)
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(RazorGeneratorBridge).Assembly) ?? AssemblyLoadContext.Default;
        var assembly = context.LoadFromAssemblyPath(generatorPath);
        if (assembly.GetType(GeneratorType) is not { } type || Activator.CreateInstance(type) is not IIncrementalGenerator generator)
        {
            return [string.Empty, GeneratorType + " not found in " + generatorPath];
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>(sourcePaths.Length);
        for (var i = 0; i < sourcePaths.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(sourceTexts[i], Encoding.UTF8), parseOptions, sourcePaths[i]));
        }

        var references = new List<MetadataReference>(referencePaths.Length);
        foreach (var path in referencePaths)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        var compilation = CSharpCompilation.Create("RazorInput", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = ImmutableArray.CreateBuilder<AdditionalText>(razorPaths.Length);
        var perFile = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < razorPaths.Length; i++)
        {
            texts.Add(new Text(razorPaths[i], razorTexts[i]));
            // The Razor SDK passes TargetPath base64-encoded (its EncodeRazorInputItem task) so that any character survives.
            perFile[razorPaths[i]] = Convert.ToBase64String(Encoding.UTF8.GetBytes(targetPaths[i]));
        }

        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in globalOptions)
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            global[option[..equals]] = option[(equals + 1)..];
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()], texts.ToImmutable(), parseOptions, new Options(global, perFile));
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        var result = driver.GetRunResult();
        var output = new List<string>();
        foreach (var generated in result.Results)
        {
            foreach (var source in generated.GeneratedSources)
            {
                output.Add(source.HintName);
                output.Add(source.SourceText.ToString());
            }

            if (generated.Exception is { } exception)
            {
                output.Add(string.Empty);
                output.Add(exception.GetType().Name + ": " + exception.Message);
            }
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                output.Add(string.Empty);
                output.Add(diagnostic.ToString());
            }
        }

        return output.ToArray();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(Dictionary<string, string> global, Dictionary<string, string> perFile) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _global = new(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            if (!perFile.TryGetValue(textFile.Path, out var targetPath))
            {
                return _global;
            }

            return new Values(new Dictionary<string, string>(global, StringComparer.Ordinal) { ["build_metadata.AdditionalFiles.TargetPath"] = targetPath });
        }
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
