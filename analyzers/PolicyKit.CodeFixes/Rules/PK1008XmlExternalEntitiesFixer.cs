using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>PK1008: DtdProcessing.Parse becomes DtdProcessing.Prohibit, .NET's default: documents with a DTD are rejected.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK1008XmlExternalEntitiesFixer))]
[Shared]
public sealed class PK1008XmlExternalEntitiesFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.XmlExternalEntities);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        EnumMemberSwap.RegisterAsync(
            context, PK1008XmlExternalEntitiesAnalyzer.DtdProcessingProperty, "Prohibit", Resources.ResourceManager.GetString("PK1008CodeFix") ?? "Prohibit", RuleIds.XmlExternalEntities);
}
