using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Policy;

/// <summary>
/// What the cryptography and transport rules (PK4001–PK4005) need from the policy's <c>encryption</c> and
/// <c>password.hashing</c> sections. The rules read every threshold through this object and hold no numbers of
/// their own. Names are the ones policykit.json uses (<c>"SHA-1"</c>, <c>"3DES"</c>, <c>"ECB"</c>, <c>"1.2"</c>);
/// aliases (<c>SHA1</c>, <c>TripleDES</c>, <c>TLS1.2</c>) are accepted.
/// </summary>
internal sealed class CryptoThresholds
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerPolicy, CryptoThresholds> ByPolicy = new();

    private static readonly Dictionary<string, string> HashAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MD5"] = "MD5", ["SHA1"] = "SHA-1", ["SHA"] = "SHA-1", ["SHA256"] = "SHA-256", ["SHA384"] = "SHA-384",
        ["SHA512"] = "SHA-512", ["SHA3256"] = "SHA3-256", ["SHA3384"] = "SHA3-384", ["SHA3512"] = "SHA3-512",
    };

    // Collision resistance in bits (NIST SP 800-107 Rev. 1 §4.1, and the published MD5/SHA-1 collision attacks):
    // a hash is weaker than the policy minimum when it offers fewer bits.
    private static readonly Dictionary<string, int> HashStrength = new(StringComparer.Ordinal)
    {
        ["MD5"] = 18, ["SHA-1"] = 63, ["SHA-256"] = 128, ["SHA3-256"] = 128, ["SHA-384"] = 192, ["SHA3-384"] = 192,
        ["SHA-512"] = 256, ["SHA3-512"] = 256,
    };

    private static readonly Dictionary<string, string> CipherAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DES"] = "DES", ["3DES"] = "3DES", ["TRIPLEDES"] = "3DES", ["TDEA"] = "3DES", ["DESEDE"] = "3DES",
        ["RC2"] = "RC2", ["RC4"] = "RC4", ["ARC4"] = "RC4", ["ARCFOUR"] = "RC4", ["AES"] = "AES",
        ["RIJNDAEL"] = "AES", ["BLOWFISH"] = "Blowfish",
    };

    // Declared after the name tables: static initialisers run in textual order.

    private readonly ImmutableHashSet<string> forbiddenHashes;
    private readonly ImmutableHashSet<string> forbiddenCiphers;
    private readonly ImmutableHashSet<string> forbiddenModes;
    private readonly int minimumTls;

    /// <summary>Thresholds from a policy; names are normalised (<c>SHA1</c> → <c>SHA-1</c>, <c>TripleDES</c> → <c>3DES</c>).</summary>
    public CryptoThresholds(
        IEnumerable<string> forbiddenHashes,
        string minimumHash,
        IEnumerable<string> forbiddenCiphers,
        IEnumerable<string> forbiddenModes,
        int minimumRsaKeySize,
        int minimumEcKeySize,
        int minimumDsaKeySize,
        int minimumDhKeySize,
        int minimumAesKeySize,
        string minimumTlsVersion,
        int minimumPbkdf2Iterations)
    {
        var hashes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var name in forbiddenHashes)
        {
            hashes.Add(CanonicalHash(name));
        }

        var ciphers = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var name in forbiddenCiphers)
        {
            ciphers.Add(CanonicalCipher(name));
        }

        this.forbiddenHashes = hashes.ToImmutable();
        this.forbiddenCiphers = ciphers.ToImmutable();
        this.forbiddenModes = ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, forbiddenModes);
        MinimumHash = CanonicalHash(minimumHash);
        MinimumRsaKeySize = minimumRsaKeySize;
        MinimumEcKeySize = minimumEcKeySize;
        MinimumDsaKeySize = minimumDsaKeySize;
        MinimumDhKeySize = minimumDhKeySize;
        MinimumAesKeySize = minimumAesKeySize;
        minimumTls = TlsRank(minimumTlsVersion);
        MinimumTlsVersion = "TLS " + minimumTlsVersion;
        MinimumPbkdf2Iterations = minimumPbkdf2Iterations;
    }

    /// <summary>The weakest hash the policy accepts, canonical (e.g. <c>SHA-256</c>): <c>encryption.minimumHash</c>.</summary>
    public string MinimumHash { get; }

    /// <summary><c>encryption.minimumKeySizes.RSA</c>.</summary>
    public int MinimumRsaKeySize { get; }

    /// <summary><c>encryption.minimumKeySizes.EC</c> (field size of the curve).</summary>
    public int MinimumEcKeySize { get; }

    /// <summary><c>encryption.minimumKeySizes.DSA</c>.</summary>
    public int MinimumDsaKeySize { get; }

    /// <summary><c>encryption.minimumKeySizes.DH</c>. .NET has no finite-field Diffie-Hellman type; kept for policy completeness.</summary>
    public int MinimumDhKeySize { get; }

    /// <summary><c>encryption.minimumKeySizes.AES</c>.</summary>
    public int MinimumAesKeySize { get; }

    /// <summary>The display form of <c>encryption.minimumTlsVersion</c>, e.g. <c>TLS 1.2</c>.</summary>
    public string MinimumTlsVersion { get; }

    /// <summary><c>password.hashing.minimumIterations</c> for PBKDF2.</summary>
    public int MinimumPbkdf2Iterations { get; }

    /// <summary>The thresholds of this compilation's policy (policykit.json over the baseline profile).</summary>
