namespace PolicyKit;

/// <summary>The outcome of <see cref="EncryptionRequirement.Check(string, int?)"/>.</summary>
public enum AlgorithmVerdict
{
    /// <summary>Allowed by the policy.</summary>
    Allowed,

    /// <summary>On a forbidden list.</summary>
    Forbidden,

    /// <summary>An approved list exists for its family and the algorithm is not on it.</summary>
    NotApproved,

    /// <summary>A hash weaker than <c>minimumHash</c>.</summary>
    BelowMinimumHash,

    /// <summary>The key is smaller than <c>minimumKeySizes</c> asks.</summary>
    KeyTooSmall,
}
