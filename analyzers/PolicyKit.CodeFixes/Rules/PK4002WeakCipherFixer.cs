using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK4002: replaces <c>DES.Create()</c>, <c>TripleDES.Create()</c> and <c>RC2.Create()</c> with <c>Aes.Create()</c>
/// where the result is used as a <c>SymmetricAlgorithm</c> (or <c>var</c>) and the project still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK4002WeakCipherFixer))]
[Shared]
public sealed class PK4002WeakCipherFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakCipher);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PK4002WeakCipherAnalyzer.ReplacementTypeProperty, out var replacement)
                || replacement is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Expression: var typeSyntax },
                }
                || TypeNameSwap.Replace(typeSyntax, replacement) is not { } newType)
            {
                continue;
            }

            // A variable typed DES or TripleDES would not accept an Aes: the compile check rejects that fix.
            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(typeSyntax, newType));
            if (!await FixVerification.AddsNoErrorsAsync(context.Document, changed, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(FixTitles.For(RuleIds.WeakCipher, replacement), _ => Task.FromResult(changed), equivalenceKey: RuleIds.WeakCipher),
                diagnostic);
        }
    }
}
