using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Brings a project's <c>.cshtml</c> and <c>.razor</c> files into its compilation through the SDK's Razor source
/// generator (<see cref="RazorGeneration"/>), with the options the Razor SDK passes to it. The generated C# carries
/// <c>#line</c> directives, so findings in markup are reported at the markup file and line.
/// </summary>
internal static class RazorViews
{
    /// <summary>Generated trees for the Razor files of <paramref name="plan"/>; empty when it has none or no generator is available.</summary>
    /// <param name="generator">The SDK's generator, or <see langword="null"/>.</param>
    /// <param name="plan">The project.</param>
    /// <param name="delivery">The delivery.</param>
    /// <param name="references">The project's metadata reference paths.</param>
    /// <param name="texts">The C# texts read so far, by full path.</param>
    /// <param name="parseOptions">The project's parse options.</param>
    /// <param name="analysed">Receives the relative paths of the Razor files compiled.</param>
    /// <param name="problems">Receives why a project's markup could not be generated.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The generated trees.</returns>
    public static List<SyntaxTree> Generate(RazorGeneration? generator, ProjectPlan plan, Delivery delivery, IEnumerable<string> references, ConcurrentDictionary<string, SourceText?> texts, CSharpParseOptions parseOptions, HashSet<string> analysed, List<SkippedItem> problems, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>();
        if (generator is null || plan.FullPath.Length == 0)
        {
            return trees;
        }

        var projectDirectory = Path.GetDirectoryName(plan.FullPath)!;
        var files = new List<RazorFile>();
        foreach (var file in delivery.Files)
        {
            if (!IsRazor(file.RelativePath) || !file.FullPath.StartsWith(projectDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || DeliveryScanner.IsBuildOutput(file.RelativePath) || file.Length > DeliveryLoader.MaxSourceBytes)
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            files.Add(new RazorFile(file.FullPath, Path.GetRelativePath(projectDirectory, file.FullPath), text, file.RelativePath));
        }

        if (files.Count == 0)
        {
            return trees;
        }

        var sources = new List<(string, string)>();
        foreach (var source in plan.Sources)
        {
            if (texts.TryGetValue(source.FullPath, out var text) && text is not null)
            {
                sources.Add((source.FullPath, text.ToString()));
            }
        }

        var options = new List<string>
        {
            "build_property.RootNamespace=" + plan.Name,
            "build_property.RazorLangVersion=Latest",
            "build_property.RazorConfiguration=Default",
            "build_property.MSBuildProjectDirectory=" + projectDirectory,
            "build_property.GenerateRazorMetadataSourceChecksumAttributes=false",
            "build_property.SupportLocalizedComponentNames=false",
        };
        var generated = generator.Generate(new RazorInput(options, files, references.ToList(), sources), out var error);
        if (error is not null)
        {
            problems.Add(new SkippedItem(plan.RelativePath, error, SkipKind.Razor));
            return trees;
        }

        foreach (var (hintName, text) in generated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(projectDirectory, RazorGeneration.GeneratedFolder, hintName);
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), parseOptions, path, cancellationToken));
        }

        foreach (var file in files)
        {
            analysed.Add(file.RelativePath);
        }

        return trees;
    }

    /// <summary>Removes the Razor files that were compiled from the "not checked" list and adds the problems met.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <param name="analysed">The relative paths compiled.</param>
    /// <param name="problems">The problems met.</param>
    public static void Settle(Delivery delivery, HashSet<string> analysed, List<SkippedItem> problems)
    {
        delivery.Skipped.RemoveAll(s => s.Kind == SkipKind.Razor && analysed.Contains(s.Path));
        delivery.Skipped.AddRange(problems);
    }

    private static bool IsRazor(string path) =>
        path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);
}
