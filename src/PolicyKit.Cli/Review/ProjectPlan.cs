using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Cli.Review;

/// <summary>One compilation to build: a project's sources and references, decided from its file as data.</summary>
/// <param name="Name">The project's name (assembly name).</param>
/// <param name="RelativePath">The project file relative to the delivery root, or <c>(files outside projects)</c>.</param>
/// <param name="Sources">The C# files to compile.</param>
/// <param name="GlobalUsings">Generated global usings (ImplicitUsings), or <see langword="null"/>.</param>
/// <param name="UsesAspNetCore">Whether to reference the ASP.NET Core pack.</param>
/// <param name="OutputKind">Library or executable.</param>
/// <param name="LanguageVersion">The C# version to parse with.</param>
/// <param name="Nullable">Whether nullable annotations are enabled.</param>
/// <param name="TargetFramework">The declared target framework(s), for the report.</param>
/// <param name="PackageReferences">Package ids, for the report (they are not restored).</param>
/// <param name="ExtraReferences">DLLs named by <c>HintPath</c> inside the delivery.</param>
/// <param name="FullPath">The project file's absolute path (empty for loose files).</param>
/// <param name="ProjectReferences">Absolute paths of the projects this one references (compiled first, referenced as compilations).</param>
internal sealed record ProjectPlan(
    string Name,
    string RelativePath,
    ImmutableArray<DeliveryFile> Sources,
    string? GlobalUsings,
    bool UsesAspNetCore,
    OutputKind OutputKind,
    Microsoft.CodeAnalysis.CSharp.LanguageVersion LanguageVersion,
    bool Nullable,
    string TargetFramework,
    ImmutableArray<string> PackageReferences,
    ImmutableArray<string> ExtraReferences,
    string FullPath,
    ImmutableArray<string> ProjectReferences);
