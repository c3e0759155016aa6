using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// The assemblies test sources compile against: the installed .NET and ASP.NET Core reference packs, plus the real
/// EF Core, Dapper, ADO.NET provider, JWT and logging assemblies the test project restores. Resolved once, offline.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] PackagePrefixes =
    {
        "Dapper", "Microsoft.EntityFrameworkCore", "Microsoft.Data.", "System.Data.SqlClient", "Npgsql", "MySqlConnector",
        "Microsoft.IdentityModel.", "System.IdentityModel.", "Serilog", "Microsoft.AspNetCore.Identity.EntityFrameworkCore",
        "Microsoft.Extensions.Identity.", "Microsoft.Extensions.Caching.", "PolicyKit.dll",
    };

    public static ReferenceAssemblies Net { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Resolve();

    /// <summary>An empty target: legacy test sources get every assembly from <see cref="Net48"/>.</summary>
    public static ReferenceAssemblies NetFramework { get; } = new ReferenceAssemblies("net48");

    /// <summary>
    /// The .NET Framework 4.8 reference assemblies (mscorlib, System.Web, System.Data, System.Configuration …) from the
    /// Microsoft.NETFramework.ReferenceAssemblies.net48 package the test project restores without referencing.
    /// </summary>
    public static ImmutableArray<MetadataReference> Net48 { get; } = ResolveNet48();

    private static ImmutableArray<MetadataReference> ResolveNet48()
    {
        var packageRoot = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Net48ReferenceAssemblies").Value!;
        var folder = Path.Combine(packageRoot, "build", ".NETFramework", "v4.8");
        return Directory.EnumerateFiles(folder, "*.dll")
            .Concat(new[] { Path.Combine(folder, "Facades", "netstandard.dll") })
            .Where(HasMetadata) // System.EnterpriseServices.Thunk/Wrapper are native images
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> Resolve()
    {
        var bySimpleName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            foreach (var dll in Directory.EnumerateFiles(RefPackFolder(pack), "*.dll"))
            {
                bySimpleName[Path.GetFileNameWithoutExtension(dll)] = dll;
            }
        }

        foreach (var dll in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileName(dll);
            if (PackagePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                bySimpleName[Path.GetFileNameWithoutExtension(dll)] = dll;
            }
        }

        return bySimpleName.Values.OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static bool HasMetadata(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).IsAssembly;
    }

    private static string RefPackFolder(string pack)
    {
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packRoot = Path.Combine(dotnetRoot, "packs", pack);
        var version = Directory.GetDirectories(packRoot)
            .Select(Path.GetFileName)
            .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .First()!;
        var refRoot = Path.Combine(packRoot, version, "ref");
        return Directory.GetDirectories(refRoot).OrderByDescending(d => d, StringComparer.Ordinal).First();
    }
}
