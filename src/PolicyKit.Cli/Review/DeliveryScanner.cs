using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Lists the files of a delivery without following links out of it: directories that are links are never entered
/// (cycles, and a vendor's link to <c>/</c>), file links are read only when their target stays inside the root.
/// Build output folders (<c>bin</c>, <c>obj</c>) are listed separately: they are searched for reference DLLs only.
/// </summary>
internal static class DeliveryScanner
{
    private static readonly HashSet<string> IgnoredDirectories = new(StringComparer.OrdinalIgnoreCase) { ".git", ".vs", ".idea", "node_modules", "TestResults" };

    /// <summary>Every regular file under <paramref name="root"/> (bin/obj included), sorted by relative path.</summary>
    /// <param name="root">The delivery root (absolute, normalised).</param>
    /// <param name="skipped">Receives links that were not followed.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The files.</returns>
    public static List<DeliveryFile> Scan(string root, List<SkippedItem> skipped, CancellationToken cancellationToken)
    {
        var files = new List<DeliveryFile>();
        var pending = new Stack<string>();
        pending.Push(root);
        var rootWithSlash = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 });
                entries = new List<FileSystemInfo>(entries);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add(new SkippedItem(Relative(root, directory) + "/", "directory cannot be read: " + e.Message, SkipKind.Unreadable));
                continue;
            }

            foreach (var entry in entries)
            {
                var relative = Relative(root, entry.FullName);
                if (entry is DirectoryInfo dir)
                {
                    if (dir.LinkTarget is not null)
                    {
                        // Never enter linked directories: they may point outside the delivery or loop.
                        skipped.Add(new SkippedItem(relative + "/", "directory link not followed (target " + dir.LinkTarget + ")", SkipKind.Link));
                    }
                    else if (!IgnoredDirectories.Contains(dir.Name))
                    {
                        pending.Push(dir.FullName);
                    }

                    continue;
                }

                if (entry is not FileInfo file)
                {
                    continue;
                }

                if (file.LinkTarget is not null)
                {
                    var target = ResolveInside(file, rootWithSlash);
                    if (target is null)
                    {
                        skipped.Add(new SkippedItem(relative, "file link to outside the delivery not followed (target " + file.LinkTarget + ")", SkipKind.Link));
                        continue;
                    }

                    files.Add(new DeliveryFile(target.FullName, relative, target.Length));
                    continue;
                }

                if ((file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
                {
                    continue;
                }

                files.Add(new DeliveryFile(file.FullName, relative, file.Length));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/>, with <c>/</c> separators.</summary>
    /// <param name="root">The root.</param>
    /// <param name="path">An absolute path.</param>
    /// <returns>The relative path.</returns>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Whether <paramref name="relativePath"/> lies in a build output folder (<c>bin</c> or <c>obj</c>).</summary>
    /// <param name="relativePath">A relative path with <c>/</c> separators.</param>
    /// <returns>True when a segment is <c>bin</c> or <c>obj</c>.</returns>
    public static bool IsBuildOutput(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Equals("bin", StringComparison.OrdinalIgnoreCase) || segment.Equals("obj", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static FileInfo? ResolveInside(FileInfo link, string rootWithSlash)
    {
        try
        {
            if (link.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target && target.Exists
                && Path.GetFullPath(target.FullName).StartsWith(rootWithSlash, StringComparison.Ordinal))
            {
                return target;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
