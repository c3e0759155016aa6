using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>PK4005: rewrites a literal <c>http://</c> (or <c>ws://</c>) address to <c>https://</c> (<c>wss://</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK4005CleartextTransportFixer))]
[Shared]
public sealed class PK4005CleartextTransportFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CleartextTransport);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The analyzer sets the property only for a plain string literal with an http:// or ws:// address.
            if (!diagnostic.Properties.TryGetValue(PK4005CleartextTransportAnalyzer.SecureSchemeProperty, out var secure)
                || secure is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax
                {
                    Token.Value: string text,
                } literal)
            {
                continue;
            }

            var colon = text.IndexOf("://", StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(
                SyntaxKind.StringLiteralExpression,
                SyntaxFactory.Literal(secure + text.Substring(colon))).WithTriviaFrom(literal);
            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
            context.RegisterCodeFix(
                CodeAction.Create(FixTitles.For(RuleIds.CleartextTransport, secure + "://"), _ => Task.FromResult(changed), equivalenceKey: RuleIds.CleartextTransport),
                diagnostic);
        }
    }
}
