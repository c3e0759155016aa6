using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The .NET Framework 4.8 reference assemblies (mscorlib, System.Web, System.Data, System.Configuration …) that legacy
/// projects are compiled against. They come from the <c>Microsoft.NETFramework.ReferenceAssemblies.net48</c> package —
/// never from the delivery: the NuGet global packages folder when it already holds the package, else PolicyKit's
/// cache under the user's profile, filled once by downloading the package from the configured NuGet source
/// (<c>POLICYKIT_NUGET_SOURCE</c>, else the first http source of the user's NuGet.Config, else nuget.org).
/// </summary>
internal sealed class NetFrameworkReferences
{
    /// <summary>The package id.</summary>
    public const string PackageId = "Microsoft.NETFramework.ReferenceAssemblies.net48";

    /// <summary>The package version fetched when none is present.</summary>
    public const string PackageVersion = "1.0.3";

    private const long MaxPackageBytes = 200L * 1024 * 1024;

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
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(home, ".nuget", "packages");
        var packageFolder = Path.Combine(globalPackages, PackageId.ToLowerInvariant());
        if (Directory.Exists(packageFolder))
        {
            foreach (var version in Directory.GetDirectories(packageFolder).OrderByDescending(Path.GetFileName, StringComparer.Ordinal))
            {
                var folder = Path.Combine(version, "build", ".NETFramework", "v4.8");
                if (File.Exists(Path.Combine(folder, "mscorlib.dll")))
                {
                    return new NetFrameworkReferences(Dlls(folder), PackageId + " " + Path.GetFileName(version) + " (NuGet global packages folder)");
                }
            }
        }

        var cache = Path.Combine(CacheRoot(home), PackageId.ToLowerInvariant(), PackageVersion);
        if (!File.Exists(Path.Combine(cache, "mscorlib.dll")))
        {
            var source = ConfiguredSource(home);
            try
            {
                await DownloadAsync(source, cache, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or JsonException or UnauthorizedAccessException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new NetFrameworkReferences(Array.Empty<string>(), PackageId + " could not be obtained from " + source + ": " + e.Message);
            }
        }

        return File.Exists(Path.Combine(cache, "mscorlib.dll"))
            ? new NetFrameworkReferences(Dlls(cache), PackageId + " " + PackageVersion + " (PolicyKit cache)")
            : new NetFrameworkReferences(Array.Empty<string>(), PackageId + " " + PackageVersion + " not found in the downloaded package");
    }

    private static string CacheRoot(string home)
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(local.Length > 0 ? local : Path.Combine(home, ".local", "share"), "policykit", "refs");
    }

    /// <summary>The NuGet v3 service index to download from.</summary>
    private static string ConfiguredSource(string home)
    {
        if (Environment.GetEnvironmentVariable("POLICYKIT_NUGET_SOURCE") is { Length: > 0 } explicitSource)
        {
            return explicitSource;
        }

        foreach (var config in new[] { Path.Combine(home, ".nuget", "NuGet", "NuGet.Config"), Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "NuGet", "NuGet.Config") })
        {
            if (!File.Exists(config))
            {
                continue;
            }

            try
            {
                var document = ProjectFile.LoadXml(config);
                var source = document.Descendants().Where(e => e.Name.LocalName == "add" && e.Parent?.Name.LocalName == "packageSources")
                    .Select(e => (string?)e.Attribute("value"))
                    .FirstOrDefault(v => v is not null && v.StartsWith("http", StringComparison.OrdinalIgnoreCase) && v.EndsWith("index.json", StringComparison.OrdinalIgnoreCase));
                if (source is not null)
                {
                    return source;
                }
            }
            catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
            {
                // An unreadable NuGet.Config: fall back to nuget.org.
            }
        }

        return "https://api.nuget.org/v3/index.json";
    }

    private static async Task DownloadAsync(string serviceIndex, string cache, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        string? baseAddress = null;
        using (var index = JsonDocument.Parse(await http.GetStringAsync(serviceIndex, cancellationToken).ConfigureAwait(false)))
        {
            foreach (var resource in index.RootElement.GetProperty("resources").EnumerateArray())
            {
                if (resource.TryGetProperty("@type", out var type) && type.GetString() is { } name && name.StartsWith("PackageBaseAddress/3.0.0", StringComparison.Ordinal)
                    && resource.TryGetProperty("@id", out var id))
                {
                    baseAddress = id.GetString();
                    break;
                }
            }
        }

        if (baseAddress is null)
        {
            throw new InvalidDataException("the source has no PackageBaseAddress resource");
        }

        var lower = PackageId.ToLowerInvariant();
        var url = baseAddress.TrimEnd('/') + "/" + lower + "/" + PackageVersion + "/" + lower + "." + PackageVersion + ".nupkg";
        var temporary = cache + ".download-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(temporary);
        try
        {
            using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                response.EnsureSuccessStatusCode();
                if (response.Content.Headers.ContentLength is > MaxPackageBytes)
                {
                    throw new InvalidDataException("the package is larger than expected");
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                const string Prefix = "build/.NETFramework/v4.8/";
                foreach (var entry in archive.Entries)
                {
                    // Only DLLs, by file name, into two fixed folders: nothing in the archive chooses a path.
                    var name = entry.FullName.Replace('\\', '/');
                    if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var rest = name[Prefix.Length..];
                    var folder = rest.StartsWith("Facades/", StringComparison.OrdinalIgnoreCase) ? Path.Combine(temporary, "Facades") : temporary;
                    if (rest.Contains('/', StringComparison.Ordinal) && folder == temporary)
                    {
                        continue;
                    }

                    Directory.CreateDirectory(folder);
                    entry.ExtractToFile(Path.Combine(folder, Path.GetFileName(rest)), overwrite: true);
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
            if (!Directory.Exists(cache))
            {
                Directory.Move(temporary, cache);
            }
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
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
                if (IsAssembly(dll))
                {
                    result.Add(dll);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    // System.EnterpriseServices.Thunk/Wrapper are native images beside the managed reference assemblies.
    private static bool IsAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }
}
