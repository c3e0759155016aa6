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
/// PK3004: rewrites a weak cookie flag to what the policy asks: <c>CookieSecurePolicy.None</c>/<c>SameAsRequest</c> →
/// <c>Always</c>, <c>HttpOnly = false</c> → <c>true</c>, <c>SameSiteMode.None</c> → the policy's mode. Only the member
/// name or the literal changes, so the enum type, its qualification and the usings stay as written. Timeouts have no
/// fix: how long a session may live is the application owner's decision within the policy.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3004SessionWeakerThanPolicyFixer)), Shared]
public sealed class PK3004SessionWeakerThanPolicyFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SessionWeakerThanPolicy);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PK3004SessionWeakerThanPolicyAnalyzer.ValueProperty, out var value)
                || value is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment)
            {
                continue;
            }

            SyntaxNode? replacement = (assignment.Right, value) switch
            {
                (LiteralExpressionSyntax literal, "true") => LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal),
                (LiteralExpressionSyntax literal, "false") => LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(literal),
                (MemberAccessExpressionSyntax member, _) when SyntaxFacts.IsValidIdentifier(value) =>
                    member.WithName(IdentifierName(value).WithTriviaFrom(member.Name)),
                _ => null,
            };

            if (replacement is null)
            {
                continue;
            }

            var document = context.Document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, replacement));
            context.RegisterCodeFix(
                CodeAction.Create(FixTitles.For(RuleIds.SessionWeakerThanPolicy, value), _ => Task.FromResult(document), RuleIds.SessionWeakerThanPolicy),
                diagnostic);
        }
    }
}
