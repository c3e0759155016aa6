using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Type lookup by metadata name. Call it from a compilation-start action and keep the result for the
/// compilation: the lookup walks every referenced assembly, far too slow for a per-operation callback.
/// </summary>
internal static class WellKnownTypes
{
    public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // the one place allowed to look types up by name; callers cache per compilation
        return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }
}
