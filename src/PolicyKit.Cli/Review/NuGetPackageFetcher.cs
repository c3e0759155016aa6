using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Finds NuGet packages for a review, as data: the NuGet global packages folder (<c>NUGET_PACKAGES</c>, else
/// <c>~/.nuget/packages</c>), then PolicyKit's own cache, else — unless offline — downloads the .nupkg once from the
/// configured source (<c>POLICYKIT_NUGET_SOURCE</c>, else the first http source of the user's NuGet.Config, else
/// nuget.org; a folder of .nupkg files works too) and extracts only its assemblies and .nuspec into the cache
/// (<see cref="PackageArchive"/>). Nothing in a package is ever run: no install scripts, no build targets.
/// </summary>
internal sealed class NuGetPackageFetcher : IDisposable
{
    /// <summary>The largest .nupkg downloaded.</summary>
    public const long MaxPackageBytes = 200L * 1024 * 1024;

    /// <summary>Where a package came from: the global packages folder.</summary>
    public const string GlobalOrigin = "NuGet global packages folder";

    /// <summary>Where a package came from: PolicyKit's cache.</summary>
    public const string CacheOrigin = "PolicyKit cache";

    private readonly Lazy<HttpClient> _http = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(5) });
    private string? _baseAddress;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="globalPackagesFolder">The NuGet global packages folder.</param>
    /// <param name="cacheFolder">PolicyKit's package cache.</param>
    /// <param name="source">A NuGet v3 service index URL, or a folder of .nupkg files.</param>
    /// <param name="offline">Use only the two local folders.</param>
    public NuGetPackageFetcher(string globalPackagesFolder, string cacheFolder, string source, bool offline)
    {
        GlobalPackagesFolder = globalPackagesFolder;
        CacheFolder = cacheFolder;
        Source = source;
        Offline = offline;
    }

    /// <summary>The NuGet global packages folder.</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>PolicyKit's package cache.</summary>
    public string CacheFolder { get; }

    /// <summary>The NuGet v3 service index URL, or a folder of .nupkg files.</summary>
    public string Source { get; }

    /// <summary>Whether only local folders are used.</summary>
    public bool Offline { get; }

    /// <summary>A fetcher configured from the environment and the user's NuGet.Config.</summary>
    /// <param name="offline">Use only local folders.</param>
    /// <returns>The fetcher.</returns>
    public static NuGetPackageFetcher FromEnvironment(bool offline)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(home, ".nuget", "packages");
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var cache = Path.Combine(local.Length > 0 ? local : Path.Combine(home, ".local", "share"), "policykit", "packages");
        return new NuGetPackageFetcher(globalPackages, cache, ConfiguredSource(home), offline);
    }

    /// <summary>Whether <paramref name="id"/> is a NuGet package id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>): it becomes a folder name.</summary>
    /// <param name="id">The id as the project wrote it.</param>
    /// <returns>True for a valid id.</returns>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && id.Any(char.IsAsciiLetterOrDigit);

    /// <summary>The folder of <paramref name="id"/> <paramref name="version"/> in a local folder, if it is there.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The folder and which local folder it is in, or <see langword="null"/>.</returns>
    public (string Folder, string Origin)? FindLocal(string id, NuGetVersion version)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        foreach (var (root, origin) in Roots())
        {
            var folder = Path.Combine(root, id.ToLowerInvariant(), version.Normalized);
            if (IsComplete(folder))
            {
                return (folder, origin);
            }
        }

        return null;
    }

    /// <summary>Every version of <paramref name="id"/> in the local folders.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The versions (each once, global packages folder first).</returns>
    public List<(NuGetVersion Version, string Folder, string Origin)> LocalVersions(string id)
    {
        var result = new List<(NuGetVersion, string, string)>();
        if (!IsValidId(id))
        {
            return result;
        }

        foreach (var (root, origin) in Roots())
        {
            var packageFolder = Path.Combine(root, id.ToLowerInvariant());
            if (!Directory.Exists(packageFolder))
            {
                continue;
            }

            foreach (var folder in Directory.GetDirectories(packageFolder))
            {
                if (NuGetVersion.TryParse(Path.GetFileName(folder), out var version) && IsComplete(folder) && !result.Any(r => r.Item1.Equals(version)))
                {
                    result.Add((version, folder, origin));
                }
            }
        }

        return result;
    }

    /// <summary>Downloads (or copies from a folder source) and extracts a package into the cache.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="version">The version.</param>
    /// <param name="include">Which entries to extract (forward-slash paths), or <see langword="null"/> for every assembly.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The extracted folder, or the reason there is none.</returns>
    public async Task<(string? Folder, string? Error)> FetchAsync(string id, NuGetVersion version, Func<string, bool>? include, CancellationToken cancellationToken)
    {
        if (Offline)
        {
            return (null, "not in the local package folders (--offline)");
        }

        if (!IsValidId(id))
        {
            return (null, "'" + id + "' is not a NuGet package id");
        }

        var target = Path.Combine(CacheFolder, id.ToLowerInvariant(), version.Normalized);
        var temporary = target + ".download-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var package = await OpenAsync(id, version, cancellationToken).ConfigureAwait(false))
            {
                if (package is null)
                {
                    return (null, "not found at " + Source);
                }

                Directory.CreateDirectory(temporary);
                PackageArchive.Extract(package, temporary, include);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!Directory.Exists(target))
            {
                Directory.Move(temporary, target);
            }

            return (target, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or JsonException or UnauthorizedAccessException or UriFormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, "could not be obtained from " + Source + ": " + e.Message);
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }

    /// <summary>The NuGet v3 service index (or package folder) to download from.</summary>
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

    // A folder restore finished writing: it has the .nuspec (global packages folder) or what PolicyKit extracted.
    private static bool IsComplete(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.nuspec").Any();

    private IEnumerable<(string Root, string Origin)> Roots()
    {
        yield return (GlobalPackagesFolder, GlobalOrigin);
        yield return (CacheFolder, CacheOrigin);
    }

    // The .nupkg as a seekable stream, size-checked; null when the source does not have it.
    private async Task<Stream?> OpenAsync(string id, NuGetVersion version, CancellationToken cancellationToken)
    {
        var lower = id.ToLowerInvariant();
        var fileName = lower + "." + version.Normalized + ".nupkg";
        if (!Source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !Source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // A folder source: flat (<id>.<version>.nupkg) or hierarchical (<id>/<version>/<id>.<version>.nupkg).
            var folder = Source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(Source).LocalPath : Source;
            var candidates = new[] { Path.Combine(folder, fileName), Path.Combine(folder, lower, version.Normalized, fileName) };
            var found = candidates.FirstOrDefault(File.Exists)
                ?? (Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.nupkg").FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase)) : null);
            if (found is null)
            {
                return null;
            }

            if (new FileInfo(found).Length > MaxPackageBytes)
            {
                throw new InvalidDataException("the package is larger than " + (MaxPackageBytes / (1024 * 1024)) + " MB: refused");
            }

            return new MemoryStream(await File.ReadAllBytesAsync(found, cancellationToken).ConfigureAwait(false));
        }

        var http = _http.Value;
        _baseAddress ??= await BaseAddressAsync(http, cancellationToken).ConfigureAwait(false);
        var url = _baseAddress.TrimEnd('/') + "/" + lower + "/" + version.Normalized + "/" + fileName;
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is > MaxPackageBytes)
        {
            throw new InvalidDataException("the package is larger than " + (MaxPackageBytes / (1024 * 1024)) + " MB: refused");
        }

        // The Content-Length may be absent or wrong: count what arrives.
        var buffer = new MemoryStream();
        using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxPackageBytes)
                {
                    throw new InvalidDataException("the package is larger than " + (MaxPackageBytes / (1024 * 1024)) + " MB: refused");
                }

                buffer.Write(chunk, 0, read);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private async Task<string> BaseAddressAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var index = JsonDocument.Parse(await http.GetStringAsync(Source, cancellationToken).ConfigureAwait(false));
        if (index.RootElement.ValueKind != JsonValueKind.Object || !index.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the source's service index has no resources");
        }

        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { } name && name.StartsWith("PackageBaseAddress/3.0.0", StringComparison.Ordinal)
                && resource.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { } address)
            {
                return address;
            }
        }

        throw new InvalidDataException("the source has no PackageBaseAddress resource");
    }
}
