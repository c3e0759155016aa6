using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Decides what to compile from the delivery's files and project files, read as data. Nothing of the vendor's is
/// evaluated: no MSBuild, no restore, no targets, no generators, no analyzers (<c>Analyzer</c> items are ignored).
/// </summary>
internal static class DeliveryLoader
{
    /// <summary>C# files larger than this are skipped with a note (generated data, not code a person reviews).</summary>
    public const long MaxSourceBytes = 10L * 1024 * 1024;

    /// <summary>DLLs larger than this are not referenced.</summary>
    public const long MaxReferenceBytes = 64L * 1024 * 1024;

    private const string LooseProject = "(files outside projects)";

    /// <summary>Reads the delivery named by <paramref name="target"/>.</summary>
    /// <param name="target">A folder, <c>.sln</c>, <c>.slnx</c> or <c>.csproj</c>.</param>
    /// <param name="packs">The reference packs (their file names are not taken again from the delivery).</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ReviewInputException">The target does not exist, or holds no C# to review.</exception>
    public static Delivery Load(string target, ReferencePacks packs, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(target);
        string root;
        string? entry = null;
        if (Directory.Exists(full))
        {
            root = full;
        }
        else if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (extension is not (".sln" or ".slnx" or ".csproj"))
            {
                throw new ReviewInputException($"'{target}' is a {extension} file; expected a folder, a .sln, a .slnx or a .csproj.");
            }

            root = Path.GetDirectoryName(full)!;
            entry = full;
        }
        else
        {
            throw new ReviewInputException($"'{target}' does not exist; expected a folder, a .sln, a .slnx or a .csproj.");
        }

        root = Path.TrimEndingDirectorySeparator(root);
        var skipped = new List<SkippedItem>();
        var files = DeliveryScanner.Scan(root, skipped, cancellationToken);
        if (files.Count == 0)
        {
            throw new ReviewInputException($"'{target}' is empty; expected the delivered source code.");
        }

