namespace PolicyKit;

/// <summary>Flags the session cookie must carry (<c>session.cookie</c>).</summary>
public sealed record CookieRule
{
    /// <summary>Whether the cookie must be <c>Secure</c>.</summary>
    public bool? Secure { get; init; }

    /// <summary>Whether the cookie must be <c>HttpOnly</c>.</summary>
    public bool? HttpOnly { get; init; }

    /// <summary>The weakest SameSite mode accepted.</summary>
    public CookieSameSite? SameSite { get; init; }
}
