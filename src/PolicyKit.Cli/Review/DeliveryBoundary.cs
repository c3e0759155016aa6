using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The edge of a delivery: the only files a review reads are those the scanner listed (regular files under the root,
/// reached without entering a linked directory). Paths a vendor's project names outside that edge
/// (<c>..\..\etc\passwd</c>, <c>/etc/passwd</c>) are refused and named in the report, never opened.
/// </summary>
internal sealed class DeliveryBoundary
{
    private readonly string rootWithSlash;
    private readonly HashSet<string> listed;

    /// <summary>Creates the boundary.</summary>
    /// <param name="root">The delivery root (absolute, without a trailing separator).</param>
    /// <param name="files">The files the scanner listed.</param>
    public DeliveryBoundary(string root, IEnumerable<DeliveryFile> files)
    {
        Root = root;
        rootWithSlash = root + Path.DirectorySeparatorChar;
        listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            listed.Add(file.FullPath);
            // A file link inside the root is listed under its target; it may also be named by its own path.
            listed.Add(Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar)));
        }
    }

    /// <summary>The delivery root.</summary>
    public string Root { get; }

    /// <summary>Whether <paramref name="path"/> is a file the scanner listed, and so may be read.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>True when the review may open it.</returns>
    public bool IsListed(string path) => listed.Contains(Path.GetFullPath(path));

    /// <summary>Whether <paramref name="path"/> lies under the root by its name (links not resolved).</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>True when inside.</returns>
    public bool IsUnderRoot(string path) => Path.GetFullPath(path).StartsWith(rootWithSlash, StringComparison.Ordinal);

    /// <summary>
    /// Names every <c>ProjectReference</c>, <c>Compile Include</c> and <c>HintPath</c> of <paramref name="project"/>
    /// that points outside the delivery; none of them is read (sources come only from listed files).
    /// </summary>
    /// <param name="project">The project, read as data.</param>
    /// <param name="skipped">Receives one item per refused path.</param>
    public void RefuseOutsidePaths(ProjectFile project, List<SkippedItem> skipped)
    {
        var relativeProject = DeliveryScanner.Relative(Root, project.FullPath);
        foreach (var reference in project.ProjectReferences)
        {
            if (!IsUnderRoot(reference))
            {
                skipped.Add(Refused(relativeProject, "ProjectReference", reference));
            }
        }

        foreach (var include in project.CompileIncludes)
        {
            if (!IsUnderRoot(Resolve(project.Directory, FixedPrefix(include))))
            {
                skipped.Add(Refused(relativeProject, "Compile Include", include));
            }
        }

        foreach (var hint in project.HintPaths)
        {
            if (!IsUnderRoot(Resolve(project.Directory, hint)))
            {
                skipped.Add(Refused(relativeProject, "Reference HintPath", hint));
            }
        }
    }

    /// <summary>An item for a path the solution names outside the delivery.</summary>
    /// <param name="solution">The solution, relative to the root.</param>
    /// <param name="project">The project path as resolved.</param>
    /// <returns>The item.</returns>
    public SkippedItem RefusedBySolution(string solution, string project) =>
        new(solution + ": " + project, "the solution names a project outside the delivery: refused, not read", SkipKind.OutsideRoot);

    private static SkippedItem Refused(string project, string item, string value) =>
        new(project + ": " + item + " " + value, item + " points outside the delivery: refused, not read", SkipKind.OutsideRoot);

    private static string Resolve(string directory, string path)
    {
        var normalised = path.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.IsPathRooted(normalised) ? normalised : Path.Combine(directory, normalised));
    }

    // A glob's directory part before its first wildcard: where matching files would have to live.
    private static string FixedPrefix(string glob)
    {
        var wildcard = glob.IndexOfAny(['*', '?']);
        if (wildcard < 0)
        {
            return glob;
        }

        var separator = glob.LastIndexOfAny(['/', '\\'], wildcard);
        return separator < 0 ? "." : glob[..separator];
    }
}
