using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PolicyKit.Analyzers;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>PK3001 fix: an empty catch around a check rethrows (<c>throw;</c>), so the failure fails closed.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3001SwallowedAuthErrorFixer)), Shared]
public sealed class PK3001SwallowedAuthErrorFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SwallowedAuthError);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only an empty catch: with statements in it, where the rethrow belongs is the author's decision.
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<CatchClauseSyntax>() is not { Block.Statements.Count: 0 } catchClause)
            {
                continue;
            }

            var title = new LocalizableResourceString("PK3001CodeFix", Resources.ResourceManager, typeof(Resources)).ToString();
            context.RegisterCodeFix(
                CodeAction.Create(title, c => RethrowAsync(context.Document, catchClause, c), equivalenceKey: RuleIds.SwallowedAuthError),
                diagnostic);
        }
    }

    private static async Task<Document> RethrowAsync(Document document, CatchClauseSyntax catchClause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var block = catchClause.Block.WithStatements(SyntaxFactory.SingletonList<StatementSyntax>(SyntaxFactory.ThrowStatement()))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(catchClause.Block, block));
    }
}
