using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>What an identifier says about the value it holds.</summary>
internal enum SecurityNameKind
{
    /// <summary>Nothing either way (<c>result</c>, <c>chars</c>, <c>sb</c>).</summary>
    Neutral,

    /// <summary>A secret or unguessable value: token, password, OTP, verification code, salt, key, nonce …</summary>
    SecurityValue,

    /// <summary>Clearly not a secret: delay, jitter, colour, sample, shuffle, test data, a length or count.</summary>
    Benign,
}

/// <summary>
/// Classifies identifiers by the words they are made of (<c>resetCode</c> → reset + code,
/// <c>SMSCode</c> → sms + code). Called only after a rule has found a candidate, never per operation.
/// </summary>
internal static class SecurityNames
{
    // Words that name an unguessable value on their own (ASVS 5.0 11.5.1: "all random numbers and strings intended
    // to be non-guessable"; MN-15 and A.11.2.3: reset and initial passwords).
    private static readonly HashSet<string> AlwaysSecret = new(StringComparer.Ordinal)
    {
        "token", "password", "passwd", "pwd", "passphrase", "passcode", "otp", "totp", "hotp", "secret", "salt",
        "nonce", "csrf", "xsrf", "antiforgery", "apikey", "credential", "verifier", "iv", "pin", "sessionid",

        // Values worth money or access by themselves (a voucher, a captcha answer, a prize draw).
        "voucher", "captcha", "lottery", "raffle", "jackpot",
    };

    // "code", "key" and "id" are secrets only with a qualifier (resetCode, apiKey, sessionId) or alone
    // (code, key); statusCode, cacheKey and requestId are not.
    private static readonly HashSet<string> CodeQualifiers = new(StringComparer.Ordinal)
    {
        "verification", "verify", "reset", "confirmation", "confirm", "otp", "auth", "authentication", "factor",
        "mfa", "tfa", "sms", "email", "activation", "security", "access", "login", "signin", "pin", "recovery",
        "invite", "invitation", "magic", "unlock", "one", "time", "secret", "passcode",
        "voucher", "gift", "device", "redeem", "redemption", "unsubscribe",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "secret", "encryption", "encrypt", "signing", "sign", "aes", "hmac", "private", "crypto", "session",
        "access", "master", "symmetric", "auth", "jwt", "mac", "cipher", "license", "activation",
        "cookie", "protection", "wrap", "wrapping", "recovery",
    };

    private static readonly HashSet<string> IdQualifiers = new(StringComparer.Ordinal) { "session" };

    // A gift card, a share/magic/reset link and an OAuth state are unguessable only with their qualifier; a bare
    // state is the OAuth/OIDC parameter (RFC 6749 10.12), a bare card or link is not a secret.
    private static readonly HashSet<string> CardQualifiers = new(StringComparer.Ordinal) { "gift", "prepaid" };

    private static readonly HashSet<string> LinkQualifiers = new(StringComparer.Ordinal)
    {
        "share", "sharing", "magic", "invite", "invitation", "reset", "signin", "login", "unsubscribe", "access",
        "private", "secret",
    };

    private static readonly HashSet<string> StateQualifiers = new(StringComparer.Ordinal)
    {
        "oauth", "oidc", "auth", "authorization", "login", "signin", "sso",
    };

    // Trailing words of a type that makes or holds values (PasswordResetTokens, ApiKeyGenerator, TokenService).
    private static readonly HashSet<string> HolderSuffixes = new(StringComparer.Ordinal)
    {
        "service", "generator", "factory", "provider", "issuer", "helper", "manager", "store", "util", "utils",
        "utility", "utilities", "builder", "creator", "maker", "source",
    };

    // Head words for which a type's name says what every value it produces is.
    private static readonly HashSet<string> HolderHeads = new(StringComparer.Ordinal)
    {
        "token", "password", "passwd", "pwd", "passphrase", "passcode", "otp", "totp", "hotp", "secret", "salt",
        "nonce", "key", "code", "pin", "card", "voucher", "credential", "iv", "csrf", "xsrf", "captcha", "link",
    };

