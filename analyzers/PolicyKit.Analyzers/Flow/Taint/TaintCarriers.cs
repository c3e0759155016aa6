using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Result types through which a library call passes its inputs on: text (<c>string</c>, <c>char[]</c>,
/// <c>StringBuilder</c>, <c>StringValues</c>, <c>Uri</c>), readers and streams, collections of these, and a method's own
/// type parameter (<c>JsonSerializer.Deserialize&lt;T&gt;(body)</c>). Entities returned by a store
/// (<c>FindByNameAsync(name)</c>) are not: looking a record up by a request value does not make the record request data.
/// </summary>
internal static class TaintCarriers
{
    public static bool Carries(ITypeSymbol? type, IMethodSymbol? method)
    {
        var returnType = method?.OriginalDefinition.ReturnType;
        if (returnType is not null && Unwrap(returnType) is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method })
        {
            return true;
        }

        return IsCarrier(Unwrap(type), 0);
    }

    private static ITypeSymbol? Unwrap(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (named.Name is "Task" or "ValueTask" && TypeNames.InNamespace(named.ContainingNamespace, "System.Threading.Tasks")
                // await task.ConfigureAwait(false) yields the task's value, a shape taint engines lose (code-graph-rag PR #1360).
                || named.Name is "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable"
                    && TypeNames.InNamespace(named.ContainingNamespace, "System.Runtime.CompilerServices")))
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    private static bool IsCarrier(ITypeSymbol? type, int depth)
    {
        if (type is null || depth > 2 || TypeNames.IsInert(type))
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Char:
                return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsCarrier(array.ElementType, depth + 1);
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var ns = named.ContainingNamespace;
        if (TypeNames.InNamespace(ns, "System.Text") && named.Name == "StringBuilder"
            || TypeNames.InNamespace(ns, "System") && named.Name is "Uri" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory"
            || TypeNames.InNamespace(ns, "Microsoft.Extensions.Primitives") && named.Name == "StringValues"
            || TypeNames.InNamespace(ns, "System.IO") && (named.Name.EndsWith("Reader", System.StringComparison.Ordinal) || TypeNames.DerivesFrom(named, "System.IO", "Stream"))
            || TypeNames.InNamespace(ns, "Microsoft.AspNetCore.Http") && named.Name is "IQueryCollection" or "IFormCollection" or "IHeaderDictionary" or "IRequestCookieCollection" or "PathString" or "QueryString"
            || TypeNames.InNamespace(ns, "System.Text.Json") && named.Name is "JsonDocument" or "JsonElement"
            // An uploaded archive's entries are named by whoever built it (zip slip).
            || TypeNames.InNamespace(ns, "System.IO.Compression") && named.Name is "ZipArchive" or "ZipArchiveEntry"
            || SystemWebTaint.IsCarrier(named))
        {
            return true;
        }

        if (named.IsGenericType && (TypeNames.InNamespace(ns, "System.Collections.Generic") || TypeNames.InNamespace(ns, "System.Linq")
                                    || TypeNames.InNamespace(ns, "System.Collections.ObjectModel")))
        {
            foreach (var argument in named.TypeArguments)
            {
                if (IsCarrier(argument, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
