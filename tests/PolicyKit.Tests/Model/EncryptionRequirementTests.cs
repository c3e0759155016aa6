using System.Collections.Generic;

namespace PolicyKit.Tests.Model;

public sealed class EncryptionRequirementTests
{
    private static readonly EncryptionRequirement Policy = new()
    {
        ApprovedHashes = new[] { "SHA-256", "SHA-384", "SHA-512" },
        ForbiddenHashes = new[] { "MD5", "SHA-1" },
        MinimumHash = "SHA-256",
        ApprovedCiphers = new[] { "AES" },
        ForbiddenCiphers = new[] { "DES", "3DES", "RC2", "RC4" },
        ForbiddenModes = new[] { "ECB" },
        MinimumKeySizes = new Dictionary<string, int> { ["RSA"] = 2048, ["EC"] = 256, ["AES"] = 128 },
        MinimumTlsVersion = TlsVersion.Tls12,
    };

    [Theory]
    [InlineData("SHA1")]
    [InlineData("SHA-1")]
    [InlineData("sha1")]
    [InlineData("SHA1Managed")]
    [InlineData("SHA1CryptoServiceProvider")]
    public void Normalises_sha1_spellings_and_forbids_them(string name)
    {
        var check = Policy.Check(name);

        Assert.Equal("SHA-1", check.Algorithm);
        Assert.Equal(AlgorithmVerdict.Forbidden, check.Verdict);
        Assert.Equal("encryption.forbiddenHashes", check.JsonPath);
    }

    [Theory]
    [InlineData("TripleDES")]
    [InlineData("3DES")]
    [InlineData("DESede")]
    [InlineData("TripleDESCryptoServiceProvider")]
    public void Normalises_triple_des(string name)
    {
        Assert.Equal("3DES", AlgorithmNames.Normalize(name));
        Assert.Equal(AlgorithmVerdict.Forbidden, Policy.Check(name).Verdict);
    }

    [Theory]
    [InlineData("ECDSA")]
    [InlineData("ECDsa")]
    [InlineData("EC")]
    [InlineData("ECDiffieHellman")]
    [InlineData("ECDsaCng")]
    public void Normalises_elliptic_curve_names(string name)
    {
        Assert.Equal("EC", AlgorithmNames.Normalize(name));
        Assert.Equal(AlgorithmVerdict.KeyTooSmall, Policy.Check(name, 224).Verdict);
        Assert.True(Policy.Check(name, 256).IsAllowed);
    }

    [Theory]
    [InlineData(1024, AlgorithmVerdict.KeyTooSmall)]
    [InlineData(2047, AlgorithmVerdict.KeyTooSmall)]
    [InlineData(2048, AlgorithmVerdict.Allowed)]
    [InlineData(4096, AlgorithmVerdict.Allowed)]
    public void Checks_rsa_key_sizes_at_the_boundary(int bits, AlgorithmVerdict verdict)
    {
        var check = Policy.Check("RSACryptoServiceProvider", bits);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(2048, check.MinimumKeySize);
    }

    [Fact]
    public void Reads_key_size_from_names_like_aes_256()
    {
        var strict = Policy with { MinimumKeySizes = new Dictionary<string, int> { ["AES"] = 256 } };

        Assert.True(strict.Check("AES-256").IsAllowed);
        Assert.Equal(AlgorithmVerdict.KeyTooSmall, strict.Check("AES-128").Verdict);
    }

    [Fact]
    public void Refuses_ciphers_and_hashes_not_on_the_approved_list()
    {
        Assert.Equal(AlgorithmVerdict.NotApproved, Policy.Check("Blowfish").Verdict);
        Assert.Equal(AlgorithmVerdict.NotApproved, Policy.Check("SHA224").Verdict);
        Assert.True(Policy.Check("Aes").IsAllowed);
        Assert.True(Policy.Check("RijndaelManaged").IsAllowed);
        Assert.True(Policy.Check("sha512").IsAllowed);
    }

    [Fact]
    public void Applies_the_minimum_hash_without_an_approved_list()
    {
        var policy = new EncryptionRequirement { MinimumHash = "SHA-384" };

        Assert.Equal(AlgorithmVerdict.BelowMinimumHash, policy.Check("SHA256").Verdict);
        Assert.True(policy.Check("SHA-384").IsAllowed);
    }

    [Fact]
    public void Forbids_modes()
    {
        Assert.Equal(AlgorithmVerdict.Forbidden, Policy.Check("ecb").Verdict);
        Assert.Equal("encryption.forbiddenModes", Policy.Check("ECB").JsonPath);
        Assert.True(Policy.Check("GCM").IsAllowed);
    }

    [Fact]
    public void An_undecided_requirement_allows_everything()
    {
        Assert.True(new EncryptionRequirement().Check("MD5").IsAllowed);
        Assert.True(new EncryptionRequirement().IsTlsAllowed(TlsVersion.Tls10));
    }

    [Fact]
    public void Checks_tls_versions()
    {
        Assert.False(Policy.IsTlsAllowed(TlsVersion.Tls11));
        Assert.True(Policy.IsTlsAllowed(TlsVersion.Tls12));
        Assert.True(Policy.IsTlsAllowed(TlsVersion.Tls13));
    }
}
