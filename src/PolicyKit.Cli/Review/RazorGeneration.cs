using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The Razor source generator that ships with the installed .NET SDK
/// (<c>sdk/&lt;version&gt;/Sdks/Microsoft.NET.Sdk.Razor/source-generators</c>), run by the review itself so that
/// <c>.cshtml</c> and <c>.razor</c> markup is analysed as the build would compile it. It is the SDK's generator, not
/// the vendor's: the delivery's own generators and analyzers are never loaded (issue 7, safe loading).
/// </summary>
internal sealed class RazorGeneration
{
    /// <summary>The folder, under the delivery's project, that generated Razor trees are named in.</summary>
    public const string GeneratedFolder = "obj/PolicyKit.Razor/";

    private static readonly object Gate = new();
    private static RazorLoadContext? s_context;

    private RazorGeneration(string sdkVersion, string generatorPath, string roslynDirectory)
    {
        SdkVersion = sdkVersion;
        GeneratorPath = generatorPath;
        RoslynDirectory = roslynDirectory;
    }

    /// <summary>The SDK version the generator comes from.</summary>
    public string SdkVersion { get; }

    /// <summary><c>Microsoft.CodeAnalysis.Razor.Compiler.dll</c>.</summary>
    public string GeneratorPath { get; }

    /// <summary>The SDK's compiler (<c>Roslyn/bincore</c>), which the generator was built against.</summary>
    public string RoslynDirectory { get; }

    /// <summary>Finds the newest SDK that has both the Razor generator and its compiler.</summary>
    /// <param name="dotnetRoot">The dotnet installation; by default the one running this process.</param>
    /// <returns>The generator, or <see langword="null"/> when no SDK provides it.</returns>
    public static RazorGeneration? Find(string? dotnetRoot = null)
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        dotnetRoot ??= Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdks = Path.Combine(dotnetRoot, "sdk");
        if (!Directory.Exists(sdks))
        {
            return null;
        }

        foreach (var sdk in Directory.EnumerateDirectories(sdks).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
        {
            var generator = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk.Razor", "source-generators", "Microsoft.CodeAnalysis.Razor.Compiler.dll");
            var roslyn = Path.Combine(sdk, "Roslyn", "bincore");
            if (File.Exists(generator) && File.Exists(Path.Combine(roslyn, "Microsoft.CodeAnalysis.CSharp.dll")))
            {
                return new RazorGeneration(Path.GetFileName(sdk), generator, roslyn);
            }
        }

        return null;
    }

    /// <summary>Whether a tree path names generated Razor output of this review.</summary>
    /// <param name="path">The tree's path.</param>
    /// <returns>True for generated Razor trees.</returns>
    public static bool IsGeneratedPath(string path) => path.Replace('\\', '/').Contains(GeneratedFolder, StringComparison.Ordinal);

    /// <summary>Generates C# for the Razor files of one project.</summary>
    /// <param name="input">The project's Razor files, C# files, references and root namespace.</param>
    /// <param name="error">Why nothing could be generated, or <see langword="null"/>.</param>
    /// <returns>Hint names and generated texts.</returns>
    public List<(string HintName, string Text)> Generate(RazorInput input, out string? error)
    {
        error = null;
        var result = new List<(string, string)>();
        string[] output;
        var self = typeof(RazorGeneratorBridge).Assembly.Location;
        if (self.Length == 0)
        {
            // A single-file build has no assembly path to load the bridge from.
            error = "the Razor generator cannot be hosted by a single-file build of policykit";
            return result;
        }

        try
        {
            var context = Context(GeneratorPath, RoslynDirectory);
            var bridge = context.LoadFromAssemblyPath(self).GetType(typeof(RazorGeneratorBridge).FullName!);
            var run = bridge?.GetMethod(nameof(RazorGeneratorBridge.Run), BindingFlags.Public | BindingFlags.Static);
            if (run is null)
            {
                error = "the Razor generator bridge could not be loaded";
                return result;
            }

            output = (string[])run.Invoke(null, [
                GeneratorPath,
                input.GlobalOptions.ToArray(),
                input.Files.Select(f => f.FullPath).ToArray(),
                input.Files.Select(f => f.Text).ToArray(),
                input.Files.Select(f => f.TargetPath).ToArray(),
                input.References.ToArray(),
                input.Sources.Select(s => s.Path).ToArray(),
                input.Sources.Select(s => s.Text).ToArray(),
            ])!;
        }
        catch (Exception e) when (e is TargetInvocationException or ArgumentException or FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException or MissingMethodException or InvalidCastException)
        {
            var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
            error = "the SDK's Razor source generator failed: " + inner.GetType().Name + ": " + inner.Message;
            return result;
        }

        var errors = new List<string>();
        for (var i = 0; i + 1 < output.Length; i += 2)
        {
            if (output[i].Length == 0)
            {
                errors.Add(output[i + 1]);
            }
            else
            {
                result.Add((output[i], output[i + 1]));
            }
        }

        if (result.Count == 0 && errors.Count > 0)
        {
            error = string.Join("; ", errors.Take(3));
        }

        return result;
    }

    private static RazorLoadContext Context(string generatorPath, string roslynDirectory)
    {
        lock (Gate)
        {
            return s_context ??= new RazorLoadContext(Path.GetDirectoryName(generatorPath)!, roslynDirectory);
        }
    }

    /// <summary>
    /// Holds the SDK's compiler, the Razor generator and a second copy of this assembly (for
    /// <see cref="RazorGeneratorBridge"/>): the generator needs a newer <c>Microsoft.CodeAnalysis</c> than the review's.
    /// </summary>
    private sealed class RazorLoadContext(string generatorDirectory, string roslynDirectory) : AssemblyLoadContext("PolicyKit.Razor")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is not { } name)
            {
                return null;
            }

            foreach (var directory in new[] { generatorDirectory, roslynDirectory })
            {
                var candidate = Path.Combine(directory, name + ".dll");
                if (File.Exists(candidate))
                {
                    return LoadFromAssemblyPath(candidate);
                }
            }

            return null;
        }
    }
}

/// <summary>What the Razor generator needs for one project.</summary>
/// <param name="GlobalOptions">The <c>build_property.*</c> options as <c>key=value</c>.</param>
/// <param name="Files">The Razor files.</param>
/// <param name="References">Metadata reference paths.</param>
/// <param name="Sources">The project's C# files.</param>
internal sealed record RazorInput(List<string> GlobalOptions, List<RazorFile> Files, List<string> References, List<(string Path, string Text)> Sources);

/// <summary>One Razor file.</summary>
/// <param name="FullPath">The absolute path (the generator's <c>#line</c> directives point here).</param>
/// <param name="TargetPath">The path relative to the project, <c>Views/Home/Index.cshtml</c>.</param>
/// <param name="Text">The markup.</param>
/// <param name="RelativePath">The path relative to the delivery root.</param>
internal sealed record RazorFile(string FullPath, string TargetPath, string Text, string RelativePath);
