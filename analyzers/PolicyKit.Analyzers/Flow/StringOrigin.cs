using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// The result of <see cref="StringOriginAnalysis"/>: how a string was built and what it was built from.
/// </summary>
internal readonly struct StringOrigin
{
    public static readonly StringOrigin Constant = new(StringBuildKind.Constant, 0, hasOpaqueInput: false, parameter: null);

    public static readonly StringOrigin Opaque = new(StringBuildKind.Opaque, 0, hasOpaqueInput: true, parameter: null);

    public StringOrigin(StringBuildKind kind, ulong parameters, bool hasOpaqueInput, IParameterSymbol? parameter)
    {
        Kind = kind;
        Parameters = parameters;
        HasOpaqueInput = hasOpaqueInput;
        Parameter = parameter;
    }

    /// <summary>How the value was built; the strongest kind among everything that can reach this place.</summary>
    public StringBuildKind Kind { get; }

    /// <summary>Bit <c>i</c> set: parameter <c>i</c> of the summarised method flows into the value (ordinals past 63 share bit 63).</summary>
    public ulong Parameters { get; }

    /// <summary>Some input is neither a constant nor a parameter of the summarised method.</summary>
    public bool HasOpaqueInput { get; }

    /// <summary>For <see cref="StringBuildKind.Parameter"/>: the parameter passed on whole.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>The value is assembled at run time from at least one non-constant piece.</summary>
    public bool IsBuilt => Kind >= StringBuildKind.Concatenation;

    public bool IsConstant => Kind == StringBuildKind.Constant;

    public static StringOrigin FromParameter(IParameterSymbol parameter, bool tracked) => new(
        StringBuildKind.Parameter,
        tracked ? BitFor(parameter.Ordinal) : 0,
        hasOpaqueInput: !tracked,
        parameter);

    public static ulong BitFor(int ordinal) => 1UL << (ordinal < 63 ? ordinal : 63);

    /// <summary>Either value can reach this place (branches, several assignments): keep the strongest kind.</summary>
    public StringOrigin Or(StringOrigin other)
    {
        var kind = other.Kind > Kind ? other.Kind : Kind;
        var parameter = Kind == StringBuildKind.Parameter ? Parameter : other.Parameter;
        return new StringOrigin(kind, Parameters | other.Parameters, HasOpaqueInput || other.HasOpaqueInput, parameter);
    }

    /// <summary>
    /// <paramref name="piece"/> is one piece of a string built as <paramref name="built"/>: constant pieces leave the
    /// whole constant, anything else makes it a built string of that kind.
    /// </summary>
    public static StringOrigin Piece(StringOrigin accumulated, StringOrigin piece, StringBuildKind built)
    {
        if (piece.IsConstant)
        {
            return accumulated;
        }

        var kind = accumulated.IsBuilt ? accumulated.Kind : built;
        return new StringOrigin(kind, accumulated.Parameters | piece.Parameters, accumulated.HasOpaqueInput || piece.HasOpaqueInput, parameter: null);
    }
}
