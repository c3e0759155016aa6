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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK5001: replaces a sensitive structured-log argument (<c>logger.LogInformation("Login {Password}", password)</c>)
/// with the constant <c>"[redacted]"</c>, so the message template and its placeholder stay as they were. Offered only
/// where the analyzer marked the argument as a whole <c>object</c> (or generic) argument; text built by interpolation
/// or concatenation has no mechanical fix, since which part the author still needs is theirs to decide.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK5001SensitiveDataInLogsFixer))]
[Shared]
public sealed class PK5001SensitiveDataInLogsFixer : CodeFixProvider
{
    /// <summary>The constant logged instead of the value.</summary>
    public const string RedactedText = "[redacted]";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SensitiveDataInLogs);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(PK5001SensitiveDataInLogsAnalyzer.RedactableProperty)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || expression.Parent is not ArgumentSyntax)
            {
                continue;
            }

            var literal = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(RedactedText)).WithTriviaFrom(expression);
            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(expression, literal));
            if (!await FixVerification.AddsNoErrorsAsync(context.Document, changed, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(FixTitles.For(RuleIds.SensitiveDataInLogs, RedactedText), _ => Task.FromResult(changed), equivalenceKey: RuleIds.SensitiveDataInLogs),
                diagnostic);
        }
    }
}
