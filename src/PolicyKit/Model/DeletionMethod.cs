namespace PolicyKit;

/// <summary>How data is disposed of when its retention period ends.</summary>
public enum DeletionMethod
{
    /// <summary>Erased (<c>delete</c>).</summary>
    Delete,

    /// <summary>Made anonymous so that no person can be identified (<c>anonymise</c>).</summary>
    Anonymise,

    /// <summary>Moved to an archive with restricted access (<c>archive</c>).</summary>
    Archive,
}
