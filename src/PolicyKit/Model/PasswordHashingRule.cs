namespace PolicyKit;

/// <summary>How stored passwords are hashed (<c>password.hashing</c>).</summary>
public sealed record PasswordHashingRule
{
    /// <summary>The password-hashing algorithm, e.g. <c>PBKDF2-HMAC-SHA256</c> or <c>Argon2id</c>.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The least work factor (iterations) accepted.</summary>
    public int? MinimumIterations { get; init; }
}