        var boundary = new DeliveryBoundary(root, files);
        var csFiles = files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !DeliveryScanner.IsBuildOutput(f.RelativePath)).ToList();
        foreach (var view in files.Where(f => f.RelativePath.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || f.RelativePath.EndsWith(".razor", StringComparison.OrdinalIgnoreCase)))
        {
            skipped.Add(new SkippedItem(view.RelativePath, "Razor view or component: not compiled by this review", SkipKind.Razor));
        }

        var projectPaths = ProjectPathsOf(entry, files, root, skipped);
        var projects = new List<ProjectFile>();
        foreach (var path in projectPaths)
        {
            // Only files the scanner listed are read: never a path through a linked directory or out of the root.
            if (!boundary.IsUnderRoot(path))
            {
                skipped.Add(boundary.RefusedBySolution(DeliveryScanner.Relative(root, entry ?? root), path));
                continue;
            }

            if (!boundary.IsListed(path))
            {
                skipped.Add(new SkippedItem(DeliveryScanner.Relative(root, path), "project named by the solution is missing", SkipKind.BadProject));
                continue;
            }

            if (new FileInfo(path).Length > ReviewLimits.MaxProjectFileBytes)
            {
                skipped.Add(new SkippedItem(DeliveryScanner.Relative(root, path), "project file over the 4 MiB limit: not read", SkipKind.TooLarge));
                continue;
            }

            var project = ProjectFile.Read(path, InheritedProperties(boundary, Path.GetDirectoryName(path)!), out var error);
            if (project is null)
            {
                skipped.Add(new SkippedItem(DeliveryScanner.Relative(root, path), "project file is not readable XML: " + error, SkipKind.BadProject));
                continue;
            }

            boundary.RefuseOutsidePaths(project, skipped);
            projects.Add(project);
        }

        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var plans = ImmutableArray.CreateBuilder<ProjectPlan>();
        var owners = new ProjectOwnership(projects, csFiles);
        foreach (var project in projects)
        {
            var sources = SourcesOf(project, csFiles, owners);
            foreach (var source in sources)
            {
                assigned.Add(source.FullPath);
            }

            plans.Add(PlanFor(project, sources, boundary));
        }

        // With a folder as target, C# outside any project is still delivered code: review it too.
        if (entry is null || projects.Count == 0)
        {
            var loose = csFiles.Where(f => !assigned.Contains(f.FullPath)).ToImmutableArray();
            if (loose.Length > 0)
            {
                plans.Add(new ProjectPlan(LooseProject, LooseProject, loose, null, true, OutputKind.DynamicallyLinkedLibrary, LanguageVersion.Latest, true, "unknown", ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, string.Empty, ImmutableArray<string>.Empty));
            }
        }

        if (plans.Count == 0 || plans.All(p => p.Sources.Length == 0))
        {
            throw new ReviewInputException($"'{target}' holds no C# source files (*.cs outside bin/ and obj/); expected the delivered source code, not a build output.");
        }

        var assemblyNames = new HashSet<string>(plans.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var references = DeliveryReferences(files, packs, assemblyNames, skipped);
        // The full path, not the text as typed: the report must not change with the current directory.
        return new Delivery(root, Path.TrimEndingDirectorySeparator(full), files, plans.ToImmutable(), references, skipped);
    }

    private static List<string> ProjectPathsOf(string? entry, List<DeliveryFile> files, string root, List<SkippedItem> skipped)
    {
        if (entry is not null && entry.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return new List<string> { entry };
        }

        if (entry is not null)
        {
            if (new FileInfo(entry).Length > ReviewLimits.MaxSolutionBytes)
            {
                throw new ReviewInputException($"the solution '{entry}' is larger than 4 MiB; expected a solution file.");
            }

            try
            {
                return SolutionFile.ProjectPaths(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
            {
                throw new ReviewInputException($"cannot read the solution '{entry}': {e.Message}");
            }
        }

        return files.Where(f => f.RelativePath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !DeliveryScanner.IsBuildOutput(f.RelativePath))
            .Select(f => f.FullPath).ToList();
    }

    private static ImmutableDictionary<string, string> InheritedProperties(DeliveryBoundary boundary, string projectDirectory)
    {
        // Directory.Build.props files from the root down, read for literal properties only (never imported).
        var chain = new List<string>();
        for (var directory = projectDirectory; directory is not null && IsInsideOrSame(boundary.Root, directory); directory = Path.GetDirectoryName(directory))
        {
            var props = Path.Combine(directory, "Directory.Build.props");
            if (boundary.IsListed(props) && new FileInfo(props).Length <= ReviewLimits.MaxProjectFileBytes)
            {
                chain.Add(props);
            }
        }

        var properties = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            properties = ProjectFile.ReadProps(chain[i], properties);
        }

        return properties;
    }

    private static ImmutableArray<DeliveryFile> SourcesOf(ProjectFile project, List<DeliveryFile> csFiles, ProjectOwnership owners)
    {
        var chosen = new List<DeliveryFile>();
        var defaults = project.IsSdkStyle && !string.Equals(project.Property("EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase);
        // Without Compile items only the files whose nearest project is this one can belong to it: a delivery of
        // thousands of projects stays linear instead of projects × files.
        foreach (var file in project.CompileIncludes.IsEmpty ? owners.OwnedBy(project.Directory) : csFiles)
        {
            var relative = Path.GetRelativePath(project.Directory, file.FullPath).Replace('\\', '/');
            var byDefault = defaults
                && string.Equals(owners.OwnerOf(file.FullPath), project.Directory, StringComparison.Ordinal)
                && !DeliveryScanner.IsBuildOutput(relative);
            var included = byDefault || project.CompileIncludes.Any(glob => PathGlob.IsMatch(glob.Replace('\\', '/'), relative, anchored: true));
            if (included && !project.CompileRemoves.Any(glob => PathGlob.IsMatch(glob.Replace('\\', '/'), relative, anchored: true)))
            {
                chosen.Add(file);
            }
        }

        return chosen.ToImmutableArray();
    }

    private static ProjectPlan PlanFor(ProjectFile project, ImmutableArray<DeliveryFile> sources, DeliveryBoundary boundary)
    {
        var root = boundary.Root;
        var language = LanguageVersion.Latest;
        if (project.Property("LangVersion") is { } langText && LanguageVersionFacts.TryParse(langText, out var parsed))
        {
            language = parsed.MapSpecifiedToEffectiveVersion();
        }

        var outputType = project.Property("OutputType");
        var exe = string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase) || string.Equals(outputType, "WinExe", StringComparison.OrdinalIgnoreCase)
            || (outputType is null && (project.Sdk?.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ?? false));
        var nullable = project.Property("Nullable") is { } n && (n.Equals("enable", StringComparison.OrdinalIgnoreCase) || n.Equals("annotations", StringComparison.OrdinalIgnoreCase));
        var hints = project.HintPaths
            .Select(h => Path.GetFullPath(Path.Combine(project.Directory, h.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(boundary.IsListed)
            .ToImmutableArray();
        return new ProjectPlan(
            project.Property("AssemblyName") ?? project.Name,
            DeliveryScanner.Relative(root, project.FullPath),
            sources,
            ImplicitUsings.For(project),
            project.UsesAspNetCore,
            exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            language,
            nullable,
            project.Property("TargetFramework") ?? project.Property("TargetFrameworks") ?? project.Property("TargetFrameworkVersion") ?? "unknown",
            project.PackageReferences.Select(p => p.Version.Length == 0 ? p.Id : p.Id + " " + p.Version).ToImmutableArray(),
            hints,
            project.FullPath,
            project.ProjectReferences);
    }

    private static ImmutableArray<string> DeliveryReferences(List<DeliveryFile> files, ReferencePacks packs, HashSet<string> ownAssemblies, List<SkippedItem> skipped)
    {
        var framework = new HashSet<string>(packs.Core.Concat(packs.AspNetCore).Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var file in files)
        {
            if (!file.RelativePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !InBinOrLib(file.RelativePath))
            {
                continue;
            }

            var name = Path.GetFileName(file.FullPath);
            if (framework.Contains(name) || ownAssemblies.Contains(Path.GetFileNameWithoutExtension(name)) || !seen.Add(name))
            {
                continue;
            }

            if (file.Length == 0)
            {
                continue;   // not an assembly, and never opened (a FIFO would block)
            }

            if (file.Length > MaxReferenceBytes)
            {
                skipped.Add(new SkippedItem(file.RelativePath, "assembly larger than 64 MB: not referenced", SkipKind.TooLarge));
                continue;
            }

            if (ManagedAssemblyFile.Is(file.FullPath))
            {
                result.Add(file.FullPath);
            }
        }

        return result.ToImmutable();
    }

    private static bool InBinOrLib(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Equals("bin", StringComparison.OrdinalIgnoreCase) || segment.Equals("lib", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInside(string root, string path) =>
        Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool IsInsideOrSame(string root, string path) =>
        string.Equals(Path.TrimEndingDirectorySeparator(path), root, StringComparison.Ordinal) || IsInside(root, path);
}
