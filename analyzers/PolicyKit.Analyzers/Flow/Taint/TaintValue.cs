namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// What a value may carry: request data still dangerous for <see cref="Kinds"/>, and (inside a method summary) the
/// parameters of that method it derives from, still dangerous for <see cref="ParameterKinds"/>. Bit
/// <see cref="ReceiverBit"/> stands for the receiver (<c>this</c>: fields and properties set from constructor arguments).
/// </summary>
internal readonly struct TaintValue
{
    /// <summary>The bit index that stands for the receiver of an instance method.</summary>
    public const int ReceiverBit = 63;

    public TaintValue(SinkKind kinds, TaintOrigin? origin, ulong parameters, SinkKind parameterKinds)
    {
        Kinds = kinds;
        Origin = kinds == SinkKind.None ? null : origin;
        Parameters = parameterKinds == SinkKind.None ? 0 : parameters;
        ParameterKinds = Parameters == 0 ? SinkKind.None : parameterKinds;
    }

    public static TaintValue Clean => default;

    /// <summary>Sink kinds for which the value carries request data.</summary>
    public SinkKind Kinds { get; }

    /// <summary>The first source found, for the message and the additional location.</summary>
    public TaintOrigin? Origin { get; }

    /// <summary>Bit i: derives from parameter i of the summarised method; bit 63: from the receiver.</summary>
    public ulong Parameters { get; }

    /// <summary>Sink kinds for which the parameter-derived part is still dangerous.</summary>
    public SinkKind ParameterKinds { get; }

    public bool IsClean => Kinds == SinkKind.None && Parameters == 0;

    public static TaintValue Source(TaintOrigin origin, SinkKind kinds) => new(kinds, origin, 0, SinkKind.None);

    public static TaintValue FromBit(int bit) => new(SinkKind.None, null, Bit(bit), SinkKind.All);

    public static TaintValue FromParameter(int ordinal) => FromBit(ParameterPosition(ordinal));

    /// <summary>The bit for parameter <paramref name="ordinal"/> (ordinals past 62 share bit 62), or for <see cref="ReceiverBit"/>.</summary>
    public static ulong Bit(int ordinal) => ordinal switch
    {
        < 0 => 0,
        ReceiverBit => 1UL << ReceiverBit,
        > 62 => 1UL << 62,
        _ => 1UL << ordinal,
    };

    /// <summary>The bit position of parameter <paramref name="ordinal"/>: ordinals past 62 share position 62.</summary>
    public static int ParameterPosition(int ordinal) => ordinal > 62 ? 62 : ordinal;

    public TaintValue Or(TaintValue other)
    {
        if (other.IsClean)
        {
            return this;
        }

        if (IsClean)
        {
            return other;
        }

        return new TaintValue(Kinds | other.Kinds, Origin ?? other.Origin, Parameters | other.Parameters, ParameterKinds | other.ParameterKinds);
    }

    /// <summary>The value after a sanitizer that neutralises <paramref name="kinds"/>.</summary>
    public TaintValue Without(SinkKind kinds) => new(Kinds & ~kinds, Origin, Parameters, ParameterKinds & ~kinds);

    /// <summary>Keeps only <paramref name="kinds"/> (a callee's summary says which kinds survive it).</summary>
    public TaintValue Restrict(SinkKind kinds) => new(Kinds & kinds, Origin, Parameters, ParameterKinds & kinds);
}
