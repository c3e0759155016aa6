using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The .NET Framework 4.8 reference assemblies (mscorlib, System.Web, System.Data, System.Configuration …) that legacy
/// projects are compiled against. They come from the <c>Microsoft.NETFramework.ReferenceAssemblies.net48</c> package —
/// never from the delivery: found or fetched by <see cref="NuGetPackageFetcher"/> (the NuGet global packages folder,
/// else PolicyKit's cache, filled once from the configured NuGet source).
/// </summary>
internal sealed class NetFrameworkReferences
{
    /// <summary>The package id.</summary>
    public const string PackageId = "Microsoft.NETFramework.ReferenceAssemblies.net48";

    /// <summary>The package version fetched when none is present.</summary>
    public const string PackageVersion = "1.0.3";

    // Only the reference assemblies (and the Facades folder below them) are extracted.
    private const string Prefix = "build/.NETFramework/v4.8/";

    private NetFrameworkReferences(IReadOnlyList<string> assemblies, string description)
    {
        Assemblies = assemblies;
        Description = description;
    }

    /// <summary>Paths of the reference assemblies (with the facades); empty when they could not be obtained.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    /// <summary>Where they came from, or why there are none, for the report.</summary>
    public string Description { get; }

    /// <summary>Finds or fetches the reference assemblies.</summary>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <returns>The assemblies, or none with the reason.</returns>
    public static async Task<NetFrameworkReferences> ObtainAsync(CancellationToken cancellationToken)
    {
        using var fetcher = NuGetPackageFetcher.FromEnvironment(offline: false);
        return await ObtainAsync(fetcher, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds or fetches the reference assemblies with <paramref name="fetcher"/>.</summary>
    /// <param name="fetcher">Where packages are looked for.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <returns>The assemblies, or none with the reason.</returns>
    public static async Task<NetFrameworkReferences> ObtainAsync(NuGetPackageFetcher fetcher, CancellationToken cancellationToken)
    {
        foreach (var (version, folder, origin) in fetcher.LocalVersions(PackageId).OrderByDescending(v => v.Version))
        {
            var assemblies = Path.Combine(folder, "build", ".NETFramework", "v4.8");
            if (File.Exists(Path.Combine(assemblies, "mscorlib.dll")))
            {
                return new NetFrameworkReferences(Dlls(assemblies), PackageId + " " + version + " (" + origin + ")");
            }
        }

        NuGetVersion.TryParse(PackageVersion, out var wanted);
        var (fetched, error) = await fetcher.FetchAsync(
            PackageId,
            wanted,
            name => name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) || name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase),
            cancellationToken).ConfigureAwait(false);
        if (fetched is null)
        {
            return new NetFrameworkReferences(Array.Empty<string>(), PackageId + " " + error);
        }

        var cache = Path.Combine(fetched, "build", ".NETFramework", "v4.8");
        return File.Exists(Path.Combine(cache, "mscorlib.dll"))
            ? new NetFrameworkReferences(Dlls(cache), PackageId + " " + PackageVersion + " (" + NuGetPackageFetcher.CacheOrigin + ")")
            : new NetFrameworkReferences(Array.Empty<string>(), PackageId + " " + PackageVersion + " not found in the downloaded package");
    }

    private static List<string> Dlls(string folder)
    {
        var result = new List<string>();
        foreach (var directory in new[] { folder, Path.Combine(folder, "Facades") })
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var dll in Directory.GetFiles(directory, "*.dll"))
            {
                if (ManagedAssemblyFile.Is(dll))
                {
                    result.Add(dll);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
