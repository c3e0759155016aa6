using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Values that stand in for a secret rather than being one: PK2001 stays silent on them. This is the one list
/// (docs/rules/PK2001.md prints it); a later policy key adds the adopter's own placeholders to it.
/// Real default passwords are not placeholders: <c>changeme</c>, <c>changeit</c>, <c>admin</c>, <c>password</c> and
/// <c>secret</c> are all reported, because deployments that never change them are how they get abused.
/// </summary>
internal static class CredentialPlaceholders
{
    /// <summary>Whole values (compared case-insensitively, after trimming) that are placeholders.</summary>
    public static ImmutableArray<string> ExactValues { get; } = ImmutableArray.Create(
        "todo", "tbd", "fixme", "replace_me", "replace-me", "replaceme", "placeholder", "redacted", "[redacted]",
        "<redacted>", "hidden", "masked", "null", "undefined", "none", "n/a", "your-password-here", "your_password_here",
        "yourpasswordhere", "yourpassword", "your-secret-here", "your-api-key-here", "your-token-here", "secret-goes-here",
        "insert-password-here", "enter-password-here");

    /// <summary>Pairs of opening and closing text that wrap a variable name: <c>${DB_PASSWORD}</c>, <c>%PASSWORD%</c>.</summary>
    public static ImmutableArray<(string Open, string Close)> Wrappers { get; } = ImmutableArray.Create(
        ("${", "}"), ("$(", ")"), ("#{", "}#"), ("{{", "}}"), ("{", "}"), ("<", ">"), ("%", "%"), ("[", "]"), ("__", "__"),
        ("@@", "@@"));

    /// <summary>Characters that, repeated, mask a value (<c>***</c>, <c>xxxx</c>, <c>....</c>).</summary>
    public const string MaskCharacters = "*xX.#-_?\u2022";

    private static readonly HashSet<string> Exact = new(ExactValues, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="value"/> (already trimmed, not empty) is a placeholder.</summary>
    public static bool IsPlaceholder(string value)
    {
        if (Exact.Contains(value) || IsMask(value) || IsWrapped(value) || IsVariableReference(value))
        {
            return true;
        }

        // your-password, your_api_key, YOUR-TOKEN-HERE, insert-key-here, <anything>-here
        if (value.StartsWith("your-", StringComparison.OrdinalIgnoreCase) || value.StartsWith("your_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return value.Length > 5
            && (value.EndsWith("-here", StringComparison.OrdinalIgnoreCase) || value.EndsWith("_here", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsMask(string value)
    {
        var first = value[0];
        if (MaskCharacters.IndexOf(first) < 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c != first)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWrapped(string value)
    {
        foreach (var (open, close) in Wrappers)
        {
            if (value.Length > open.Length + close.Length
                && value.StartsWith(open, StringComparison.Ordinal)
                && value.EndsWith(close, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // $DB_PASSWORD (shell), @password and :password (SQL parameters) name a value kept elsewhere; "$ecret1" does not.
    private static bool IsVariableReference(string value)
    {
        if (value.Length < 3 || (value[0] != '$' && value[0] != '@' && value[0] != ':'))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return CredentialNames.IsSinkName(value.Substring(1));
    }
}
