using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Calls that turn an object into JSON member by member: System.Text.Json's <c>JsonSerializer.Serialize*</c> and
/// Newtonsoft's <c>JsonConvert.SerializeObject</c>. Matched by name and namespace: neither library need be referenced.
/// </summary>
internal static class SerializerCalls
{
    /// <summary>True when <paramref name="method"/> writes its first argument's public members out as JSON.</summary>
    public static bool IsSerialize(IMethodSymbol method)
    {
        if (!method.IsStatic || method.ContainingType is not { } type)
        {
            return false;
        }

        return type.Name switch
        {
            "JsonSerializer" => method.Name.StartsWith("Serialize", System.StringComparison.Ordinal)
                && type.ContainingNamespace?.ToDisplayString() == "System.Text.Json",
            "JsonConvert" => method.Name == "SerializeObject" && type.ContainingNamespace?.ToDisplayString() == "Newtonsoft.Json",
            _ => false,
        };
    }
}
