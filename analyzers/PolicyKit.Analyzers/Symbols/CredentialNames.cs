using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>What an identifier, configuration key or header name says it holds.</summary>
internal enum CredentialNameKind
{
    /// <summary>Not a secret: an ordinary name, or a label, prompt, length, URL … of a secret.</summary>
    None,

    /// <summary>A password, secret, token, API key or private key.</summary>
    Secret,

    /// <summary>A database connection string (secret only when it carries a password).</summary>
    ConnectionString,

    /// <summary>The HTTP <c>Authorization</c> header.</summary>
    AuthorizationHeader,
}

/// <summary>
/// Classifies names by their head noun, the last word: <c>AdminPassword</c> and <c>Jwt:Secret</c> name secrets,
/// while <c>PasswordLabel</c>, <c>PasswordRequiredLength</c> and <c>TokenEndpoint</c> name something about one.
/// Words are split at case changes and at <c>_ - : . /</c> and spaces, so identifiers, configuration keys
/// (<c>ConnectionStrings:Default</c>), environment variables (<c>DB_PASSWORD</c>) and header names (<c>X-Api-Key</c>)
/// are read alike.
/// </summary>
internal static class CredentialNames
{
    // Head nouns that name a secret value by themselves.
    private static readonly HashSet<string> SecretHeads = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "apikey",
        "credential", "credentials", "privatekey", "secretkey", "accesskey", "signingkey", "clientsecret",
    };

    // Glued lower-case words (dbpassword, jwtsecret) end with these.
    private static readonly string[] SecretSuffixes =
    {
        "password", "passwd", "secret", "apikey", "secretkey", "privatekey", "accesskey", "signingkey",
    };

    // "key" is a secret only after one of these: ApiKey, PrivateKey, Jwt:Key, SigningKey, AccountKey.
    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "private", "secret", "access", "signing", "subscription", "master", "encryption", "client", "app",
        "jwt", "auth", "security", "shared", "hmac", "consumer", "account", "storage", "sas",
    };

    // "token" words that are not secrets: CancellationToken, continuation tokens of paging, anti-forgery field values.
    private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
    {
        "cancellation", "continuation", "page", "next", "paging", "sync", "csrf", "xsrf", "antiforgery", "request",
        "verification",
    };

    /// <summary>Classifies <paramref name="name"/> by its last word or two.</summary>
    public static CredentialNameKind Classify(string? name)
    {
        if (name is null || name.Length < 3)
        {
            return name is null ? CredentialNameKind.None : ClassifyShort(name);
        }

        var words = Split(name);
        if (words.Count == 0)
        {
            return CredentialNameKind.None;
        }

        var head = TrimDigits(words[words.Count - 1]);
        var previous = words.Count > 1 ? words[words.Count - 2] : string.Empty;
        if (head == "authorization")
        {
            return CredentialNameKind.AuthorizationHeader;
        }

        if ((head == "string" || head == "strings") && (previous == "connection" || previous == "conn"))
        {
            return CredentialNameKind.ConnectionString;
        }

        if (head is "connectionstring" or "connectionstrings" or "connstr" or "connstring")
        {
            return CredentialNameKind.ConnectionString;
        }

        // ConnectionStrings:Default names a connection string whatever the entry is called.
        for (var i = 0; i + 1 < words.Count - 1; i++)
        {
            if (words[i] == "connection" && words[i + 1] == "strings")
            {
                return CredentialNameKind.ConnectionString;
            }
        }

        if (head == "token" && NonSecretTokenQualifiers.Contains(previous))
        {
            return CredentialNameKind.None;
        }

        if (SecretHeads.Contains(head) || (head == "key" && KeyQualifiers.Contains(previous)))
        {
            return CredentialNameKind.Secret;
        }

        foreach (var suffix in SecretSuffixes)
        {
            if (head.Length > suffix.Length && head.EndsWith(suffix, StringComparison.Ordinal))
            {
                return CredentialNameKind.Secret;
            }
        }

        return CredentialNameKind.None;
    }

    /// <summary>True when <paramref name="name"/> names a secret or a connection string.</summary>
    public static bool IsSinkName(string? name) => Classify(name) != CredentialNameKind.None;

    /// <summary>Letters and digits of <paramref name="text"/>, lower-cased: <c>API_KEY</c> and <c>ApiKey</c> agree.</summary>
    public static string Normalize(string text)
    {
        var buffer = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Lower-cased words of <paramref name="name"/>; trailing digits stay on their word (<c>password1</c>).</summary>
    public static List<string> Split(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, words, ref start, i);
                continue;
            }

            if (start >= 0 && char.IsUpper(c))
            {
                var before = name[i - 1];
                var lowerBefore = char.IsLower(before) || char.IsDigit(before);
                var acronymEnd = char.IsUpper(before) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (lowerBefore || acronymEnd)
                {
                    Flush(name, words, ref start, i);
                }
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(name, words, ref start, name.Length);
        return words;
    }

    private static string TrimDigits(string word)
    {
        var end = word.Length;
        while (end > 0 && char.IsDigit(word[end - 1]))
        {
            end--;
        }

        return end == word.Length ? word : word.Substring(0, end);
    }

    private static CredentialNameKind ClassifyShort(string name) =>
        string.Equals(name, "pw", StringComparison.OrdinalIgnoreCase) ? CredentialNameKind.Secret : CredentialNameKind.None;

    private static void Flush(string name, List<string> words, ref int start, int end)
    {
        if (start >= 0 && end > start)
        {
            words.Add(name.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
