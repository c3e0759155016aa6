using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Safe reads of attribute arguments. <see cref="TypedConstant.Value"/> throws when the constant is an array
/// (<c>[AcceptVerbs("GET", "POST")]</c>, <c>[Consumes("application/json", "text/json")]</c>, a <c>params</c> argument), so
/// every scalar read of an attribute argument goes through <see cref="ValueOrNull"/>.
/// </summary>
internal static class TypedConstants
{
    /// <summary>The constant's value, or null for an array (read those through <see cref="TypedConstant.Values"/>) or an error.</summary>
    public static object? ValueOrNull(this TypedConstant constant) =>
        constant.Kind is TypedConstantKind.Array or TypedConstantKind.Error ? null : constant.Value;
}
