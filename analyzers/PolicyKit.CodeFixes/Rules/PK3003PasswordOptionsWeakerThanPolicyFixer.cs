using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK3003: writes the policy's value where the analyzer saw a literal (<c>RequiredLength = 6</c> → the policy minimum,
/// <c>lockoutOnFailure: false</c> → <c>true</c>), or adds <c>options.Password.RequiredLength = N;</c> to the options
/// lambda of an <c>AddIdentity</c> call that left it at the framework default. Thresholds come from the diagnostic,
/// which read them from the policy.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3003PasswordOptionsWeakerThanPolicyFixer)), Shared]
public sealed class PK3003PasswordOptionsWeakerThanPolicyFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PasswordOptionsWeakerThanPolicy);

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
            if (!diagnostic.Properties.TryGetValue(PK3003PasswordOptionsWeakerThanPolicyAnalyzer.FixProperty, out var fix)
                || !diagnostic.Properties.TryGetValue(PK3003PasswordOptionsWeakerThanPolicyAnalyzer.ValueProperty, out var value)
                || value is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? changed = fix switch
            {
                PK3003PasswordOptionsWeakerThanPolicyAnalyzer.ReplaceFix => ReplaceLiteral(root, node, value),
                PK3003PasswordOptionsWeakerThanPolicyAnalyzer.InsertFix => InsertRequiredLength(root, node, value),
                _ => null,
            };

            if (changed is null)
            {
                continue;
            }

            var document = context.Document.WithSyntaxRoot(changed);
            context.RegisterCodeFix(
                CodeAction.Create(FixTitles.For(RuleIds.PasswordOptionsWeakerThanPolicy, value), _ => Task.FromResult(document), RuleIds.PasswordOptionsWeakerThanPolicy),
                diagnostic);
        }
    }

    private static SyntaxNode? ReplaceLiteral(SyntaxNode root, SyntaxNode node, string value)
    {
        var literal = node switch
        {
            AssignmentExpressionSyntax { Right: LiteralExpressionSyntax right } => right,
            LiteralExpressionSyntax self => self,
            ArgumentSyntax { Expression: LiteralExpressionSyntax argument } => argument,
            _ => null,
        };

        if (literal is null || New(value) is not { } replacement)
        {
            return null;
        }

        return root.ReplaceNode(literal, replacement.WithTriviaFrom(literal));
    }

    // AddIdentity<TUser, TRole>(options => { … }): append options.Password.RequiredLength = N; to the block.
    private static SyntaxNode? InsertRequiredLength(SyntaxNode root, SyntaxNode node, string value)
    {
        if (node is not InvocationExpressionSyntax invocation || New(value) is not { } length)
        {
            return null;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var (parameter, block) = argument.Expression switch
            {
                SimpleLambdaExpressionSyntax { Block: { } body } simple => (simple.Parameter.Identifier.ValueText, body),
                ParenthesizedLambdaExpressionSyntax { Block: { } body, ParameterList.Parameters.Count: 1 } parenthesized =>
                    (parenthesized.ParameterList.Parameters[0].Identifier.ValueText, body),
                _ => (null, null),
            };

            if (parameter is null || block is null)
            {
                continue;
            }

            var statement = ExpressionStatement(AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameter), IdentifierName("Password")),
                    IdentifierName("RequiredLength")),
                length));
            if (block.Statements.Count > 0)
            {
                var last = block.Statements[block.Statements.Count - 1];
                statement = statement.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia());
            }
            else
            {
                statement = statement.WithAdditionalAnnotations(Formatter.Annotation);
            }

            return root.ReplaceNode(block, block.AddStatements(statement));
        }

        return null;
    }

    private static ExpressionSyntax? New(string value)
    {
        if (value == "true")
        {
            return LiteralExpression(SyntaxKind.TrueLiteralExpression);
        }

        if (value == "false")
        {
            return LiteralExpression(SyntaxKind.FalseLiteralExpression);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(number))
            : null;
    }
}
