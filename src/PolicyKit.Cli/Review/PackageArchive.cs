using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Extracts the parts of a .nupkg a review reads — assemblies and the .nuspec, nothing else — safely: every entry name
/// is checked before anything is written (no rooted paths, no <c>..</c>, no drive letters: zip-slip), every extracted
/// entry is capped, and the bytes actually written are counted rather than trusting the archive's sizes (zip bombs).
/// A package that breaks a rule is refused whole.
/// </summary>
internal static class PackageArchive
{
    /// <summary>The largest assembly or .nuspec extracted (the review's cap on referenced assemblies).</summary>
    public const long MaxEntryBytes = DeliveryLoader.MaxReferenceBytes;

    /// <summary>The most bytes extracted from one package.</summary>
    public const long MaxExtractedBytes = 256L * 1024 * 1024;

    /// <summary>Extracts <c>*.dll</c> and <c>*.nuspec</c> entries accepted by <paramref name="include"/> into <paramref name="destination"/>, keeping their paths.</summary>
    /// <param name="package">The .nupkg content.</param>
    /// <param name="destination">An empty folder.</param>
    /// <param name="include">Which entry paths (forward slashes) to extract; <see langword="null"/> for all assemblies and the .nuspec.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidDataException">The package is not a zip archive, or breaks a rule (the message says which).</exception>
    public static long Extract(Stream package, string destination, Func<string, bool>? include)
    {
        using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var chosen = new List<(ZipArchiveEntry Entry, string Path)>();
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (!IsSafeName(name))
            {
                throw new InvalidDataException("unsafe entry path '" + entry.FullName + "' (path traversal): package refused");
            }

            if (name.EndsWith('/') || !(name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || (name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !name.Contains('/', StringComparison.Ordinal))))
            {
                continue;
            }

            if (include is not null && !include(name))
            {
                continue;
            }

            if (entry.Length > MaxEntryBytes)
            {
                throw new InvalidDataException("entry '" + name + "' is " + (entry.Length / (1024 * 1024)) + " MB, over the " + (MaxEntryBytes / (1024 * 1024)) + " MB cap: package refused");
            }

            declared += entry.Length;
            if (declared > MaxExtractedBytes)
            {
                throw new InvalidDataException("the package expands to more than " + (MaxExtractedBytes / (1024 * 1024)) + " MB: package refused");
            }

            chosen.Add((entry, name));
        }

        var root = Path.GetFullPath(destination);
        long written = 0;
        foreach (var (entry, name) in chosen)
        {
            var target = Path.GetFullPath(Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar)));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException("unsafe entry path '" + entry.FullName + "' (path traversal): package refused");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var input = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            written += CopyCapped(input, output, name);
            if (written > MaxExtractedBytes)
            {
                throw new InvalidDataException("the package expands to more than " + (MaxExtractedBytes / (1024 * 1024)) + " MB: package refused");
            }
        }

        return written;
    }

    // Relative, forward-slash names made of ordinary segments only.
    private static bool IsSafeName(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.Contains(':', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is ".." or ".")
            {
                return false;
            }
        }

        return true;
    }

    // The archive's declared size can lie: count what decompresses.
    private static long CopyCapped(Stream input, Stream output, string name)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > MaxEntryBytes)
            {
                throw new InvalidDataException("entry '" + name + "' expands beyond the " + (MaxEntryBytes / (1024 * 1024)) + " MB cap: package refused");
            }

            output.Write(buffer, 0, read);
        }

        return total;
    }
}
