namespace PolicyKit;

/// <summary>Session rules (<c>session</c>): timeouts, renewal at sign-in, cookie flags.</summary>
public sealed record SessionPolicy
{
    /// <summary>Minutes of inactivity after which a session ends.</summary>
    public int? IdleTimeoutMinutes { get; init; }

    /// <summary>Minutes after sign-in after which a session ends regardless of activity.</summary>
    public int? AbsoluteTimeoutMinutes { get; init; }

    /// <summary>Whether the session identifier is renewed at sign-in (against fixation).</summary>
    public bool? RenewOnLogin { get; init; }

    /// <summary>Whether sliding expiration is allowed (only with an absolute cap).</summary>
    public bool? SlidingExpirationAllowed { get; init; }

    /// <summary>Cookie flags.</summary>
    public CookieRule Cookie { get; init; } = new();
}
