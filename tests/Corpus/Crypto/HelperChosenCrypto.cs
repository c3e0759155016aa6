using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Corpus.Crypto;

/// <summary>Algorithms, modes, key sizes and keys chosen through helpers, locals and settings.</summary>
public sealed class PartnerChannel(IConfiguration configuration)
{
    private static HashAlgorithmName DigestFor(string partner) => partner == "legacy" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

    private static HashAlgorithmName StrongDigest() => HashAlgorithmName.SHA384;

    private static RSA KeyPair(int modulusBits) => RSA.Create(modulusBits);

    public byte[] SignFor(string partner, RSA key, byte[] payload) => key.SignData(payload, DigestFor(partner), RSASignaturePadding.Pkcs1); // vuln:PK4001 SHA-1 for every partner but one

    public byte[] SignStrong(RSA key, byte[] payload) => key.SignData(payload, StrongDigest(), RSASignaturePadding.Pss); // safe:PK4001 SHA-384 from a helper

    public RSA LegacyKeys() => KeyPair(1536); // vuln:PK4002 1536-bit RSA through a helper

    public RSA Keys() => KeyPair(4096); // safe:PK4002 4096-bit RSA through a helper

    public Aes Cipher()
    {
        var aes = Aes.Create();
        aes.Mode = Enum.Parse<CipherMode>(configuration["Partner:Mode"] ?? nameof(CipherMode.ECB)); // vuln:PK4002 ECB when the setting is missing
        return aes;
    }

    public Aes CipherCbc()
    {
        var aes = Aes.Create();
        aes.Mode = Enum.Parse<CipherMode>(configuration["Partner:Mode"] ?? nameof(CipherMode.CBC)); // safe:PK4002 CBC fallback
        return aes;
    }

    public byte[] WrapKey(RSA partner, byte[] contentKey)
    {
        var padding = RSAEncryptionPadding.Pkcs1;
        return partner.Encrypt(contentKey, padding); // vuln:PK4002 PKCS#1 v1.5 through a local
    }

    public byte[] WrapKeyOaep(RSA partner, byte[] contentKey) => partner.Encrypt(contentKey, RSAEncryptionPadding.OaepSHA384); // safe:PK4002 OAEP

    public static byte[] ChannelKey() => Encoding.UTF8.GetBytes(new string('p', 32)); // vuln:PK2002 key member returning a constant built at run time

    public byte[] ChannelKeyFromSettings() => Convert.FromBase64String(configuration["Partner:Key"]!); // safe:PK2002 key from configuration

    public static RSA Importer() => RSA.Create(new RSAParameters
    {
        Modulus = new byte[256],
        Exponent = [1, 0, 1],
        D = Convert.FromHexString("0102030405060708090A0B0C0D0E0F10"), // vuln:PK2002 private exponent in the source
    });
}
