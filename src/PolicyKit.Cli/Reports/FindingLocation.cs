using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// Where a finding is shown: its own file and line, or — for C# the SDK's Razor generator produced — the
/// <c>.cshtml</c>/<c>.razor</c> file and line its <c>#line</c> directives map to, with the markup as excerpt.
/// </summary>
internal static class FindingLocation
{
    /// <summary>The span to report and the text to take the excerpt from.</summary>
    /// <param name="location">The diagnostic's location.</param>
    /// <returns>The span and the text (or <see langword="null"/> when it cannot be read).</returns>
    public static (FileLinePositionSpan Span, SourceText? Text) Of(Location location)
    {
        var tree = location.SourceTree;
        if (tree is null || !RazorGeneration.IsGeneratedPath(tree.FilePath))
        {
            return (location.GetLineSpan(), tree?.GetText());
        }

        var mapped = location.GetMappedLineSpan();
        if (!mapped.HasMappedPath || !File.Exists(mapped.Path))
        {
            return (location.GetLineSpan(), tree.GetText());
        }

        try
        {
            return (mapped, SourceText.From(File.ReadAllText(mapped.Path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (mapped, null);
        }
    }
}
