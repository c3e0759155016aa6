namespace PolicyKit;

/// <summary>The SameSite attribute a session cookie must have at least (<c>Strict</c> is strictest).</summary>
public enum CookieSameSite
{
    /// <summary><c>SameSite=None</c>.</summary>
    None = 0,

    /// <summary><c>SameSite=Lax</c>.</summary>
    Lax = 1,

    /// <summary><c>SameSite=Strict</c>.</summary>
    Strict = 2,
}
