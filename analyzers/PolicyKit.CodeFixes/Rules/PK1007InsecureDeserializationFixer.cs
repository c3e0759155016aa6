using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PolicyKit.Analyzers;
using PolicyKit.Analyzers.Rules;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>PK1007: Json.NET's TypeNameHandling.X becomes TypeNameHandling.None: the payload no longer names types.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PK1007InsecureDeserializationFixer))]
[Shared]
public sealed class PK1007InsecureDeserializationFixer : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureDeserialization);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        EnumMemberSwap.RegisterAsync(
            context, PK1007InsecureDeserializationAnalyzer.TypeNameHandlingProperty, "None", Resources.ResourceManager.GetString("PK1007CodeFix") ?? "None", RuleIds.InsecureDeserialization);
}