    // Words that add nothing: verbs of generator methods, container words, articles.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "get", "generate", "create", "new", "make", "build", "issue", "next", "random", "rand", "generated", "my",
        "the", "a", "bytes", "byte", "data", "material", "buffer", "value", "string", "str", "text", "hex", "base",
        "raw", "plain", "temp", "temporary", "initial", "default", "user", "async", "for", "to", "of", "with",
    };

    // Words that mark a non-secret use of randomness (games, retry jitter, sampling, test data) or a number
    // describing a secret rather than the secret itself (saltLength, tokenExpiryMinutes).
    private static readonly HashSet<string> BenignWords = new(StringComparer.Ordinal)
    {
        "delay", "jitter", "backoff", "retry", "wait", "sleep", "color", "colour", "shuffle",
        "shuffled", "sample", "sampling", "dice", "roll", "game", "score", "weight", "chance", "probability",
        "percent", "percentage", "noise", "test", "fake", "dummy", "mock", "stub", "seed", "offset", "position",
        "angle", "speed", "length", "len", "size", "count", "expiry", "expiration", "expires", "lifetime", "ttl",
        "timeout", "minutes", "seconds", "ms", "duration", "interval", "port", "cancellation", "type", "name",
        "format", "prefix", "suffix", "alphabet", "charset", "hash", "hashed", "hasher",
        "label", "caption", "title",
    };

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "passcode", "secret",
    };

    /// <summary>Whether the identifier names a password-like input (password, pwd, passphrase, secret).</summary>
    public static bool IsPasswordLike(string identifier)
    {
        foreach (var word in Words(identifier))
        {
            if (PasswordWords.Contains(Singular(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Classifies an identifier. <paramref name="bareKeyIsSecret"/> is false for parameters, where <c>key</c>
    /// alone is usually a dictionary or cache key.
    /// </summary>
    public static SecurityNameKind Classify(string identifier, bool bareKeyIsSecret = true) =>
        Classify(Words(identifier), bareKeyIsSecret);

    private static SecurityNameKind Classify(List<string> words, bool bareKeyIsSecret)
    {
        if (words.Count == 0)
        {
            return SecurityNameKind.Neutral;
        }

        foreach (var word in words)
        {
            if (BenignWords.Contains(word))
            {
                return SecurityNameKind.Benign;
            }

            // An index says nothing by itself: picking a character of a password and picking a quote of the day
            // both use one, so the caller decides from the enclosing method (GeneratePassword vs. QuoteOfTheDay).
            if (word is "index" or "idx")
            {
                return SecurityNameKind.Neutral;
            }
        }

        var secret = false;
        for (var i = 0; i < words.Count && !secret; i++)
        {
            var word = Singular(words[i]);
            secret = AlwaysSecret.Contains(word)
                || (word == "code" && Qualified(words, i, CodeQualifiers, bareIsSecret: true))
                || (word == "key" && Qualified(words, i, KeyQualifiers, bareKeyIsSecret))
                || (word == "id" && Qualified(words, i, IdQualifiers, bareIsSecret: false))
                || (word == "card" && Qualified(words, i, CardQualifiers, bareIsSecret: false))
                || (word is "link" or "url" && Qualified(words, i, LinkQualifiers, bareIsSecret: false))
                || (word == "state" && Qualified(words, i, StateQualifiers, bareIsSecret: true));
        }

        return secret ? SecurityNameKind.SecurityValue : SecurityNameKind.Neutral;
    }

    /// <summary>Splits <c>SMSResetCode_v2</c> into <c>sms</c>, <c>reset</c>, <c>code</c>, <c>v</c>.</summary>
    public static List<string> Words(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var boundary = i == identifier.Length || !char.IsLetter(identifier[i]);
            if (!boundary && start >= 0 && char.IsUpper(identifier[i]))
            {
                var previousLower = char.IsLower(identifier[i - 1]);
                var acronymEnd = char.IsUpper(identifier[i - 1]) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
                boundary = previousLower || acronymEnd;
                if (boundary)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = i;
                    continue;
                }
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    private static bool Qualified(List<string> words, int at, HashSet<string> qualifiers, bool bareIsSecret)
    {
        var onlyFiller = true;
        for (var j = 0; j < words.Count; j++)
        {
            if (j == at)
            {
                continue;
            }

            var word = Singular(words[j]);
            if (qualifiers.Contains(word) || AlwaysSecret.Contains(word))
            {
                return true;
            }

            onlyFiller &= Filler.Contains(word);
        }

        return bareIsSecret && onlyFiller;
    }

    private static string Singular(string word) =>
        word.Length > 3 && word[word.Length - 1] == 's' && word[word.Length - 2] != 's' ? word.Substring(0, word.Length - 1) : word;

    /// <summary>
    /// Whether a type's name says every value it produces is a secret: its head word, after suffixes such as
    /// <c>Service</c> or <c>Generator</c>, names one (<c>PasswordResetTokens</c>, <c>ApiKeys</c>, <c>GiftCards</c>,
    /// <c>TokenService</c>), never a word before it (<c>NonSecretRandomness</c>, <c>TokenBucketLimiter</c>).
    /// </summary>
    public static bool NamesSecretHolder(string typeName)
    {
        var words = Words(typeName);
        var end = words.Count;
        while (end > 1 && HolderSuffixes.Contains(Singular(words[end - 1])))
        {
            end--;
        }

        if (end == 0 || !HolderHeads.Contains(Singular(words[end - 1])))
        {
            return false;
        }

        return Classify(words.GetRange(0, end), bareKeyIsSecret: true) == SecurityNameKind.SecurityValue;
    }
}
