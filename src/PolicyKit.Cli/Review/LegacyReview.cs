using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The .NET Framework side of a review, still without MSBuild: which plans target .NET Framework (old-style
/// <c>TargetFrameworkVersion</c> v4.x, or SDK-style <c>net4x</c>), the reference assemblies they compile against
/// (<see cref="NetFrameworkReferences"/>), what could not be resolved (hint paths missing or outside the delivery; their
/// <c>packages.config</c> packages are resolved by <see cref="PackageReferences"/>), and the Web.config/App.config files (with their
/// transforms) handed to the analyzers as AdditionalFiles of the project they sit in.
/// </summary>
internal sealed class LegacyReview
{
    private readonly Dictionary<string, ImmutableArray<AdditionalText>> _configs;

    private LegacyReview(IReadOnlyList<MetadataReference> frameworkReferences, Dictionary<string, ImmutableArray<AdditionalText>> configs)
    {
        FrameworkReferences = frameworkReferences;
        _configs = configs;
    }

    /// <summary>The .NET Framework reference assemblies (empty when no plan needs them or they are unavailable).</summary>
    public IReadOnlyList<MetadataReference> FrameworkReferences { get; }

    /// <summary>Paths of the .NET Framework reference assemblies (packages providing them are not referenced again).</summary>
    public IReadOnlyList<string> FrameworkAssemblies { get; private init; } = Array.Empty<string>();

    /// <summary>Whether <paramref name="targetFramework"/> (as the project declares it) is .NET Framework.</summary>
    /// <param name="targetFramework">A <c>TargetFrameworkVersion</c> (v4.7.2) or <c>TargetFramework(s)</c> value (net48).</param>
    /// <returns>True for v1–v4.x and net1x–net4x monikers.</returns>
    public static bool IsNetFramework(string targetFramework)
    {
        foreach (var raw in targetFramework.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Length >= 2 && (raw[0] is 'v' or 'V') && char.IsDigit(raw[1]) && raw[1] <= '4')
            {
                return true;
            }

            // net48, net472, net461, net45, net40, net35: no dot (net5.0+ and netstandard/netcoreapp have one or letters).
            if (raw.StartsWith("net", StringComparison.OrdinalIgnoreCase) && raw.Length is >= 5 and <= 6 && raw[3..].All(char.IsDigit) && raw[3] <= '4')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="plan"/> compiles against .NET Framework.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>True for a .NET Framework target.</returns>
    public bool Targets(ProjectPlan plan) => FrameworkReferences.Count > 0 && IsNetFramework(plan.TargetFramework);

    /// <summary>Reads what the legacy projects need; records what could not be resolved in <see cref="Delivery.Skipped"/>.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <param name="fetcher">Where the reference assemblies package is found.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <returns>The legacy side of the review.</returns>
    public static async Task<LegacyReview> PrepareAsync(Delivery delivery, NuGetPackageFetcher fetcher, CancellationToken cancellationToken)
    {
        var configs = new Dictionary<string, ImmutableArray<AdditionalText>>(StringComparer.Ordinal);
        foreach (var plan in delivery.Projects)
        {
            configs[plan.RelativePath] = ConfigFiles(delivery, plan);
        }

        var legacyPlans = delivery.Projects.Where(p => IsNetFramework(p.TargetFramework)).ToList();
        if (legacyPlans.Count == 0)
        {
            return new LegacyReview(Array.Empty<MetadataReference>(), configs);
        }

        var references = await NetFrameworkReferences.ObtainAsync(fetcher, cancellationToken).ConfigureAwait(false);
        if (references.Assemblies.Count == 0)
        {
            delivery.Skipped.Add(new SkippedItem(".NET Framework reference assemblies", references.Description + "; .NET Framework projects compiled against the .NET reference packs", SkipKind.Unresolved));
        }

        foreach (var plan in legacyPlans)
        {
            Unresolved(delivery, plan);
        }

        return new LegacyReview(references.Assemblies.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList(), configs) { FrameworkAssemblies = references.Assemblies };
    }

    /// <summary>The analyzer options of <paramref name="plan"/>: the policy plus its config files.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">The options with the policy.</param>
    /// <returns>The options for this plan.</returns>
    public AnalyzerOptions OptionsFor(ProjectPlan plan, AnalyzerOptions options) =>
        _configs.TryGetValue(plan.RelativePath, out var files) && files.Length > 0
            ? new AnalyzerOptions(options.AdditionalFiles.AddRange(files))
            : options;

    // The files the package's build targets hand to the analyzers, from the project's own folder (or the delivery root
    // for loose files): Web.config, App.config and their transforms, and appsettings*.json (PK2001 reads secrets there).
    private static ImmutableArray<AdditionalText> ConfigFiles(Delivery delivery, ProjectPlan plan)
    {
        var folder = plan.FullPath.Length > 0 ? Path.GetDirectoryName(plan.FullPath)! : delivery.Root;
        var result = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var file in delivery.Files)
        {
            var name = Path.GetFileName(file.FullPath);
            if (!string.Equals(Path.GetDirectoryName(file.FullPath), folder, StringComparison.Ordinal) || !IsConfigName(name)
                || file.Length > DeliveryLoader.MaxSourceBytes)
            {
                continue;
            }

            try
            {
                var text = SourceDecoder.Decode(File.ReadAllBytes(file.FullPath), out _);
                result.Add(new PolicyAdditionalText(file.FullPath, text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                delivery.Skipped.Add(new SkippedItem(file.RelativePath, "cannot be read: " + e.Message, SkipKind.Unreadable));
            }
        }

        return result.ToImmutable();
    }

    private static bool IsConfigName(string name) =>
        (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
         && (name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("app.", StringComparison.OrdinalIgnoreCase)))
        || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));

    // HintPaths that are missing or outside the delivery (packages.config packages are PackageReferences' concern).
    private static void Unresolved(Delivery delivery, ProjectPlan plan)
    {
        if (plan.FullPath.Length == 0 || ProjectFile.Read(plan.FullPath, null, out _) is not { } project)
        {
            return;
        }

        var root = delivery.Root + Path.DirectorySeparatorChar;
        foreach (var hint in project.HintPaths)
        {
            var full = Path.GetFullPath(Path.Combine(project.Directory, hint.Replace('\\', Path.DirectorySeparatorChar)));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                delivery.Skipped.Add(new SkippedItem(plan.RelativePath + ": " + hint, "reference outside the delivery: not read", SkipKind.Unresolved));
            }
            else if (!File.Exists(full))
            {
                delivery.Skipped.Add(new SkippedItem(plan.RelativePath + ": " + hint, "referenced assembly not in the delivery: its types are unresolved", SkipKind.Unresolved));
            }
        }
    }
}
