using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PolicyKit.Cli.Review;

/// <summary>Tells managed assemblies apart from native images and other files by their PE headers.</summary>
internal static class ManagedAssemblyFile
{
    /// <summary>
    /// True when <paramref name="path"/> is a readable PE file with an assembly manifest. Reads the PE headers only:
    /// the assembly is never loaded for execution. Native images (e.g. System.EnterpriseServices.Thunk/Wrapper beside
    /// the .NET Framework reference assemblies), modules without a manifest and unreadable files give false.
    /// </summary>
    public static bool Is(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }
}
