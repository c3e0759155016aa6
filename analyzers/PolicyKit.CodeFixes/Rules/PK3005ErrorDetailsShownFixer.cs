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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK3005: wraps an unguarded <c>app.UseDeveloperExceptionPage();</c> (or the database error page) in
/// <c>if (app.Environment.IsDevelopment())</c> for a <c>WebApplication</c>, or <c>if (env.IsDevelopment())</c> when a
/// hosting-environment parameter is in scope. Exception text in responses has no mechanical fix: the right generic
/// message is the author's to choose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3005ErrorDetailsShownFixer)), Shared]
public sealed class PK3005ErrorDetailsShownFixer : CodeFixProvider
{
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ErrorDetailsShown);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseDeveloperExceptionPage" or "UseDatabaseErrorPage" or "UseMigrationsEndPoint" } access,
                    Parent: ExpressionStatementSyntax statement,
                }
                || statement.Parent is not (BlockSyntax or GlobalStatementSyntax)
                || Condition(model, access.Expression, statement, context.CancellationToken) is not { } condition)
            {
                continue;
            }

            var title = Resources.ResourceManager.GetString("PK3005FixGuard") ?? "Use only in Development";
            context.RegisterCodeFix(
                CodeAction.Create(title, c => GuardAsync(context.Document, statement, condition, c), RuleIds.ErrorDetailsShown),
                diagnostic);
        }
    }

    // app.Environment.IsDevelopment() for a WebApplication; env.IsDevelopment() for a hosting-environment parameter.
    private static (ExpressionSyntax Environment, ITypeSymbol Type)? Condition(SemanticModel model, ExpressionSyntax receiver, SyntaxNode statement, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(receiver, cancellationToken).Type is INamedTypeSymbol { Name: "WebApplication" } application
            && application.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder"
            && application.GetMembers("Environment") is { Length: 1 } members && members[0] is IPropertySymbol environment)
        {
            var access = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("Environment"));
            return (access, environment.Type);
        }

        if (model.GetEnclosingSymbol(statement.SpanStart, cancellationToken) is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.Name is "IWebHostEnvironment" or "IHostEnvironment" or "IHostingEnvironment")
                {
                    return (IdentifierName(parameter.Name), parameter.Type);
                }
            }
        }

        return null;
    }

    private static async Task<Document> GuardAsync(Document document, ExpressionStatementSyntax statement, (ExpressionSyntax Environment, ITypeSymbol Type) condition, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        var isDevelopment = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, condition.Environment, IdentifierName("IsDevelopment")));
        var guard = IfStatement(isDevelopment, Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var needsUsing = model.LookupSymbols(statement.SpanStart, condition.Type, "IsDevelopment", includeReducedExtensionMethods: true).IsEmpty;
        unit = unit.ReplaceNode(statement, guard);
        if (needsUsing)
        {
            unit = UsingDirectives.Add(unit, HostingNamespace);
        }

        return await Formatter.FormatAsync(document.WithSyntaxRoot(unit), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
