using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Recognises the C# the Razor source generator produces for <c>.cshtml</c> and <c>.razor</c> files. Rules whose
/// flaws live in markup (<c>@Html.Raw(…)</c>, <c>new HtmlString(…)</c>, <c>(MarkupString)…</c>) analyse this generated
/// code — and only this: other generated code stays skipped. Its <c>#line</c> directives map locations back to the
/// markup file, so findings show at the <c>.cshtml</c>/<c>.razor</c> line.
/// </summary>
internal static class RazorGeneratedCode
{
    private static readonly ConditionalWeakTable<SyntaxTree, object> Cache = new();
    private static readonly object Yes = true;
    private static readonly object No = false;

    /// <summary>
    /// True for Razor generator output: a hint name like <c>Views_Home_Index_cshtml.g.cs</c> / <c>Counter_razor.g.cs</c>,
    /// or a first line <c>#pragma checksum "…/Index.cshtml" …</c>.
    /// </summary>
    public static bool Is(SyntaxTree? tree) =>
        tree is not null && (bool)Cache.GetValue(tree, static t => Compute(t) ? Yes : No);

    /// <summary>True when <paramref name="location"/> lies in markup: Razor output, on a line its <c>#line</c> directives map to the markup file.</summary>
    public static bool IsInMarkup(Location location)
    {
        if (!Is(location.SourceTree))
        {
            return false;
        }

        var mapped = location.GetMappedLineSpan();
        return mapped.HasMappedPath && mapped.Path != location.SourceTree!.FilePath;
    }

    /// <summary>
    /// Wraps an operation action of an analyzer that configures generated-code analysis so that it sees hand-written
    /// code and the C# written in Razor markup (<c>@{ … }</c>, <c>@(…)</c>, <c>@code { … }</c>), and nothing else generated.
    /// </summary>
    public static Action<OperationAnalysisContext> MarkupOnly(Action<OperationAnalysisContext> action) =>
        context =>
        {
            if (!context.IsGeneratedCode || IsInMarkup(context.Operation.Syntax.GetLocation()))
            {
                action(context);
            }
        };

    /// <summary>The markup file a Razor output tree was generated from (its <c>#pragma checksum</c>), or <see langword="null"/>.</summary>
    public static string? MarkupFileOf(SyntaxTree tree)
    {
        foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.PragmaChecksumDirectiveTrivia) && trivia.GetStructure() is PragmaChecksumDirectiveTriviaSyntax checksum)
            {
                return checksum.File.ValueText;
            }
        }

        return null;
    }

    private static bool Compute(SyntaxTree tree)
    {
        var path = tree.FilePath;
        if (path.EndsWith("_cshtml.g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith("_razor.g.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Only the first directives are read: the generator writes #pragma checksum before anything else.
        var root = tree.GetRoot();
        foreach (var trivia in root.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.PragmaChecksumDirectiveTrivia) && trivia.GetStructure() is PragmaChecksumDirectiveTriviaSyntax checksum)
            {
                var file = checksum.File.ValueText;
                return file.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>The path a location is judged at: the markup file for Razor output (its <c>#line</c> mapping), else the tree's path.</summary>
    public static string? PathOf(Location location)
    {
        var tree = location.SourceTree;
        if (tree is null)
        {
            // A finding inside an additional file (Web.config, appsettings.json) is waived by that file's path.
            return location.Kind == LocationKind.ExternalFile ? location.GetLineSpan().Path : null;
        }

        if (!Is(tree))
        {
            return tree.FilePath;
        }

        var mapped = location.GetMappedLineSpan();
        return mapped.HasMappedPath ? mapped.Path : tree.FilePath;
    }
}
