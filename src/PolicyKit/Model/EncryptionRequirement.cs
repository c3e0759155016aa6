using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit;

/// <summary>Cryptography rules (<c>encryption</c>): approved and forbidden algorithms, key sizes, TLS, data at rest.</summary>
public sealed record EncryptionRequirement
{
    /// <summary>Hashes that may be used; <see langword="null"/> when undecided.</summary>
    public IReadOnlyList<string>? ApprovedHashes { get; init; }

    /// <summary>Hashes that must not be used.</summary>
    public IReadOnlyList<string>? ForbiddenHashes { get; init; }

    /// <summary>The weakest hash accepted (by strength: SHA-1 &lt; SHA-224 &lt; SHA-256 &lt; SHA-384 &lt; SHA-512).</summary>
    public string? MinimumHash { get; init; }

    /// <summary>Ciphers that may be used.</summary>
    public IReadOnlyList<string>? ApprovedCiphers { get; init; }

    /// <summary>Ciphers that must not be used.</summary>
    public IReadOnlyList<string>? ForbiddenCiphers { get; init; }

    /// <summary>Block cipher modes that must not be used.</summary>
    public IReadOnlyList<string>? ForbiddenModes { get; init; }

    /// <summary>Least key size in bits per algorithm (<c>RSA</c>, <c>EC</c>, <c>AES</c>, <c>DH</c>).</summary>
    public IReadOnlyDictionary<string, int>? MinimumKeySizes { get; init; }

    /// <summary>The lowest TLS version accepted.</summary>
    public TlsVersion? MinimumTlsVersion { get; init; }

    /// <summary>Data classes that must be encrypted at rest.</summary>
    public IReadOnlyList<string>? AtRest { get; init; }

    /// <summary>Where keys are kept (free text, e.g. <c>key-vault</c>).</summary>
    public string? KeyStorage { get; init; }

    /// <summary>
    /// Checks an algorithm by name (normalised: <c>SHA1</c>/<c>SHA-1</c>/<c>sha1</c>, <c>TripleDES</c>/<c>3DES</c>,
    /// <c>ECDSA</c>/<c>EC</c>…) and, when given, its key size.
    /// </summary>
    /// <param name="algorithm">The algorithm or mode name.</param>
    /// <param name="keySize">The key size in bits, if known.</param>
    /// <returns>The verdict and the setting behind it.</returns>
    public AlgorithmCheck Check(string algorithm, int? keySize = null)
    {
        var name = AlgorithmNames.Normalize(algorithm ?? string.Empty);
        var family = AlgorithmNames.FamilyOf(name);
        keySize ??= AlgorithmNames.ImpliedKeySize(algorithm ?? string.Empty);
        var minimumKey = MinimumKeySizeFor(name);

        var (forbidden, forbiddenPath) = family switch
        {
            AlgorithmFamily.Hash => (ForbiddenHashes, "encryption.forbiddenHashes"),
            AlgorithmFamily.Cipher => (ForbiddenCiphers, "encryption.forbiddenCiphers"),
            AlgorithmFamily.Mode => (ForbiddenModes, "encryption.forbiddenModes"),
            _ => (null, null),
        };
        if (forbidden is null && family == AlgorithmFamily.Unknown)
        {
            (forbidden, forbiddenPath) = Contains(ForbiddenHashes, name) ? (ForbiddenHashes, "encryption.forbiddenHashes")
                : Contains(ForbiddenCiphers, name) ? (ForbiddenCiphers, "encryption.forbiddenCiphers")
                : Contains(ForbiddenModes, name) ? (ForbiddenModes, "encryption.forbiddenModes")
                : (null, null);
        }

        if (Contains(forbidden, name))
        {
            return new AlgorithmCheck(name, family, AlgorithmVerdict.Forbidden, forbiddenPath, minimumKey, $"{name} is forbidden by the policy ({forbiddenPath}).");
        }

        var (approved, approvedPath) = family switch
        {
            AlgorithmFamily.Hash => (ApprovedHashes, "encryption.approvedHashes"),
            AlgorithmFamily.Cipher => (ApprovedCiphers, "encryption.approvedCiphers"),
            _ => (null, null),
        };
        if (approved is { Count: > 0 } && !Contains(approved, name))
        {
            return new AlgorithmCheck(name, family, AlgorithmVerdict.NotApproved, approvedPath, minimumKey, $"{name} is not on the approved list ({approvedPath}: {string.Join(", ", approved)}).");
        }

        if (family == AlgorithmFamily.Hash && MinimumHash is { } minimumHash
            && AlgorithmNames.HashRank(name) >= 0 && AlgorithmNames.HashRank(name) < AlgorithmNames.HashRank(minimumHash))
        {
            return new AlgorithmCheck(name, family, AlgorithmVerdict.BelowMinimumHash, "encryption.minimumHash", minimumKey, $"{name} is weaker than the minimum hash {AlgorithmNames.Normalize(minimumHash)}.");
        }

        if (keySize is int size && minimumKey is int least && size < least)
        {
            return new AlgorithmCheck(name, family, AlgorithmVerdict.KeyTooSmall, "encryption.minimumKeySizes." + name, minimumKey,
                $"A {size.ToString(CultureInfo.InvariantCulture)}-bit {name} key is smaller than the required {least.ToString(CultureInfo.InvariantCulture)} bits.");
        }

        return new AlgorithmCheck(name, family, AlgorithmVerdict.Allowed, null, minimumKey, $"{name} is allowed by the policy.");
    }

    /// <summary>The least key size the policy sets for an algorithm (name normalised), or <see langword="null"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Bits, or <see langword="null"/>.</returns>
    public int? MinimumKeySizeFor(string algorithm)
    {
        if (MinimumKeySizes is null)
        {
            return null;
        }

        var name = AlgorithmNames.Normalize(algorithm);
        foreach (var pair in MinimumKeySizes)
        {
            if (string.Equals(AlgorithmNames.Normalize(pair.Key), name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Whether a TLS version meets <see cref="MinimumTlsVersion"/> (true when undecided).</summary>
    /// <param name="version">The version.</param>
    /// <returns>True when acceptable.</returns>
    public bool IsTlsAllowed(TlsVersion version) => MinimumTlsVersion is not TlsVersion least || version >= least;

    private static bool Contains(IReadOnlyList<string>? list, string canonical)
    {
        if (list is null)
        {
            return false;
        }

        foreach (var entry in list)
        {
            if (string.Equals(AlgorithmNames.Normalize(entry), canonical, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
