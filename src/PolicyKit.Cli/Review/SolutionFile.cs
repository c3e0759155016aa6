using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;

namespace PolicyKit.Cli.Review;

/// <summary>Reads the C# project paths named by a <c>.sln</c> (text) or <c>.slnx</c> (XML) file, as data.</summary>
internal static partial class SolutionFile
{
    /// <summary>The absolute paths of the <c>.csproj</c> files the solution names (existing or not).</summary>
    /// <param name="path">The solution file.</param>
    /// <returns>The project paths.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="XmlException">A <c>.slnx</c> is not well-formed.</exception>
    public static List<string> ProjectPaths(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var result = new List<string>();
        if (new FileInfo(path).Length == 0)
        {
            return result;   // not opened: a FIFO named .sln would block open()
        }

        if (path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var element in ProjectFile.LoadXml(path).Descendants())
            {
                if (element.Name.LocalName == "Project" && (string?)element.Attribute("Path") is { } relative)
                {
                    Add(result, directory, relative);
                }
            }

            return result;
        }

        foreach (var line in File.ReadLines(path))
        {
            var match = ProjectLine().Match(line);
            if (match.Success)
            {
                Add(result, directory, match.Groups[1].Value);
            }
        }

        return result;
    }

    private static void Add(List<string> result, string directory, string relative)
    {
        if (relative.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            result.Add(Path.GetFullPath(Path.Combine(directory, relative.Replace('\\', Path.DirectorySeparatorChar))));
        }
    }

    // Project("{type-guid}") = "Name", "relative\path.csproj", "{project-guid}"
    [GeneratedRegex("^Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProjectLine();
}
