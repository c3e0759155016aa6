using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Type tests by namespace and name, without allocating. Framework types such as <c>System.IO.File</c> are forwarded
/// by several reference assemblies, so a symbol looked up by metadata name may not be the one a call binds to.
/// </summary>
internal static class TypeNames
{
    /// <summary>Whether <paramref name="type"/> (its original definition) is <paramref name="ns"/>.<paramref name="name"/>.</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name) =>
        type is not null && type.Name == name && InNamespace(type.ContainingNamespace, ns);

    /// <summary>Whether <paramref name="type"/> or one of its base types is <paramref name="ns"/>.<paramref name="name"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, string ns, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, ns, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> is exactly the namespace <paramref name="ns"/> (dotted).</summary>
    public static bool InNamespace(INamespaceSymbol? symbol, string ns)
    {
        var end = ns.Length;
        var current = symbol;
        while (current is { IsGlobalNamespace: false })
        {
            var start = ns.LastIndexOf('.', end - 1) + 1;
            var length = end - start;
            if (length <= 0 || current.Name.Length != length || string.CompareOrdinal(current.Name, 0, ns, start, length) != 0)
            {
                return false;
            }

            current = current.ContainingNamespace;
            end = start - 1;
            if (end < 0)
            {
                return current is null || current.IsGlobalNamespace;
            }
        }

        return false;
    }

    /// <summary>Whether the namespace of <paramref name="type"/> is <paramref name="root"/> or below it.</summary>
    public static bool UnderNamespace(ITypeSymbol type, string root)
    {
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: true } && current.Name == root)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Types whose values cannot carry an injection payload: booleans, numbers, enums, <c>Guid</c>, dates and times
    /// (and nullable forms). <c>int.Parse</c>, <c>TryParse</c> out values and model-bound ids end here.
    /// </summary>
    public static bool IsInert(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
            case SpecialType.System_Void:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        return type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "CancellationToken"
            && (InNamespace(type.ContainingNamespace, "System") || InNamespace(type.ContainingNamespace, "System.Threading"));
    }
}
