using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Crypto;

/// <summary>Cipher factories used by the services below.</summary>
public static class CipherFactory
{
    public static SymmetricAlgorithm ForMainframe() => TripleDES.Create(); // vuln:PK4002#mainframe 3DES, used by MainframeBridge

    public static SymmetricAlgorithm ForArchive()
    {
        var aes = Aes.Create(); // safe:PK4002#archive AES-256-CBC
        aes.KeySize = 256;
        aes.Mode = CipherMode.CBC;
        return aes;
    }

    public static Aes WithMode(CipherMode mode)
    {
        var aes = Aes.Create();
        aes.Mode = mode; // vuln:PK4002#with-mode ECB chosen by the caller (ExportCipher)
        return aes;
    }
}

public sealed class MainframeBridge(byte[] key, byte[] iv)
{
    public byte[] Encrypt(byte[] data)
    {
        using var cipher = CipherFactory.ForMainframe(); // vuln:PK4002#mainframe
        using var encryptor = cipher.CreateEncryptor(key, iv);
        return encryptor.TransformFinalBlock(data, 0, data.Length);
    }

    public byte[] Archive(byte[] data)
    {
        using var cipher = CipherFactory.ForArchive(); // safe:PK4002#archive
        using var encryptor = cipher.CreateEncryptor(key, iv);
        return encryptor.TransformFinalBlock(data, 0, data.Length);
    }
}

public static class ExportCipher
{
    public static byte[] Encrypt(byte[] key, byte[] data)
    {
        using var aes = CipherFactory.WithMode(CipherMode.ECB); // vuln:PK4002#with-mode
        aes.Key = key;
        return aes.EncryptEcb(data, PaddingMode.PKCS7);
    }

    public static byte[] EncryptCbc(byte[] key, byte[] data)
    {
        using var aes = CipherFactory.WithMode(CipherMode.CBC); // safe:PK4002 CBC through the same factory
        aes.Key = key;
        return aes.EncryptCbc(data, RandomNumberGenerator.GetBytes(16));
    }
}

public static class LegacyTokens
{
    private static readonly SymmetricAlgorithm Cipher = DES.Create(); // vuln:PK4002 DES in a static field

    public static byte[] Decrypt(byte[] token, byte[] key)
    {
#pragma warning disable SYSLIB0021 // the obsolete provider types are what legacy code uses
        using var des = new DESCryptoServiceProvider(); // vuln:PK4002 DES provider
        using var tdes = new TripleDESCryptoServiceProvider(); // vuln:PK4002 3DES provider
#pragma warning restore SYSLIB0021
        return des.CreateDecryptor(key, new byte[8]).TransformFinalBlock(token, 0, token.Length);
    }

    public static byte[] Rc2Export(byte[] data)
    {
        using var rc2 = RC2.Create(); // vuln:PK4002 RC2 with a 40-bit export key
        rc2.KeySize = 40;
        return rc2.EncryptCbc(data, new byte[8]);
    }

    public static object? ByName() => CryptoConfig.CreateFromName("DES"); // vuln:PK4002 DES by name

    public static object? ByNameAes() => CryptoConfig.CreateFromName("AES"); // safe:PK4002 AES by name

    public static byte[] TripleDesOneShot(byte[] key, byte[] data)
    {
        using var tdes = TripleDES.Create(); // vuln:PK4002 3DES one-shot CBC
        tdes.Key = key;
        return tdes.EncryptCbc(data, RandomNumberGenerator.GetBytes(8));
    }

    public static byte[] DecryptEcb(Aes aes, byte[] data) => aes.DecryptEcb(data, PaddingMode.PKCS7); // vuln:PK4002 ECB decryption

    public static byte[] DecryptCbc(Aes aes, byte[] data, byte[] iv) => aes.DecryptCbc(data, iv); // safe:PK4002 CBC decryption

    public static byte[] Cfb(Aes aes, byte[] data, byte[] iv) => aes.EncryptCfb(data, iv, PaddingMode.None, 128); // safe:PK4002 CFB-128

