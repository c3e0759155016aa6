using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets;

public sealed class CryptoOptions
{
    public string KeyBase64 { get; set; } = "";
    public string HmacKeyBase64 { get; set; } = "";
}

public sealed class PartnerSignature
{
    private readonly CryptoOptions _options;
    private static readonly byte[] LegacyHmacKey = Encoding.UTF8.GetBytes("partner-shared-hmac-2019"); // vuln:PK2002#legacy-hmac

    public PartnerSignature(IOptions<CryptoOptions> options) => _options = options.Value;

    public string Sign(string payload)
    {
        using var hmac = new HMACSHA512(Encoding.UTF8.GetBytes("0a9b8c7d6e5f4a3b2c1d")); // vuln:PK2002 HMAC key literal in constructor
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
    }

    public string SignConfigured(string payload)
    {
        using var hmac = new HMACSHA512(Convert.FromBase64String(_options.HmacKeyBase64)); // safe:PK2002 options-bound key
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
    }

    public bool VerifyLegacy(string payload, string signature)
    {
        using var hmac = new HMACSHA256(LegacyHmacKey); // vuln:PK2002#legacy-hmac
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(payload));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }

    public bool Verify(string payload, string signature, byte[] key)
    {
        using var hmac = new HMACSHA256(key); // safe:PK2002 caller-supplied key
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(payload));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }
}

public static class LicenseVerifier
{
    private const string PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----"; // vuln:PK2002#pem

    public static RSA SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(PrivateKeyPem); // vuln:PK2002#pem
        return rsa;
    }

    public static RSA SigningKeyFromFile(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path)); // safe:PK2002 key file outside the source
        return rsa;
    }

    public static RSA LegacyXmlKey()
    {
        var rsa = RSA.Create();
        rsa.FromXmlString("<RSAKeyValue><Modulus>u3Vz</Modulus><Exponent>AQAB</Exponent><P>4Q==</P><Q>2w==</Q><DP>AQ==</DP><DQ>AQ==</DQ><InverseQ>AQ==</InverseQ><D>AQ==</D></RSAKeyValue>"); // vuln:PK2002 private key XML literal
        return rsa;
    }

    public static RSA PublicKeyOnly()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu3Vz\n-----END PUBLIC KEY-----"); // safe:PK2002 a public key is not a secret
        return rsa;
    }
}

public sealed class BackupEncryption
{
    private readonly IConfiguration _configuration;

    public BackupEncryption(IConfiguration configuration) => _configuration = configuration;

    public byte[] DeriveKey(byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2("backup-archive-passphrase", salt, 600_000, HashAlgorithmName.SHA256, 32); // vuln:PK2002 key derived from a literal passphrase

    public byte[] DeriveKeyFromConfig(byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(_configuration["Backup:Passphrase"]!, salt, 600_000, HashAlgorithmName.SHA256, 32); // safe:PK2002 passphrase from configuration

    public byte[] Encrypt(byte[] data)
    {
        using var aes = Aes.Create();
        aes.Key = new byte[32]; // vuln:PK2002 all-zero key
        aes.GenerateIV();
        return aes.EncryptCbc(data, aes.IV);
    }

    public byte[] EncryptZeroIv(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.IV = new byte[16]; // vuln:PK2002 all-zero IV
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public byte[] EncryptRandomIv(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key; // safe:PK2002 parameter key
        aes.IV = RandomNumberGenerator.GetBytes(aes.BlockSize / 8); // safe:PK2002 random IV
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public byte[] ChaCha(byte[] data)
    {
        using var chacha = new ChaCha20Poly1305(Encoding.UTF8.GetBytes("chacha-key-32-bytes-long-000001!")); // vuln:PK2002 ChaCha20 key literal
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        chacha.Encrypt(nonce, data, cipher, tag);
        return cipher;
    }

    public byte[] ChaChaConfigured(byte[] data)
    {
        using var chacha = new ChaCha20Poly1305(Convert.FromBase64String(_configuration["Backup:ChaChaKey"]!)); // safe:PK2002 configured key
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        chacha.Encrypt(nonce, data, cipher, tag);
        return cipher;
    }
}

public static class TokenKeys
{
    public static SecurityKey Refresh() => new SymmetricSecurityKey(Convert.FromBase64String("c2hvcC1yZWZyZXNoLXRva2VuLXNpZ25pbmcta2V5LTIwMjQ=")); // vuln:PK2002 refresh token key literal
    public static SecurityKey Generated() => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)); // safe:PK2002 random key
    public static SecurityKey FromEnvironment() =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("JWT_KEY") ?? throw new InvalidOperationException("JWT_KEY missing"))); // safe:PK2002 environment
    public static byte[] TestVectorInput() => Encoding.UTF8.GetBytes("The quick brown fox"); // safe:PK2002 plaintext, not a key
    public static string KeyId() => "signing-key-2024-01"; // safe:PK2002 key identifier
}

public sealed class TripleDesBridge
{
    public byte[] ToMainframe(byte[] data)
    {
        using var tdes = TripleDES.Create();
        tdes.Key = Convert.FromBase64String("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0"); // vuln:PK2002 3DES key literal
        tdes.IV = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }; // vuln:PK2002 3DES IV literal
        return tdes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }
}

public sealed class SessionTokenProtector
{
    private readonly byte[] _key;
    private readonly byte[] _iv;

    public SessionTokenProtector()
    {
        _key = Encoding.UTF8.GetBytes("session-protector-key-0123456789"); // vuln:PK2002 key assigned in a constructor
        _iv = Encoding.UTF8.GetBytes("session-iv-0001!"); // vuln:PK2002 IV assigned in a constructor
    }

    public SessionTokenProtector(byte[] key)
    {
        _key = key; // safe:PK2002 injected key
        _iv = RandomNumberGenerator.GetBytes(16); // safe:PK2002 random IV
    }

    public byte[] Protect(byte[] data)
    {
        using var aes = Aes.Create();
        return aes.CreateEncryptor(_key, _iv).TransformFinalBlock(data, 0, data.Length);
    }
}
