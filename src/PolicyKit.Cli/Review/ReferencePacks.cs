using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The reference assemblies of the installed .NET SDK: <c>&lt;dotnet&gt;/packs/Microsoft.NETCore.App.Ref</c> and
/// <c>Microsoft.AspNetCore.App.Ref</c> (newest version), found from the running runtime's location. When the packs are
/// absent (a runtime-only machine), the runtime's own assemblies serve as metadata.
/// </summary>
internal sealed class ReferencePacks
{
    private ReferencePacks(IReadOnlyList<string> core, IReadOnlyList<string> aspNetCore, string description)
    {
        Core = core;
        AspNetCore = aspNetCore;
        Description = description;
    }

    /// <summary>Paths of the base class library reference assemblies.</summary>
    public IReadOnlyList<string> Core { get; }

    /// <summary>Paths of the ASP.NET Core reference assemblies (empty when not installed).</summary>
    public IReadOnlyList<string> AspNetCore { get; }

    /// <summary>What was found, for the report header (e.g. <c>Microsoft.NETCore.App.Ref 10.0.12 (net10.0)</c>).</summary>
    public string Description { get; }

    /// <summary>Finds the packs of the dotnet installation running this process.</summary>
    /// <returns>The packs.</returns>
    public static ReferencePacks Find()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var core = PackAssemblies(root, "Microsoft.NETCore.App.Ref", out var coreName);
        var asp = PackAssemblies(root, "Microsoft.AspNetCore.App.Ref", out var aspName);
        if (core.Count == 0)
        {
            core = Dlls(runtimeDirectory);
            coreName = "runtime " + Path.GetFileName(runtimeDirectory);
            var aspRuntime = Path.Combine(root, "shared", "Microsoft.AspNetCore.App", Path.GetFileName(runtimeDirectory));
            if (asp.Count == 0 && Directory.Exists(aspRuntime))
            {
                asp = Dlls(aspRuntime);
                aspName = "ASP.NET Core runtime " + Path.GetFileName(aspRuntime);
            }
        }

        return new ReferencePacks(core, asp, (coreName ?? "none") + (aspName is null ? string.Empty : ", " + aspName));
    }

    private static List<string> PackAssemblies(string root, string pack, out string? name)
    {
        name = null;
        var packDirectory = Path.Combine(root, "packs", pack);
        if (!Directory.Exists(packDirectory))
        {
            return new List<string>();
        }

        Version? best = null;
        string? bestDirectory = null;
        foreach (var directory in Directory.GetDirectories(packDirectory))
        {
            var text = Path.GetFileName(directory);
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            if (Version.TryParse(dash < 0 ? text : text[..dash], out var version) && (best is null || version > best))
            {
                best = version;
                bestDirectory = directory;
            }
        }

        if (bestDirectory is null || !Directory.Exists(Path.Combine(bestDirectory, "ref")))
        {
            return new List<string>();
        }

        var frameworks = Directory.GetDirectories(Path.Combine(bestDirectory, "ref"));
        Array.Sort(frameworks, StringComparer.Ordinal);
        if (frameworks.Length == 0)
        {
            return new List<string>();
        }

        var chosen = frameworks[^1];
        name = pack + " " + Path.GetFileName(bestDirectory) + " (" + Path.GetFileName(chosen) + ")";
        return Dlls(chosen);
    }

    private static List<string> Dlls(string directory)
    {
        var list = new List<string>(Directory.GetFiles(directory, "*.dll"));
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
