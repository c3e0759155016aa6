using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Names of text values that are sensitive whatever the policy's data classes say, besides the credentials of
/// <see cref="CredentialNames"/>: payment card numbers and verification codes (PCI DSS 3.3, 3.4), bank account numbers,
/// security answers, recovery, verification and authenticator codes and keys, and bearer tokens named <c>jwt</c>.
/// Personal data (e-mail, phone) is not listed: whether it may be logged is the policy's call (<c>dataClasses</c>).
/// Judged by the head word like <see cref="CredentialNames"/>: <c>CardNumber</c> is a card number, while
/// <c>CardNumberLength</c>, <c>MaskedCardNumber</c> and <c>CardLast4</c> say something about one.
/// </summary>
internal static class SensitiveDataNames
{
    private static readonly Dictionary<string, string> GluedNames = new(StringComparer.Ordinal)
    {
        ["cardnumber"] = "card number", ["creditcardnumber"] = "card number", ["creditcard"] = "card number",
        ["cardno"] = "card number", ["pan"] = "card number", ["primaryaccountnumber"] = "card number",
        ["cvc"] = "card verification code", ["cvv"] = "card verification code", ["cvc2"] = "card verification code",
        ["cvv2"] = "card verification code", ["csc"] = "card verification code",
        ["iban"] = "bank account number", ["accountnumber"] = "bank account number", ["bankaccount"] = "bank account number",
        ["securityanswer"] = "security answer", ["secretanswer"] = "security answer",
        ["recoverycode"] = "recovery code", ["recoverycodes"] = "recovery code", ["backupcode"] = "recovery code",
        ["backupcodes"] = "recovery code", ["authenticatorkey"] = "authenticator key", ["jwt"] = "token",
        ["bearer"] = "token",
    };

    // Words that make the name describe the value instead of holding it (MaskedCardNumber, EmailHash, PhoneSuffix).
    private static readonly HashSet<string> DescribingWords = new(StringComparer.Ordinal)
    {
        "masked", "mask", "redacted", "last", "last4", "suffix", "prefix", "hash", "hashed", "length", "count", "type",
        "brand", "id", "kind", "label", "format", "domain", "confirmed", "verified", "template", "pattern", "regex",
        "hint", "name", "enabled", "required", "hmac", "fingerprint", "digest",
    };

    // "…Code" is a secret after one of these: RecoveryCode, VerificationCode, TwoFactorCode, ResetCode.
    private static readonly HashSet<string> SecretCodeQualifiers = new(StringComparer.Ordinal)
    {
        "recovery", "backup", "verification", "otp", "mfa", "factor", "sms", "authenticator", "authentication",
        "confirmation", "reset", "login", "signin", "security", "totp", "access",
    };

    /// <summary>Why a text value named <paramref name="name"/> is sensitive (<c>card number</c>, <c>personal</c> …), or null.</summary>
    public static string? Reason(string name)
    {
        var words = CredentialNames.Split(name);
        if (words.Count == 0)
        {
            return null;
        }

        foreach (var word in words)
        {
            if (DescribingWords.Contains(word))
            {
                return null;
            }
        }

        var head = words[words.Count - 1];
        var previous = words.Count > 1 ? words[words.Count - 2] : string.Empty;
        if (GluedNames.TryGetValue(head, out var reason) || GluedNames.TryGetValue(previous + head, out reason))
        {
            return reason;
        }

        if (words.Count >= 3 && GluedNames.TryGetValue(words[words.Count - 3] + previous + head, out reason))
        {
            return reason;
        }

        return head switch
        {
            "number" when previous is "card" or "account" => previous == "card" ? "card number" : "bank account number",
            "card" when words.Count == 1 || previous is "credit" or "debit" or "payment" => "card number",
            "answer" when previous is "security" or "secret" or "recovery" or "challenge" => "security answer",
            "code" or "codes" when SecretCodeQualifiers.Contains(previous) => previous is "recovery" or "backup" ? "recovery code" : "one-time code",
            "key" when previous is "authenticator" or "totp" or "otp" or "recovery" => "authenticator key",
            _ => null,
        };
    }
}