#pragma warning disable RS1012 // reads the policy only; the caller registers the actions
    public static CryptoThresholds Get(CompilationStartAnalysisContext context) => For(AnalyzerPolicy.Get(context));
#pragma warning restore RS1012

    /// <summary>The thresholds a policy declares, built once per policy.</summary>
    public static CryptoThresholds For(AnalyzerPolicy policy) => ByPolicy.GetValue(policy, p => From(p.Policy));

    /// <summary>
    /// Reads <c>encryption</c> and <c>password.hashing</c>. A value absent from the policy (and from the baseline profile)
    /// disables that one check rather than inventing a number: no minimum hash, TLS 1.0, key size 0, 0 iterations.
    /// </summary>
    public static CryptoThresholds From(PolicySet policy)
    {
        var encryption = policy.Encryption;
        return new CryptoThresholds(
            forbiddenHashes: encryption.ForbiddenHashes ?? Array.Empty<string>(),
            minimumHash: encryption.MinimumHash ?? "MD5",
            forbiddenCiphers: encryption.ForbiddenCiphers ?? Array.Empty<string>(),
            forbiddenModes: encryption.ForbiddenModes ?? Array.Empty<string>(),
            minimumRsaKeySize: encryption.MinimumKeySizeFor("RSA") ?? 0,
            minimumEcKeySize: encryption.MinimumKeySizeFor("EC") ?? 0,
            minimumDsaKeySize: encryption.MinimumKeySizeFor("DSA") ?? 0,
            minimumDhKeySize: encryption.MinimumKeySizeFor("DH") ?? 0,
            minimumAesKeySize: encryption.MinimumKeySizeFor("AES") ?? 0,
            minimumTlsVersion: encryption.MinimumTlsVersion switch
            {
                TlsVersion.Tls11 => "1.1",
                TlsVersion.Tls12 => "1.2",
                TlsVersion.Tls13 => "1.3",
                _ => "1.0",
            },
            minimumPbkdf2Iterations: policy.Password.Hashing?.MinimumIterations ?? 0);
    }

    /// <summary>The canonical name of a hash (<c>sha1</c> → <c>SHA-1</c>); unknown names come back trimmed.</summary>
    public static string CanonicalHash(string name)
    {
        var key = Squeeze(name);
        return HashAliases.TryGetValue(key, out var canonical) ? canonical : name.Trim();
    }

    /// <summary>The canonical name of a cipher (<c>TripleDES</c> → <c>3DES</c>); unknown names come back trimmed.</summary>
    public static string CanonicalCipher(string name)
    {
        var key = Squeeze(name);
        return CipherAliases.TryGetValue(key, out var canonical) ? canonical : name.Trim();
    }

    /// <summary>Whether the policy forbids the hash or ranks it below <see cref="MinimumHash"/>.</summary>
    public bool IsWeakHash(string canonicalHash)
    {
        if (forbiddenHashes.Contains(canonicalHash))
        {
            return true;
        }

        return HashStrength.TryGetValue(canonicalHash, out var strength)
            && HashStrength.TryGetValue(MinimumHash, out var floor)
            && strength < floor;
    }

    /// <summary>Whether <c>encryption.forbiddenCiphers</c> names the cipher (canonical name).</summary>
    public bool IsForbiddenCipher(string canonicalCipher) => forbiddenCiphers.Contains(canonicalCipher);

    /// <summary>Whether <c>encryption.forbiddenModes</c> names the block cipher mode (<c>ECB</c>, <c>CBC</c> …).</summary>
    public bool IsForbiddenMode(string mode) => forbiddenModes.Contains(mode);

    /// <summary>
    /// Whether a protocol version is below <c>encryption.minimumTlsVersion</c>: <c>"2.0s"</c>/<c>"3.0s"</c> for
    /// SSL 2.0/3.0, <c>"1.0"</c>…<c>"1.3"</c> for TLS.
    /// </summary>
    public bool IsBelowMinimumTls(string version) => TlsRank(version) < minimumTls;

    private static int TlsRank(string version)
    {
        var text = version.Trim();
        if (text.StartsWith("TLS", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(3).Trim();
        }

        return text switch
        {
            "2.0s" => 0,
            "3.0s" => 1,
            "1.0" or "1" => 10,
            "1.1" => 11,
            "1.2" => 12,
            "1.3" => 13,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (int)(v * 10) : 12,
        };
    }

    private static string Squeeze(string name)
    {
        var chars = new char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            if (c != '-' && c != '_' && c != ' ')
            {
                chars[n++] = c;
            }
        }

        return new string(chars, 0, n);
    }
}