    public static Aes ModeFromConfig(IConfiguration configuration)
    {
        var aes = Aes.Create();
        aes.Mode = Enum.Parse<CipherMode>(configuration["Export:Mode"] ?? "ECB"); // vuln:PK4002 defaults to ECB when the setting is missing
        return aes;
    }
}

public static class ModernCiphers
{
    public static byte[] Gcm(byte[] key, byte[] plaintext, out byte[] nonce, out byte[] tag)
    {
        nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using var gcm = new AesGcm(key, tag.Length); // safe:PK4002 AES-GCM
        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
        return ciphertext;
    }

    public static byte[] ChaCha(byte[] key, byte[] plaintext, byte[] nonce, byte[] tag)
    {
        var ciphertext = new byte[plaintext.Length];
        using var chacha = new ChaCha20Poly1305(key); // safe:PK4002 ChaCha20-Poly1305
        chacha.Encrypt(nonce, plaintext, ciphertext, tag);
        return ciphertext;
    }

    public static Aes Aes128()
    {
        var aes = Aes.Create();
        aes.KeySize = 128; // safe:PK4002 AES-128 is an approved key size
        return aes;
    }

    public static string Protect(IDataProtectionProvider provider, string value) => provider.CreateProtector("Corpus.Orders").Protect(value); // safe:PK4002 Data Protection (AES-256-CBC + HMAC)
}

public static class AsymmetricKeys
{
    public static RSA Resized()
    {
        var rsa = RSA.Create();
        rsa.KeySize = 1024; // vuln:PK4002 KeySize set to 1024
        return rsa;
    }

    public static RSA Resized2048()
    {
        var rsa = RSA.Create();
        rsa.KeySize = 2048; // safe:PK4002 2048 bits
        return rsa;
    }

    public static RSA Odd() => RSA.Create(1536); // vuln:PK4002 1536-bit RSA

    public static RSA Large() => RSA.Create(4096); // safe:PK4002 4096 bits

    public static RSACryptoServiceProvider Provider() => new(1024); // vuln:PK4002 1024-bit provider key

    public static DSA SmallDsa() => DSA.Create(1024); // vuln:PK4002 1024-bit DSA

    public static ECDsa ShortCurve() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP160r1); // vuln:PK4002 160-bit curve (80-bit security)

    public static ECDsa P384() => ECDsa.Create(ECCurve.NamedCurves.nistP384); // safe:PK4002 P-384

    public static ECDiffieHellman Exchange() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256); // safe:PK4002 P-256 key agreement

    public static byte[] EncryptPkcs1(RSA rsa, byte[] data) => rsa.Encrypt(data, RSAEncryptionPadding.Pkcs1); // vuln:PK4002 PKCS#1 v1.5 encryption padding (Bleichenbacher)

    public static byte[] EncryptOaep(RSA rsa, byte[] data) => rsa.Encrypt(data, RSAEncryptionPadding.OaepSHA256); // safe:PK4002 OAEP-SHA256

    public static SigningCredentials JwtWeak() =>
        new(new RsaSecurityKey(RSA.Create(1024)), SecurityAlgorithms.RsaSha256); // vuln:PK4002 JWT signing key of 1024 bits

    public static SigningCredentials JwtStrong() =>
        new(new RsaSecurityKey(RSA.Create(3072)), SecurityAlgorithms.RsaSsaPssSha256); // safe:PK4002 3072-bit PSS

    public static CertificateRequest CertificateWeak() =>
        new("CN=shop-internal", RSA.Create(1024), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); // vuln:PK4002 certificate with a 1024-bit key

    public static CertificateRequest CertificateStrong() =>
        new("CN=shop-internal", ECDsa.Create(ECCurve.NamedCurves.nistP256), HashAlgorithmName.SHA256); // safe:PK4002 P-256 certificate

    public static byte[] SignPss(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); // safe:PK4002 PSS signature
}
