using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>One step of a finding's code path: where the tainted value came from, before it reached the sink.</summary>
/// <param name="Path">The file relative to the delivery root.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Text">The line's text, trimmed.</param>
internal sealed record TraceStep(string Path, int Line, string Text)
{
    /// <summary>The steps a diagnostic carries as additional locations (the taint rules add the source there).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="root">The delivery root.</param>
    /// <returns>The steps, in the order reported.</returns>
    public static ImmutableArray<TraceStep> Of(Diagnostic diagnostic, string root)
    {
        if (diagnostic.AdditionalLocations.Count == 0)
        {
            return ImmutableArray<TraceStep>.Empty;
        }

        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!location.IsInSource || location.SourceTree is not { } tree)
            {
                continue;
            }

            var span = location.GetLineSpan();
            var path = span.Path ?? string.Empty;
            var relative = System.IO.Path.IsPathFullyQualified(path) && path.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) ? DeliveryScanner.Relative(root, path) : System.IO.Path.GetFileName(path);
            var lines = tree.GetText().Lines;
            var line = span.StartLinePosition.Line;
            var text = line < lines.Count ? lines[line].ToString().Trim() : string.Empty;
            steps.Add(new TraceStep(relative, line + 1, text.Length > 200 ? text[..200] + "…" : text));
        }

        return steps.ToImmutable();
    }
}
