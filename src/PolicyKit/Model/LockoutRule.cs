namespace PolicyKit;

/// <summary>Account lockout after repeated failed sign-ins (<c>password.lockout</c>).</summary>
public sealed record LockoutRule
{
    /// <summary>Failed attempts that lock the account; <see langword="null"/> when undecided.</summary>
    public int? Threshold { get; init; }

    /// <summary>How long the lockout lasts, in minutes; <see langword="null"/> when undecided.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Whether <paramref name="failedAttempts"/> consecutive failures lock the account under this rule.</summary>
    /// <param name="failedAttempts">Consecutive failed attempts so far.</param>
    /// <returns>False when no threshold is set.</returns>
    public bool IsLockedOut(int failedAttempts) => Threshold is int threshold && failedAttempts >= threshold;
}
