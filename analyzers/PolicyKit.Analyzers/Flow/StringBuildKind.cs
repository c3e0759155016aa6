namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// How a string value was produced, as far as <see cref="StringOriginAnalysis"/> can see. The order matters:
/// when several values can reach one place, the highest kind wins (a built value beats a parameter, which beats
/// an opaque value, which beats a constant).
/// </summary>
internal enum StringBuildKind
{
    /// <summary>A compile-time constant, or only ever built from constants (literals, <c>const</c>, <c>nameof</c>, constant locals).</summary>
    Constant,

    /// <summary>A non-constant value that is not built here: a property, a library call's result, a field set elsewhere.</summary>
    Opaque,

    /// <summary>A parameter of the analysed method, passed on whole.</summary>
    Parameter,

    /// <summary>The <c>+</c> operator (or <c>+=</c>) with a non-constant operand.</summary>
    Concatenation,

    /// <summary>An interpolated string with a non-constant hole.</summary>
    Interpolation,

    /// <summary><c>string.Format</c> with a non-constant format or argument.</summary>
    Format,

    /// <summary><c>string.Concat</c> with a non-constant argument.</summary>
    Concat,

    /// <summary><c>string.Join</c> with a non-constant separator or element.</summary>
    Join,

    /// <summary><c>string.Replace</c>/<c>Insert</c> putting a non-constant value into a template.</summary>
    Replace,

    /// <summary>A <c>StringBuilder</c> given a non-constant value.</summary>
    StringBuilder,
}
