namespace PolicyKit;

/// <summary>How far a source review can check a control.</summary>
public enum Checkability
{
    /// <summary>Fully checked by rules (<c>automatic</c>).</summary>
    Automatic,

    /// <summary>Partly checked; the rest needs a person (<c>partial</c>).</summary>
    Partial,

    /// <summary>Not visible in source (<c>manual</c>).</summary>
    Manual,
}
