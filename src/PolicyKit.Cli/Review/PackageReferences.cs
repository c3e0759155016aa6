using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The assemblies of the NuGet packages each project declares — <c>PackageReference</c> (with central versions from
/// <c>Directory.Packages.props</c> read as data) and <c>packages.config</c> — with their dependency closure from each
/// .nuspec, so that the vendor's calls into EF Core, Dapper, Sqlite or Identity bind to symbols. Nothing is restored
/// or evaluated: packages are located by <see cref="NuGetPackageFetcher"/> and their DLLs are only handed to Roslyn as
/// metadata. Packages the shared framework already provides are not referenced (no duplicate types). Bounded: at most
/// <see cref="MaxPackages"/> packages and <see cref="MaxTotalBytes"/> of assemblies per project.
/// </summary>
internal sealed class PackageReferences
{
    /// <summary>The most packages in one project's closure.</summary>
    public const int MaxPackages = 200;

    /// <summary>The most assembly bytes referenced from packages by one project.</summary>
    public const long MaxTotalBytes = 500L * 1024 * 1024;

    // Meta-packages of the SDK itself: never referenced from a package (the reference packs stand for them).
    private static readonly HashSet<string> PlatformPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.NETCore.App", "Microsoft.AspNetCore.App", "Microsoft.AspNetCore.All", "NETStandard.Library",
        "Microsoft.NETCore.Platforms", "Microsoft.NETCore.Targets", "Microsoft.WindowsDesktop.App",
    };

    private readonly Dictionary<string, ImmutableArray<string>> _assemblies;

    private PackageReferences(Dictionary<string, ImmutableArray<string>> assemblies, ImmutableArray<ResolvedPackage> resolved, ImmutableArray<UnresolvedPackage> unresolved, string? source)
    {
        _assemblies = assemblies;
        Resolved = resolved;
        Unresolved = unresolved;
        Source = source;
    }

    /// <summary>No packages (a delivery that declares none).</summary>
    public static PackageReferences None { get; } = new(new Dictionary<string, ImmutableArray<string>>(), ImmutableArray<ResolvedPackage>.Empty, ImmutableArray<UnresolvedPackage>.Empty, null);

    /// <summary>Packages used, each once (across projects).</summary>
    public ImmutableArray<ResolvedPackage> Resolved { get; }

    /// <summary>Packages that could not be used, per project.</summary>
    public ImmutableArray<UnresolvedPackage> Unresolved { get; }

    /// <summary>The download source, or <see langword="null"/> when offline or nothing was looked up.</summary>
    public string? Source { get; }

    /// <summary>The package assemblies <paramref name="plan"/> compiles against.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>Paths of the assemblies.</returns>
    public ImmutableArray<string> AssembliesFor(ProjectPlan plan) =>
        _assemblies.TryGetValue(plan.RelativePath, out var paths) ? paths : ImmutableArray<string>.Empty;

    /// <summary>The packages of <paramref name="plan"/> that could not be used (<c>Id Version</c>).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The packages.</returns>
    public ImmutableArray<string> UnresolvedFor(ProjectPlan plan) =>
        Unresolved.Where(u => u.Project == plan.RelativePath).Select(u => u.Id + " " + u.Version).ToImmutableArray();

    /// <summary>Resolves every project's packages; records what could not be used in <see cref="Delivery.Skipped"/>.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <param name="packs">The .NET reference packs (packages they provide are not referenced).</param>
    /// <param name="netFrameworkAssemblies">The .NET Framework reference assemblies (likewise, for .NET Framework projects).</param>
    /// <param name="fetcher">Where packages are found.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <returns>The packages per project.</returns>
    public static async Task<PackageReferences> ResolveAsync(Delivery delivery, ReferencePacks packs, IReadOnlyList<string> netFrameworkAssemblies, NuGetPackageFetcher fetcher, CancellationToken cancellationToken)
    {
        var assemblies = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var resolved = new Dictionary<(string, string), ResolvedPackage>();
        var unresolved = new List<UnresolvedPackage>();
        var session = new Session(fetcher);
        foreach (var plan in delivery.Projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plan.FullPath.Length == 0 || ProjectFile.Read(plan.FullPath, null, out _) is not { } project)
            {
                continue;
            }

            var framework = TargetFrameworkMoniker.ForProject(plan.TargetFramework);
            var provided = new HashSet<string>(
                (framework.Family == FrameworkFamily.Framework ? netFrameworkAssemblies : packs.Core.Concat(plan.UsesAspNetCore ? packs.AspNetCore : Array.Empty<string>())).Select(Path.GetFileName)!,
                StringComparer.OrdinalIgnoreCase);
            var declared = Declared(delivery, plan, project, out var followDependencies);
            if (declared.Count == 0)
            {
                continue;
            }

            var closure = await session.ClosureAsync(plan, declared, followDependencies, framework, provided, unresolved, cancellationToken).ConfigureAwait(false);
            var paths = ImmutableArray.CreateBuilder<string>();
            var names = new HashSet<string>(provided, StringComparer.OrdinalIgnoreCase);
            long bytes = 0;
            foreach (var package in closure)
            {
                resolved.TryAdd((package.Resolved.Id.ToLowerInvariant(), package.Resolved.Version), package.Resolved);
                foreach (var dll in package.Assemblies)
                {
                    if (!names.Add(Path.GetFileName(dll)))
                    {
                        continue;
                    }

                    bytes += new FileInfo(dll).Length;
                    if (bytes > MaxTotalBytes)
                    {
                        unresolved.Add(new UnresolvedPackage(plan.RelativePath, package.Resolved.Id, package.Resolved.Version, "over the " + (MaxTotalBytes / (1024 * 1024)) + " MB limit on package assemblies"));
                        break;
                    }

                    paths.Add(dll);
                }
            }

            assemblies[plan.RelativePath] = paths.ToImmutable();
        }

        foreach (var item in unresolved)
        {
            delivery.Skipped.Add(new SkippedItem(item.Project + ": " + item.Id + " " + item.Version, item.Reason, SkipKind.PackageUnresolved));
        }

        return new PackageReferences(
            assemblies,
            resolved.Values.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Version, StringComparer.Ordinal).ToImmutableArray(),
            unresolved.ToImmutableArray(),
            session.Downloaded ? fetcher.Source : null);
    }

    // PackageReference items (versions from the item, else Directory.Packages.props), or packages.config entries (already
    // the whole closure, so dependencies are not followed). Packages shipped in the delivery's packages/ folder are
    // already referenced from there.
    private static List<(string Id, string Version, string Label)> Declared(Delivery delivery, ProjectPlan plan, ProjectFile project, out bool followDependencies)
    {
        followDependencies = true;
        var result = new List<(string, string, string)>();
        var central = project.PackageReferences.Any(p => p.Version.Length == 0) ? CentralVersions(delivery.Root, project.Directory) : null;
        foreach (var (id, version) in project.PackageReferences)
        {
            var text = version.Length > 0 ? Expand(version, project) : central is not null && central.TryGetValue(id, out var v) ? v : string.Empty;
            result.Add((id, text, id));
        }

        var packagesConfig = Path.Combine(project.Directory, "packages.config");
        if (result.Count > 0 || !File.Exists(packagesConfig))
        {
            return result;
        }

        followDependencies = false;
        try
        {
            var shipped = delivery.DeliveryReferences.Concat(plan.ExtraReferences).ToList();
            foreach (var package in ProjectFile.LoadXml(packagesConfig).Descendants().Where(e => e.Name.LocalName == "package"))
            {
                var id = ((string?)package.Attribute("id"))?.Trim();
                var version = ((string?)package.Attribute("version"))?.Trim() ?? string.Empty;
                var marker = Path.DirectorySeparatorChar + id + "." + version + Path.DirectorySeparatorChar;
                if (!string.IsNullOrEmpty(id) && !shipped.Any(p => p.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add((id, version, "packages.config " + id));
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            delivery.Skipped.Add(new SkippedItem(DeliveryScanner.Relative(delivery.Root, packagesConfig), "packages.config is not readable XML: " + e.Message, SkipKind.BadProject));
        }

        return result;
    }

    // $(Name) from the project's literal properties; anything else stays as written (and will not parse).
    private static string Expand(string version, ProjectFile project)
    {
        if (!version.Contains("$(", StringComparison.Ordinal))
        {
            return version;
        }

        var start = version.IndexOf("$(", StringComparison.Ordinal);
        var end = version.IndexOf(')', start);
        return start == 0 && end == version.Length - 1 && project.Property(version[2..end]) is { } value ? value : version;
    }

    // <PackageVersion Include Version> of the nearest Directory.Packages.props at or above the project, inside the delivery.
    private static Dictionary<string, string>? CentralVersions(string root, string projectDirectory)
    {
        for (var directory = projectDirectory; directory is not null && directory.StartsWith(root, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
        {
            var props = Path.Combine(directory, "Directory.Packages.props");
            if (!File.Exists(props))
            {
                continue;
            }

            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var element in ProjectFile.LoadXml(props).Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
                {
                    if (((string?)element.Attribute("Include"))?.Trim() is { Length: > 0 } id && ((string?)element.Attribute("Version"))?.Trim() is { Length: > 0 } version)
                    {
                        versions[id] = version;
                    }
                }
            }
            catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
            {
                return versions;
            }

            return versions;
        }

        return null;
    }

    private sealed record Located(ResolvedPackage Resolved, string Folder, ImmutableArray<string> Assemblies);

    // One resolution pass over the delivery: local versions and downloads are looked up once per package.
    private sealed class Session(NuGetPackageFetcher fetcher)
    {
        private readonly Dictionary<string, List<(NuGetVersion Version, string Folder, string Origin)>> _local = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string, string), (string? Folder, string? Error)> _fetched = new();

        public bool Downloaded { get; private set; }

        public async Task<List<Located>> ClosureAsync(ProjectPlan plan, List<(string Id, string Version, string Label)> declared, bool followDependencies, TargetFrameworkMoniker framework, HashSet<string> provided, List<UnresolvedPackage> unresolved, CancellationToken cancellationToken)
        {
            var chosen = new Dictionary<string, (NuGetVersion Version, string Folder, string Origin, string? Requested)>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            var queue = new Queue<(string Id, string Range, bool TopLevel, string Label)>(declared.Select(d => (d.Id, d.Version, true, d.Label)));
            var result = new List<Located>();
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (id, rangeText, topLevel, label) = queue.Dequeue();
                if (PlatformPackages.Contains(id) || provided.Contains(id + ".dll"))
                {
                    if (topLevel)
                    {
                        result.Add(new Located(new ResolvedPackage(id, rangeText, "shared framework", null), string.Empty, ImmutableArray<string>.Empty));
                    }

                    continue;
                }

                if (!NuGetPackageFetcher.IsValidId(id))
                {
                    unresolved.Add(new UnresolvedPackage(plan.RelativePath, label, rangeText, "'" + id + "' is not a NuGet package id"));
                    continue;
                }

                if (!NuGetVersionRange.TryParse(rangeText.Length == 0 && !topLevel ? "0.0.0" : rangeText, out var range))
                {
                    unresolved.Add(new UnresolvedPackage(plan.RelativePath, label, rangeText, rangeText.Length == 0 ? "no version given (and none in Directory.Packages.props)" : "version '" + rangeText + "' cannot be read"));
                    continue;
                }

                var have = chosen.TryGetValue(id, out var existing);
                if (have && (range.Satisfies(existing.Version) || range.Preferred is not { } higher || higher.CompareTo(existing.Version) <= 0))
                {
                    continue;
                }

                if (!have && chosen.Count >= MaxPackages)
                {
                    unresolved.Add(new UnresolvedPackage(plan.RelativePath, label, rangeText, "over the limit of " + MaxPackages + " packages"));
                    continue;
                }

                var found = await LocateAsync(id, range, cancellationToken).ConfigureAwait(false);
                if (found is not { } package)
                {
                    unresolved.Add(new UnresolvedPackage(plan.RelativePath, label, rangeText, Reason(id, range)));
                    continue;
                }

                if (!have)
                {
                    order.Add(id);
                }

                chosen[id] = package;
                if (!followDependencies)
                {
                    continue;
                }

                foreach (var (dependency, dependencyRange) in NuspecDependencies.Read(package.Folder, framework, out _))
                {
                    queue.Enqueue((dependency, dependencyRange, false, dependency));
                }
            }

            foreach (var id in order)
            {
                var (version, folder, origin, requested) = chosen[id];
                result.Add(new Located(new ResolvedPackage(id, version.Normalized, origin, requested), folder, CompileAssemblies(folder, framework)));
            }

            return result;
        }

        // The exact (lowest acceptable) version when it is local or can be fetched; else the highest local version of the same
        // major.minor, else the highest local version in range — a substitution the report names.
        private async Task<(NuGetVersion Version, string Folder, string Origin, string? Requested)?> LocateAsync(string id, NuGetVersionRange range, CancellationToken cancellationToken)
        {
            if (!_local.TryGetValue(id, out var local))
            {
                local = fetcher.LocalVersions(id);
                _local[id] = local;
            }

            if (range.Preferred is { } preferred)
            {
                if (local.FirstOrDefault(l => l.Version.Equals(preferred)) is { Folder: not null } exact)
                {
                    return (exact.Version, exact.Folder, exact.Origin, null);
                }

                var key = (id.ToLowerInvariant(), preferred.Normalized);
                if (!_fetched.TryGetValue(key, out var fetched))
                {
                    fetched = await fetcher.FetchAsync(id, preferred, null, cancellationToken).ConfigureAwait(false);
                    _fetched[key] = fetched;
                    Downloaded |= fetched.Folder is not null;
                }

                if (fetched.Folder is { } folder)
                {
                    return (preferred, folder, NuGetPackageFetcher.CacheOrigin + ", from " + fetcher.Source, null);
                }

                var sameMinor = local.Where(l => l.Version.Numbers.Major == preferred.Numbers.Major && l.Version.Numbers.Minor == preferred.Numbers.Minor)
                    .OrderByDescending(l => l.Version).FirstOrDefault();
                if (sameMinor.Folder is not null)
                {
                    return (sameMinor.Version, sameMinor.Folder, sameMinor.Origin, preferred.Normalized);
                }
            }

            var best = local.Where(l => range.Satisfies(l.Version)).OrderByDescending(l => l.Version).FirstOrDefault();
            return best.Folder is null ? null : (best.Version, best.Folder, best.Origin, range.Preferred is { } wanted ? wanted.Normalized : null);
        }

        private string Reason(string id, NuGetVersionRange range)
        {
            if (range.Preferred is { } preferred && _fetched.TryGetValue((id.ToLowerInvariant(), preferred.Normalized), out var fetched) && fetched.Error is { } error)
            {
                return error;
            }

            return fetcher.Offline ? "not in the local package folders (--offline)" : "no local version matches " + range.Text;
        }
    }

    // ref/<tfm> when the package has compile-only assemblies for a compatible framework, else lib/<tfm>.
    private static ImmutableArray<string> CompileAssemblies(string folder, TargetFrameworkMoniker framework)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var assets = Path.Combine(folder, kind);
            if (!Directory.Exists(assets))
            {
                continue;
            }

            var (found, chosen) = framework.Nearest(Directory.GetDirectories(assets).Select(d => (Path.GetFileName(d), d)));
            if (!found && kind == "lib" && framework.Family == FrameworkFamily.Framework)
            {
                // Old packages put .NET Framework assemblies directly in lib/.
                chosen = assets;
                found = true;
            }

            if (found)
            {
                var dlls = Directory.GetFiles(chosen, "*.dll").Where(ManagedAssemblyFile.Is).ToList();
                dlls.Sort(StringComparer.Ordinal);
                return dlls.ToImmutableArray();
            }
        }

        return ImmutableArray<string>.Empty;
    }
}
