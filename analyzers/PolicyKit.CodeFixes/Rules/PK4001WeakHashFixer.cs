using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>PK4001: replaces <c>MD5.Create()</c> / <c>SHA1.HashData(x)</c> with the policy's minimum hash.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK4001WeakHashFixer))]
[Shared]
public sealed class PK4001WeakHashFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakHash);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The analyzer offers a replacement only for Create() and the array-returning HashData overloads.
            if (!diagnostic.Properties.TryGetValue(PK4001WeakHashAnalyzer.ReplacementTypeProperty, out var replacement)
                || replacement is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Expression: var typeSyntax },
                })
            {
                continue;
            }

            var newType = TypeNameSwap.Replace(typeSyntax, replacement);
            if (newType is null)
            {
                continue;
            }

            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(typeSyntax, newType));
            if (!await FixVerification.AddsNoErrorsAsync(context.Document, changed, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var title = FixTitles.For(RuleIds.WeakHash, replacement);
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(changed), equivalenceKey: RuleIds.WeakHash),
                diagnostic);
        }
    }
}

/// <summary>Swaps the rightmost name of a type expression (<c>MD5</c>, <c>System.Security.Cryptography.MD5</c>).</summary>
internal static class TypeNameSwap
{
    public static ExpressionSyntax? Replace(ExpressionSyntax typeSyntax, string newName)
    {
        var name = SyntaxFactory.IdentifierName(newName);
        return typeSyntax switch
        {
            IdentifierNameSyntax identifier => name.WithTriviaFrom(identifier),
            MemberAccessExpressionSyntax member => member.WithName(name.WithTriviaFrom(member.Name)),
            QualifiedNameSyntax qualified => qualified.WithRight(name.WithTriviaFrom(qualified.Right)),
            _ => null,
        };
    }
}
