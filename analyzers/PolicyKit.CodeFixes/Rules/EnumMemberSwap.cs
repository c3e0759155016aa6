using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>Replaces a flagged enum member (<c>TypeNameHandling.Auto</c>, <c>DtdProcessing.Parse</c>) with a safe one.</summary>
internal static class EnumMemberSwap
{
    /// <summary>Registers the swap for every diagnostic carrying <paramref name="property"/>, when the result compiles.</summary>
    public static async Task RegisterAsync(CodeFixContext context, string property, string member, string title, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(property)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax flagged
                || Swap(flagged, member) is not { } replacement)
            {
                continue;
            }

            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(flagged, replacement));
            if (!await FixVerification.AddsNoErrorsAsync(context.Document, changed, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(changed), equivalenceKey), diagnostic);
        }
    }

    private static ExpressionSyntax? Swap(ExpressionSyntax flagged, string member)
    {
        var name = SyntaxFactory.IdentifierName(member);
        return flagged switch
        {
            MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
            IdentifierNameSyntax identifier => name.WithTriviaFrom(identifier),
            _ => null,
        };
    }
}
