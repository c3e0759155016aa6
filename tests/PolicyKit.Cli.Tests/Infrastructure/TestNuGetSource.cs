using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace PolicyKit.Cli.Tests.Infrastructure;

/// <summary>
/// Keeps every review in this test run off the network: the NuGet source PolicyKit downloads from is a folder owned by
/// the run (empty unless a test writes a .nupkg into it), so packages come only from the NuGet global packages folder
/// (where this solution's own restore put EF Core, Sqlite and Identity) or from that folder.
/// </summary>
internal static class TestNuGetSource
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "policykit-tests", "nuget-source-" + Guid.NewGuid().ToString("N"));

    [ModuleInitializer]
    internal static void UseFolderSource()
    {
        Directory.CreateDirectory(Folder);
        Environment.SetEnvironmentVariable("POLICYKIT_NUGET_SOURCE", Folder);
    }

    /// <summary>Writes <c>&lt;id&gt;.&lt;version&gt;.nupkg</c> into <paramref name="folder"/> with a .nuspec and the given entries.</summary>
    public static string WritePackage(string folder, string id, string version, IEnumerable<(string Name, byte[] Content)> entries)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, id.ToLowerInvariant() + "." + version + ".nupkg");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        var nuspec = archive.CreateEntry(id + ".nuspec");
        using (var writer = new StreamWriter(nuspec.Open(), new UTF8Encoding(false)))
        {
            writer.Write($"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{id}</id><version>{version}</version><authors>test</authors><description>test</description></metadata></package>");
        }

        foreach (var (name, content) in entries)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
            using var stream = entry.Open();
            stream.Write(content);
        }

        return path;
    }
}
