using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.CodeFixes;

/// <summary>Adds using directives the way a person would: in ordinal order, with the file's own line ending.</summary>
internal static class UsingDirectives
{
    public static CompilationUnitSyntax Add(CompilationUnitSyntax unit, string name)
    {
        var usings = unit.Usings;
        var endOfLine = usings.Count > 0 ? usings[0].GetTrailingTrivia() : SyntaxTriviaList.Create(ElasticCarriageReturnLineFeed);
        var directive = UsingDirective(ParseName(name)).WithTrailingTrivia(endOfLine);
        var index = 0;
        while (index < usings.Count && string.CompareOrdinal(usings[index].Name?.ToString(), name) < 0)
        {
            index++;
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }
}
