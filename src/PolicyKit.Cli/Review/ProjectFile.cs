using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PolicyKit.Cli.Review;

/// <summary>
/// What a project file says, read as XML data: never evaluated, so no target, task, import, property function or
/// condition of the vendor's runs. Properties whose values use <c>$(…)</c> are ignored rather than expanded.
/// </summary>
internal sealed record ProjectFile
{
    /// <summary>The absolute path of the project file.</summary>
    public required string FullPath { get; init; }

    /// <summary>The project's name (file name without extension).</summary>
    public required string Name { get; init; }

    /// <summary>The SDK named by the project (<c>Microsoft.NET.Sdk.Web</c>), or <see langword="null"/> for an old-style project.</summary>
    public string? Sdk { get; init; }

    /// <summary>Literal property values (last one wins, conditions ignored).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Compile Include</c> values (globs allowed).</summary>
    public ImmutableArray<string> CompileIncludes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>Compile Remove</c> values (globs allowed).</summary>
    public ImmutableArray<string> CompileRemoves { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Package references: id and version (version may be empty with central package management).</summary>
    public ImmutableArray<(string Id, string Version)> PackageReferences { get; init; } = ImmutableArray<(string, string)>.Empty;

    /// <summary>Framework references (<c>Microsoft.AspNetCore.App</c>).</summary>
    public ImmutableArray<string> FrameworkReferences { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>Reference</c> hint paths (DLLs; read as metadata only when inside the delivery).</summary>
    public ImmutableArray<string> HintPaths { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>ProjectReference</c> paths, absolute.</summary>
    public ImmutableArray<string> ProjectReferences { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>Using</c> items: namespace, alias or <see langword="null"/>, static, removed.</summary>
    public ImmutableArray<(string Namespace, string? Alias, bool Static, bool Remove)> Usings { get; init; } = ImmutableArray<(string, string?, bool, bool)>.Empty;

    /// <summary>The directory of the project file.</summary>
    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>Whether the project uses an SDK (default items: <c>**/*.cs</c>).</summary>
    public bool IsSdkStyle => Sdk is not null;

    /// <summary>Whether the project is an ASP.NET Core project (Web SDK, framework or package reference).</summary>
    public bool UsesAspNetCore =>
        (Sdk?.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ?? false)
        || (Sdk?.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase) ?? false)
        || FrameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase)
        || PackageReferences.Any(p => p.Id.StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase));

    /// <summary>A property value, or <see langword="null"/>.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The literal value.</returns>
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads a project file (or a <c>Directory.Build.props</c>) as data.</summary>
    /// <param name="path">The file.</param>
    /// <param name="inherited">Properties from enclosing <c>Directory.Build.props</c> files, overridden by the project's own.</param>
    /// <param name="error">The reason when the file cannot be read.</param>
    /// <returns>The project, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static ProjectFile? Read(string path, ImmutableDictionary<string, string>? inherited, out string? error)
    {
        XDocument document;
        try
        {
            document = LoadXml(path);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }

        error = null;
        var root = document.Root!;
        var sdk = (string?)root.Attribute("Sdk") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
        if (sdk is null && root.Elements().Any(e => e.Name.LocalName == "Import" && ((string?)e.Attribute("Sdk"))?.Length > 0))
        {
            sdk = (string?)root.Elements().First(e => e.Name.LocalName == "Import" && ((string?)e.Attribute("Sdk"))?.Length > 0).Attribute("Sdk");
        }

        var properties = (inherited ?? ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase)).ToBuilder();
        var includes = ImmutableArray.CreateBuilder<string>();
        var removes = ImmutableArray.CreateBuilder<string>();
        var packages = ImmutableArray.CreateBuilder<(string, string)>();
        var frameworks = ImmutableArray.CreateBuilder<string>();
        var hints = ImmutableArray.CreateBuilder<string>();
        var projectReferences = ImmutableArray.CreateBuilder<string>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var usings = ImmutableArray.CreateBuilder<(string, string?, bool, bool)>();
        foreach (var element in root.Descendants())
        {
            var parent = element.Parent?.Name.LocalName;
            if (parent == "PropertyGroup" && !element.HasElements)
            {
                var value = element.Value.Trim();
                if (!value.Contains("$(", StringComparison.Ordinal))
                {
                    properties[element.Name.LocalName] = value;
                }

                continue;
            }

            if (parent != "ItemGroup")
            {
                continue;
            }

            var include = ((string?)element.Attribute("Include"))?.Trim();
            var remove = ((string?)element.Attribute("Remove"))?.Trim();
            var update = ((string?)element.Attribute("Update"))?.Trim();
            switch (element.Name.LocalName)
            {
                case "Compile":
                    AddSplit(includes, include);
                    AddSplit(removes, remove);
                    break;
                case "PackageReference" when include is not null:
                    packages.Add((include, ((string?)element.Attribute("Version") ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value ?? string.Empty).Trim()));
                    break;
                case "ProjectReference" when include is not null && !include.Contains("$(", StringComparison.Ordinal):
                    projectReferences.Add(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar))));
                    break;
                case "FrameworkReference" when include is not null:
                    frameworks.Add(include);
                    break;
                case "Reference":
                    var hint = element.Elements().FirstOrDefault(e => e.Name.LocalName == "HintPath")?.Value.Trim();
                    if (!string.IsNullOrEmpty(hint) && !hint.Contains("$(", StringComparison.Ordinal))
                    {
                        hints.Add(hint);
                    }

                    break;
                case "Using":
                    var name = include ?? remove ?? update;
                    if (!string.IsNullOrEmpty(name))
                    {
                        usings.Add((name, (string?)element.Attribute("Alias"), string.Equals((string?)element.Attribute("Static"), "true", StringComparison.OrdinalIgnoreCase), include is null && remove is not null));
                    }

                    break;
            }
        }

        return new ProjectFile
        {
            FullPath = Path.GetFullPath(path),
            Name = Path.GetFileNameWithoutExtension(path),
            Sdk = sdk,
            Properties = properties.ToImmutable(),
            CompileIncludes = includes.ToImmutable(),
            CompileRemoves = removes.ToImmutable(),
            PackageReferences = packages.ToImmutable(),
            FrameworkReferences = frameworks.ToImmutable(),
            HintPaths = hints.ToImmutable(),
            ProjectReferences = projectReferences.ToImmutable(),
            Usings = usings.ToImmutable(),
        };
    }

    /// <summary>Literal properties of a <c>Directory.Build.props</c> (read as data, never imported).</summary>
    /// <param name="path">The file.</param>
    /// <param name="inherited">Properties of outer props files.</param>
    /// <returns>The merged properties; the inherited ones when the file cannot be read.</returns>
    public static ImmutableDictionary<string, string> ReadProps(string path, ImmutableDictionary<string, string> inherited) =>
        Read(path, inherited, out _)?.Properties ?? inherited;

    /// <summary>Parses XML with DTDs and external resolution off and a size cap (no entity expansion attacks).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    public static XDocument LoadXml(string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            // Not opened: an empty file has no root element, and a FIFO or device node (size 0) would block open().
            throw new XmlException("the file is empty");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 8 * 1024 * 1024,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(path, settings);
        var document = XDocument.Load(reader);
        if (document.Root is null)
        {
            throw new XmlException("the file has no root element");
        }

        return document;
    }

    private static void AddSplit(ImmutableArray<string>.Builder target, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.Contains("$(", StringComparison.Ordinal) && !part.Contains("@(", StringComparison.Ordinal))
            {
                target.Add(part);
            }
        }
    }
}
