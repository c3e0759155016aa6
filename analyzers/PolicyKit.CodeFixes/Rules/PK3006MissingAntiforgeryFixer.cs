using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// PK3006: adds <c>[ValidateAntiForgeryToken]</c> to an MVC action that changes state without antiforgery validation.
/// Offers nothing where validation was turned off on purpose (<c>[IgnoreAntiforgeryToken]</c>, <c>DisableAntiforgery()</c>)
/// or where the action answers GET: those need a decision, not an attribute.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK3006MissingAntiforgeryFixer)), Shared]
public sealed class PK3006MissingAntiforgeryFixer : CodeFixProvider
{
    private const string MvcNamespace = "Microsoft.AspNetCore.Mvc";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingAntiforgery);

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
            if (!diagnostic.Properties.ContainsKey(PK3006MissingAntiforgeryAnalyzer.FixProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } action)
            {
                continue;
            }

            var title = Resources.ResourceManager.GetString("PK3006CodeFix") ?? "Add [ValidateAntiForgeryToken]";
            context.RegisterCodeFix(CodeAction.Create(title, c => AddAttributeAsync(context.Document, action, c), RuleIds.MissingAntiforgery), diagnostic);
        }
    }

    private static async Task<Document> AddAttributeAsync(Document document, MethodDeclarationSyntax action, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var updated = generator.AddAttributes(action, generator.Attribute("ValidateAntiForgeryToken")).WithAdditionalAnnotations(Formatter.Annotation);
        var needsUsing = !ImportsMvc(model, action.SpanStart);
        unit = unit.ReplaceNode(action, updated);
        if (needsUsing)
        {
            unit = UsingDirectives.Add(unit, MvcNamespace);
        }

        return await Formatter.FormatAsync(document.WithSyntaxRoot(unit), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static bool ImportsMvc(SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "ValidateAntiForgeryTokenAttribute"))
        {
            if (symbol.ContainingNamespace?.ToDisplayString() == MvcNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
