using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Which project directory owns each C# file by default: the nearest enclosing directory holding a project (as the
/// SDK's default <c>**/*.cs</c> glob, with nested projects taking their own files). Built once in one pass over the
/// files, so that thousands of projects cost files × depth, not projects × files.
/// </summary>
internal sealed class ProjectOwnership
{
    private static readonly IReadOnlyList<DeliveryFile> None = Array.Empty<DeliveryFile>();
    private readonly Dictionary<string, string> ownerByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DeliveryFile>> filesByOwner = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="files"/> by their nearest project directory.</summary>
    /// <param name="projects">The projects read.</param>
    /// <param name="files">The C# files of the delivery.</param>
    public ProjectOwnership(IEnumerable<ProjectFile> projects, IEnumerable<DeliveryFile> files)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            directories.Add(project.Directory);
        }

        foreach (var file in files)
        {
            for (var directory = Path.GetDirectoryName(file.FullPath); directory is not null; directory = Path.GetDirectoryName(directory))
            {
                if (directories.Contains(directory))
                {
                    ownerByFile[file.FullPath] = directory;
                    if (!filesByOwner.TryGetValue(directory, out var owned))
                    {
                        filesByOwner[directory] = owned = new List<DeliveryFile>();
                    }

                    owned.Add(file);
                    break;
                }
            }
        }
    }

    /// <summary>The directory of the nearest project enclosing <paramref name="fullPath"/>, or <see langword="null"/>.</summary>
    /// <param name="fullPath">A C# file's absolute path.</param>
    /// <returns>The owner's directory.</returns>
    public string? OwnerOf(string fullPath) => ownerByFile.TryGetValue(fullPath, out var owner) ? owner : null;

    /// <summary>The C# files whose nearest project directory is <paramref name="directory"/>.</summary>
    /// <param name="directory">A project directory.</param>
    /// <returns>The files, in the scanner's order.</returns>
    public IReadOnlyList<DeliveryFile> OwnedBy(string directory) => filesByOwner.TryGetValue(directory, out var owned) ? owned : None;
}
