using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PolicyKit.Analyzers;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK1001 fixes: EF Core raw-SQL calls given an interpolated string become their interpolated twins (holes turn into
/// parameters); ADO.NET command text built by interpolation or <c>+</c> gets <c>@name</c> placeholders and
/// <c>Parameters.AddWithValue</c> calls. Nothing is offered when the result would not compile or would change the
/// statement's meaning (holes inside a quoted SQL literal such as <c>'%{x}%'</c>, format specifiers, constant holes
/// that would turn into parameters).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK1001SqlFromNonConstantStringFixer)), Shared]
public sealed class PK1001SqlFromNonConstantStringFixer : CodeFixProvider
{
    private static readonly ImmutableDictionary<string, string> InterpolatedTwins = ImmutableDictionary.CreateRange(new[]
    {
        new KeyValuePair<string, string>("FromSqlRaw", "FromSql"),
        new KeyValuePair<string, string>("ExecuteSqlRaw", "ExecuteSql"),
        new KeyValuePair<string, string>("ExecuteSqlRawAsync", "ExecuteSqlAsync"),
        new KeyValuePair<string, string>("SqlQueryRaw", "SqlQuery"),
    });

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SqlFromNonConstantString);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax sql)
            {
                continue;
            }

            if (EfInterpolatedFix.TryCreate(sql, model, context.CancellationToken) is { } ef)
            {
                var title = Text("PK1001FixInterpolatedApi", ef.NewName);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(context.Document, ef.Invocation, ef.Replacement, ct), RuleIds.SqlFromNonConstantString),
                    diagnostic);
            }
            else if (CommandParameterFix.TryCreate(sql, model, context.CancellationToken) is { } command)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Text("PK1001FixParameters"), ct => command.ApplyAsync(context.Document, ct), RuleIds.SqlFromNonConstantString),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, replacement);
        return editor.GetChangedDocument();
    }

    private static string Text(string key, params string[] arguments) =>
        new LocalizableResourceString(key, Resources.ResourceManager, typeof(Resources), arguments).ToString();

    /// <summary>FromSqlRaw($"…") → FromSql($"…") and friends.</summary>
    private sealed class EfInterpolatedFix
    {
        private EfInterpolatedFix(InvocationExpressionSyntax invocation, InvocationExpressionSyntax replacement, string newName)
        {
            Invocation = invocation;
            Replacement = replacement;
            NewName = newName;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public InvocationExpressionSyntax Replacement { get; }

        public string NewName { get; }

        public static EfInterpolatedFix? TryCreate(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken)
        {
            if (sql is not InterpolatedStringExpressionSyntax interpolated
                || sql.Parent is not ArgumentSyntax { NameColon: null } argument
                || argument.Parent is not ArgumentListSyntax arguments
                || arguments.Parent is not InvocationExpressionSyntax invocation
                || invocation.Expression is not MemberAccessExpressionSyntax access
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !InterpolatedTwins.TryGetValue(method.Name, out var newName)
                || method.ContainingNamespace?.ToDisplayString() != "Microsoft.EntityFrameworkCore")
            {
                return null;
            }

            // Extra arguments would be raw-SQL parameters ({0}); only a cancellation token carries over.
            foreach (var other in arguments.Arguments)
            {
                if (other != argument && model.GetTypeInfo(other.Expression, cancellationToken).Type?.Name != nameof(CancellationToken))
                {
                    return null;
                }
            }

            if (SqlTemplate.StripQuotesAroundHoles(interpolated, model, cancellationToken) is not { } rewritten)
            {
                return null;
            }

            SimpleNameSyntax name = access.Name switch
            {
                GenericNameSyntax generic => generic.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(generic.Identifier)),
                _ => SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(newName).WithTriviaFrom(access.Name.Identifier)),
            };
            var replacement = invocation
                .ReplaceNode(interpolated, rewritten)
                .WithExpression(access.WithName(name));

            // Only when the interpolated overload exists in the referenced EF Core (7.0 and later) and binds here.
            var speculative = model.GetSpeculativeSymbolInfo(invocation.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            return speculative.Symbol is IMethodSymbol bound && bound.Name == newName
                ? new EfInterpolatedFix(invocation, replacement, newName)
                : null;
        }
    }
}
