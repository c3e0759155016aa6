using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>Recognises <c>System.Text.Encoding</c> and its subclasses (<c>Encoding.UTF8.GetBytes("…")</c> turns a literal into key or secret bytes).</summary>
internal static class TextEncodingType
{
    public static bool Is(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Encoding" && current.ContainingNamespace is { Name: "Text", ContainingNamespace.Name: "System" })
            {
                return true;
            }
        }

        return false;
    }
}
