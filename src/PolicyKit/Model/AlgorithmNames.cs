using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>
/// Canonical algorithm names, so that <c>SHA1</c>, <c>SHA-1</c>, <c>sha1</c> and <c>SHA1Managed</c> are one
/// algorithm, <c>TripleDES</c> is <c>3DES</c>, and <c>ECDsa</c>, <c>ECDH</c> and <c>EC</c> share the key-size rule of <c>EC</c>.
/// </summary>
public static class AlgorithmNames
{
    private static readonly string[] TypeSuffixes = { "CRYPTOSERVICEPROVIDER", "MANAGED", "CNG", "OPENSSL" };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["MD5"] = "MD5", ["MD4"] = "MD4", ["MD2"] = "MD2",
        ["SHA"] = "SHA-1", ["SHA1"] = "SHA-1", ["SHA0"] = "SHA-0",
        ["SHA224"] = "SHA-224", ["SHA256"] = "SHA-256", ["SHA384"] = "SHA-384", ["SHA512"] = "SHA-512",
        ["SHA2224"] = "SHA-224", ["SHA2256"] = "SHA-256", ["SHA2384"] = "SHA-384", ["SHA2512"] = "SHA-512",
        ["SHA3256"] = "SHA3-256", ["SHA3384"] = "SHA3-384", ["SHA3512"] = "SHA3-512",
        ["RIPEMD160"] = "RIPEMD-160",
        ["AES"] = "AES", ["AES128"] = "AES", ["AES192"] = "AES", ["AES256"] = "AES", ["RIJNDAEL"] = "AES",
        ["DES"] = "DES", ["3DES"] = "3DES", ["TRIPLEDES"] = "3DES", ["DESEDE"] = "3DES", ["TDEA"] = "3DES", ["TDES"] = "3DES", ["DES3"] = "3DES",
        ["RC2"] = "RC2", ["RC4"] = "RC4", ["ARCFOUR"] = "RC4", ["ARC4"] = "RC4",
        ["BLOWFISH"] = "Blowfish", ["CHACHA20"] = "ChaCha20", ["CHACHA20POLY1305"] = "ChaCha20",
        ["ECB"] = "ECB", ["CBC"] = "CBC", ["CFB"] = "CFB", ["OFB"] = "OFB", ["CTS"] = "CTS", ["CTR"] = "CTR", ["GCM"] = "GCM", ["CCM"] = "CCM",
        ["AESGCM"] = "GCM", ["AESCCM"] = "CCM",
        ["RSA"] = "RSA", ["DSA"] = "DSA",
        ["EC"] = "EC", ["ECC"] = "EC", ["ECDSA"] = "EC", ["ECDH"] = "EC", ["ECDIFFIEHELLMAN"] = "EC",
        ["DH"] = "DH", ["DIFFIEHELLMAN"] = "DH",
    };

    private static readonly Dictionary<string, AlgorithmFamily> Families = new(StringComparer.Ordinal)
    {
        ["MD2"] = AlgorithmFamily.Hash, ["MD4"] = AlgorithmFamily.Hash, ["MD5"] = AlgorithmFamily.Hash,
        ["SHA-0"] = AlgorithmFamily.Hash, ["SHA-1"] = AlgorithmFamily.Hash, ["SHA-224"] = AlgorithmFamily.Hash,
        ["SHA-256"] = AlgorithmFamily.Hash, ["SHA-384"] = AlgorithmFamily.Hash, ["SHA-512"] = AlgorithmFamily.Hash,
        ["SHA3-256"] = AlgorithmFamily.Hash, ["SHA3-384"] = AlgorithmFamily.Hash, ["SHA3-512"] = AlgorithmFamily.Hash,
        ["RIPEMD-160"] = AlgorithmFamily.Hash,
        ["AES"] = AlgorithmFamily.Cipher, ["DES"] = AlgorithmFamily.Cipher, ["3DES"] = AlgorithmFamily.Cipher,
        ["RC2"] = AlgorithmFamily.Cipher, ["RC4"] = AlgorithmFamily.Cipher, ["Blowfish"] = AlgorithmFamily.Cipher, ["ChaCha20"] = AlgorithmFamily.Cipher,
        ["ECB"] = AlgorithmFamily.Mode, ["CBC"] = AlgorithmFamily.Mode, ["CFB"] = AlgorithmFamily.Mode, ["OFB"] = AlgorithmFamily.Mode,
        ["CTS"] = AlgorithmFamily.Mode, ["CTR"] = AlgorithmFamily.Mode, ["GCM"] = AlgorithmFamily.Mode, ["CCM"] = AlgorithmFamily.Mode,
        ["RSA"] = AlgorithmFamily.Asymmetric, ["DSA"] = AlgorithmFamily.Asymmetric, ["EC"] = AlgorithmFamily.Asymmetric, ["DH"] = AlgorithmFamily.Asymmetric,
    };

    private static readonly Dictionary<string, int> HashStrength = new(StringComparer.Ordinal)
    {
        ["MD2"] = 0, ["MD4"] = 0, ["MD5"] = 0, ["SHA-0"] = 0, ["RIPEMD-160"] = 1, ["SHA-1"] = 1,
        ["SHA-224"] = 2, ["SHA-256"] = 3, ["SHA3-256"] = 3, ["SHA-384"] = 4, ["SHA3-384"] = 4, ["SHA-512"] = 5, ["SHA3-512"] = 5,
    };

    /// <summary>
    /// The canonical name of an algorithm (<c>SHA-1</c>, <c>3DES</c>, <c>AES</c>, <c>EC</c>, <c>ECB</c>…); names it does
    /// not know come back upper-cased and trimmed. .NET type names (<c>SHA1Managed</c>, <c>TripleDESCryptoServiceProvider</c>,
    /// <c>RSACng</c>); HMAC names are left as they are, since an HMAC over SHA-1 is not a bare SHA-1 are recognised.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <returns>The canonical name.</returns>
    public static string Normalize(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var key = Squash(name);
        if (Aliases.TryGetValue(key, out var canonical))
        {
            return canonical;
        }

        foreach (var suffix in TypeSuffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal)
                && Aliases.TryGetValue(key.Substring(0, key.Length - suffix.Length), out canonical))
            {
                return canonical;
            }
        }

        return name.Trim().ToUpperInvariant();
    }

    /// <summary>The family of an algorithm name (normalised first).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The family, or <see cref="AlgorithmFamily.Unknown"/>.</returns>
    public static AlgorithmFamily FamilyOf(string name) =>
        Families.TryGetValue(Normalize(name), out var family) ? family : AlgorithmFamily.Unknown;

    /// <summary>Whether two names denote the same algorithm.</summary>
    /// <param name="a">A name.</param>
    /// <param name="b">Another name.</param>
    /// <returns>True when their canonical names are equal.</returns>
    public static bool AreSame(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A rank of hash strength (higher is stronger), or -1 when unknown.</summary>
    /// <param name="name">A hash name.</param>
    /// <returns>The rank.</returns>
    public static int HashRank(string name) => HashStrength.TryGetValue(Normalize(name), out var rank) ? rank : -1;

    /// <summary>The key size implied by a name such as <c>AES-256</c>, or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The key size in bits.</returns>
    public static int? ImpliedKeySize(string name)
    {
        var key = Squash(name ?? string.Empty);
        return key switch
        {
            "AES128" => 128,
            "AES192" => 192,
            "AES256" => 256,
            _ => null,
        };
    }

    private static string Squash(string name)
    {
        var chars = new char[name.Length];
        var count = 0;
        foreach (var c in name)
        {
            if (c != '-' && c != '_' && c != ' ' && c != '/' && c != '.')
            {
                chars[count++] = char.ToUpperInvariant(c);
            }
        }

        return new string(chars, 0, count);
    }
}
