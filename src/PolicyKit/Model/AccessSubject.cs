using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>Who asks to perform an operation.</summary>
public sealed record AccessSubject
{
    /// <summary>An unauthenticated caller.</summary>
    public static AccessSubject Anonymous { get; } = new();

    /// <summary>The account name; <see langword="null"/> for an anonymous caller.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the caller is authenticated.</summary>
    public bool IsAuthenticated { get; init; }

    /// <summary>Whether the account is shared by several people (not an individual account).</summary>
    public bool IsSharedAccount { get; init; }

    /// <summary>The caller's roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = Array.Empty<string>();

    /// <summary>An authenticated individual with the given roles.</summary>
    /// <param name="name">The account name.</param>
    /// <param name="roles">The roles.</param>
    /// <returns>The subject.</returns>
    public static AccessSubject User(string name, params string[] roles) => new() { Name = name, IsAuthenticated = true, Roles = roles };
}
