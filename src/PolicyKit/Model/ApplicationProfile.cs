namespace PolicyKit;

/// <summary>What the application is (<c>application</c>); decides which requirements apply.</summary>
public sealed record ApplicationProfile
{
    /// <summary>Whether the application is reachable from the internet.</summary>
    public bool? InternetFacing { get; init; }

    /// <summary>Whether it handles personal data.</summary>
    public bool? HandlesPersonalData { get; init; }

    /// <summary>Whether it handles My Number (個人番号).</summary>
    public bool? HandlesMyNumber { get; init; }
}
