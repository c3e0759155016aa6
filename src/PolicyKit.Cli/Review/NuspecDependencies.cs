using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;

namespace PolicyKit.Cli.Review;

/// <summary>The dependencies a package's .nuspec declares for one target framework, read as XML data (DTDs prohibited).</summary>
internal static class NuspecDependencies
{
    /// <summary>Reads the dependency group of <paramref name="framework"/> from the .nuspec in <paramref name="packageFolder"/>.</summary>
    /// <param name="packageFolder">The package's folder.</param>
    /// <param name="framework">The consuming project's framework.</param>
    /// <param name="error">Why the .nuspec could not be read, or <see langword="null"/>.</param>
    /// <returns>Id and version range text of each dependency; empty when there are none or the .nuspec is unreadable.</returns>
    public static List<(string Id, string Range)> Read(string packageFolder, TargetFrameworkMoniker framework, out string? error)
    {
        error = null;
        var result = new List<(string, string)>();
        var nuspec = Directory.Exists(packageFolder) ? Directory.EnumerateFiles(packageFolder, "*.nuspec").FirstOrDefault() : null;
        if (nuspec is null)
        {
            return result;
        }

        System.Xml.Linq.XElement? dependencies;
        try
        {
            dependencies = ProjectFile.LoadXml(nuspec).Root!.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return result;
        }

        if (dependencies is null)
        {
            return result;
        }

        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group").ToList();
        var chosen = dependencies;
        if (groups.Count > 0)
        {
            // The nearest framework-specific group, else the group that names no framework, else nothing.
            var (found, group) = framework.Nearest(groups.Select(g => ((string?)g.Attribute("targetFramework") ?? string.Empty, g)));
            chosen = found ? group : groups.FirstOrDefault(g => string.IsNullOrEmpty((string?)g.Attribute("targetFramework")));
            if (chosen is null)
            {
                return result;
            }
        }

        foreach (var dependency in chosen.Elements().Where(e => e.Name.LocalName == "dependency"))
        {
            var id = ((string?)dependency.Attribute("id"))?.Trim();
            if (!string.IsNullOrEmpty(id))
            {
                result.Add((id, ((string?)dependency.Attribute("version"))?.Trim() ?? "0.0.0"));
            }
        }

        return result;
    }
}
