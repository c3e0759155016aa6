namespace PolicyKit;

/// <summary>Which of two values of a setting is the stricter one when profiles are composed.</summary>
internal enum Strictness
{
    /// <summary>Not composed (file metadata): the first value set is kept.</summary>
    None,

    /// <summary>The larger number wins (minimum length, key sizes, history).</summary>
    Higher,

    /// <summary>The smaller number wins (lockout threshold, timeouts, maximum age).</summary>
    Lower,

    /// <summary><c>true</c> wins (safety flags).</summary>
    TrueWins,

    /// <summary><c>false</c> wins (permissions such as sliding expiration).</summary>
    FalseWins,

    /// <summary>Lists are united (forbidden algorithms, banned passwords, audit events).</summary>
    Union,

    /// <summary>Lists are intersected (approved algorithms, anonymous allow-list).</summary>
    Intersection,

    /// <summary>Values must agree; a difference is a conflict (free text such as the hashing algorithm).</summary>
    Same,

    /// <summary>The later entry of the choices wins (TLS version, SameSite).</summary>
    Stronger,

    /// <summary>The stronger hash wins (by <see cref="AlgorithmNames.HashRank"/>).</summary>
    StrongerHash,
}
