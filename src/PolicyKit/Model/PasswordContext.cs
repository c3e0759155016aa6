using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>What a password must not be derived from: the user's name, email and the service's own words.</summary>
public sealed record PasswordContext
{
    /// <summary>No context.</summary>
    public static PasswordContext None { get; } = new();

    /// <summary>The user name.</summary>
    public string? UserName { get; init; }

    /// <summary>The user's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Words of the service (its name, the company name…).</summary>
    public IReadOnlyList<string> ServiceWords { get; init; } = Array.Empty<string>();
}
