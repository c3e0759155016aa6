using System;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Decides whether a constant text is a real secret: not empty, not a placeholder, not a label or sentence, not the
/// name of a configuration key or environment variable, not the sink's own name (<c>Password = "Password"</c>).
/// </summary>
internal static class CredentialValues
{
    /// <summary>Marks a non-constant part (an interpolation hole) inside otherwise constant text.</summary>
    public const char Hole = '\u0001';

    private static readonly string[] AuthorizationSchemes = { "Basic ", "Bearer ", "Token ", "Digest ", "ApiKey ", "SharedAccessSignature " };

    /// <summary>True when <paramref name="value"/>, written for <paramref name="sinkName"/>, is a real secret.</summary>
    public static bool IsSecret(string value, string? sinkName)
    {
        var text = value.Trim();
        if (text.Length == 0 || text.IndexOf(Hole) >= 0 || CredentialPlaceholders.IsPlaceholder(text))
        {
            return false;
        }

        // A value with spaces is a label, prompt or message ("Enter your password"), not a secret. Trade-off: a
        // pass-phrase with spaces is missed; labels far outnumber such phrases in real code.
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        if (sinkName is not null && CredentialNames.Normalize(text) == CredentialNames.Normalize(sinkName))
        {
            return false;
        }

        return !IsKeyName(text);
    }

    /// <summary>An <c>Authorization</c> header value: the scheme is dropped and the credential judged as a secret.</summary>
    public static bool IsAuthorizationSecret(string value)
    {
        var text = value.Trim();
        foreach (var scheme in AuthorizationSchemes)
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return IsSecret(text.Substring(scheme.Length), null);
            }
        }

        return IsSecret(text, null);
    }

    /// <summary>
    /// True when a connection string carries a real password or account key (<c>Password=</c>, <c>Pwd=</c>,
    /// <c>AccountKey=</c>, <c>SharedAccessKey=</c>); <c>Password=;</c>, <c>Password={0}</c>, <c>Pwd=@pwd</c> and
    /// holes left by interpolation are not.
    /// </summary>
    public static bool HasConnectionStringSecret(string connectionString)
    {
        var start = 0;
        while (start < connectionString.Length)
        {
            var end = connectionString.IndexOf(';', start);
            if (end < 0)
            {
                end = connectionString.Length;
            }

            var equals = connectionString.IndexOf('=', start);
            if (equals > start && equals < end)
            {
                var key = CredentialNames.Normalize(connectionString.Substring(start, equals - start));
                if (IsConnectionStringSecretKey(key))
                {
                    var secret = connectionString.Substring(equals + 1, end - equals - 1).Trim().Trim('\'', '"');
                    if (secret.Length > 0 && secret.IndexOf(Hole) < 0 && !CredentialPlaceholders.IsPlaceholder(secret)
                        && !IsFormatItem(secret))
                    {
                        return true;
                    }
                }
            }

            start = end + 1;
        }

        return false;
    }

    private static bool IsConnectionStringSecretKey(string key) =>
        key is "password" or "pwd" or "accountkey" or "sharedaccesskey"
        || (key.Length > 8 && key.EndsWith("password", StringComparison.Ordinal));

    private static bool IsFormatItem(string text) => text.Length >= 3 && text[0] == '{' && text[text.Length - 1] == '}';

    // "Jwt:Secret", "Errors.Password" and "DB_PASSWORD" name a configuration entry, resource or environment variable
    // that holds the secret. Lower-case "my-secret-key" is left a secret: that shape is a typical demo JWT key.
    private static bool IsKeyName(string text)
    {
        var path = false;
        var lower = false;
        foreach (var c in text)
        {
            if (c is ':' or '.')
            {
                path = true;
            }
            else if (char.IsLower(c))
            {
                lower = true;
            }
            else if (!char.IsLetter(c) && c != '_' && c != '-' && c != '/')
            {
                return false;
            }
        }

        var environmentVariable = !lower && text.IndexOf('_') > 0;
        return (path || environmentVariable) && CredentialNames.IsSinkName(text);
    }
}
