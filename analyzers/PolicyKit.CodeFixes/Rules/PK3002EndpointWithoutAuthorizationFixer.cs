using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK3002: adds <c>[Authorize]</c> to the action, controller or page model, or appends <c>.RequireAuthorization()</c>
/// to a minimal-API mapping. Offers nothing for endpoints made anonymous on purpose: that is a decision to revisit,
/// not a missing attribute.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3002EndpointWithoutAuthorizationFixer)), Shared]
public sealed class PK3002EndpointWithoutAuthorizationFixer : CodeFixProvider
{
    private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EndpointWithoutAuthorization);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var properties = diagnostic.Properties;
            if (properties.TryGetValue(PK3002EndpointWithoutAuthorizationAnalyzer.ExplicitAnonymousProperty, out var anonymous) && anonymous == "true"
                || !properties.TryGetValue(PK3002EndpointWithoutAuthorizationAnalyzer.KindProperty, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (kind)
            {
                case PK3002EndpointWithoutAuthorizationAnalyzer.ActionKind:
                    RegisterAction(context, diagnostic, node);
                    break;
                case PK3002EndpointWithoutAuthorizationAnalyzer.PageHandlerKind:
                case PK3002EndpointWithoutAuthorizationAnalyzer.PageKind:
                    // Razor Pages ignore [Authorize] on handlers: the page model carries it.
                    if (node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } page)
                    {
                        RegisterClass(context, diagnostic, page);
                    }

                    break;
                case PK3002EndpointWithoutAuthorizationAnalyzer.MinimalApiKind:
                    if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } mapping)
                    {
                        var title = Text("PK3002FixRequireAuthorization");
                        context.RegisterCodeFix(
                            CodeAction.Create(title, c => RequireAuthorizationAsync(context.Document, mapping, c), RuleIds.EndpointWithoutAuthorization + "RequireAuthorization"),
                            diagnostic);
                    }

                    break;
            }
        }
    }

    private static void RegisterAction(CodeFixContext context, Diagnostic diagnostic, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } action)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(Text("PK3002FixAuthorizeAction"), c => AddAuthorizeAsync(context.Document, action, c), RuleIds.EndpointWithoutAuthorization + "Action"),
            diagnostic);
        if (action.Parent is ClassDeclarationSyntax controller)
        {
            RegisterClass(context, diagnostic, controller);
        }
    }

    private static void RegisterClass(CodeFixContext context, Diagnostic diagnostic, ClassDeclarationSyntax type)
    {
        var title = string.Format(CultureInfo.InvariantCulture, Text("PK3002FixAuthorizeClass"), type.Identifier.ValueText);
        context.RegisterCodeFix(
            CodeAction.Create(title, c => AddAuthorizeAsync(context.Document, type, c), RuleIds.EndpointWithoutAuthorization + "Class"),
            diagnostic);
    }

    private static async Task<Document> AddAuthorizeAsync(Document document, MemberDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var updated = generator.AddAttributes(declaration, generator.Attribute("Authorize")).WithAdditionalAnnotations(Formatter.Annotation);
        var needsUsing = !ImportsAuthorization(model, declaration.SpanStart);
        unit = unit.ReplaceNode(declaration, updated);
        if (needsUsing)
        {
            unit = UsingDirectives.Add(unit, AuthorizationNamespace);
        }

        var document2 = document.WithSyntaxRoot(unit);
        return await Formatter.FormatAsync(document2, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> RequireAuthorizationAsync(Document document, InvocationExpressionSyntax mapping, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var call = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, mapping.WithoutTrailingTrivia(), IdentifierName("RequireAuthorization")))
            .WithTrailingTrivia(mapping.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(mapping, call));
    }

    private static bool ImportsAuthorization(SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "AuthorizeAttribute"))
        {
            if (symbol.ContainingNamespace?.ToDisplayString() == AuthorizationNamespace)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(string key) =>
        Resources.ResourceManager.GetString(key) ?? key;
}
