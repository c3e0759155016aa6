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

    /// <summary>
    /// Does not arise in the reviewed technology, as the catalog states for it (<c>notApplicable</c>), e.g. buffer
    /// overflows in managed C#; shown as 対応不要 with the catalog's reason, never as a pass.
    /// </summary>
    NotApplicable,
}
