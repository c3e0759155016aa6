using System;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Crypto;

/// <summary>Hashes chosen by name or through helpers.</summary>
public static class HashChoices
{
    public static HashAlgorithmName ForLegacyPartner() => HashAlgorithmName.MD5;

    public static byte[] PartnerDigest(byte[] data) => CryptoConfig.CreateFromName("MD5") is HashAlgorithm md5 ? md5.ComputeHash(data) : Array.Empty<byte>(); // vuln:PK4001 MD5 by name through CryptoConfig

    public static byte[] PartnerDigestStrong(byte[] data) => CryptoConfig.CreateFromName("SHA256") is HashAlgorithm sha ? sha.ComputeHash(data) : Array.Empty<byte>(); // safe:PK4001 SHA-256 by name

    public static byte[] LegacySignature(RSA key, byte[] data) => key.SignData(data, ForLegacyPartner(), RSASignaturePadding.Pkcs1); // vuln:PK4001 MD5 chosen by a helper

    public static byte[] Pbkdf2Sha384(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA384, 48); // safe:PK4001 policy iterations, SHA-384

    public static string Checksum512(byte[] data) => Convert.ToHexString(SHA512.HashData(data)); // safe:PK4001 SHA-512 checksum

    public static byte[] Hmac384(byte[] key, byte[] data) => HMACSHA384.HashData(key, data); // safe:PK4001 HMAC-SHA384

    public static SigningCredentials JwtEs256(ECDsaSecurityKey key) => new(key, SecurityAlgorithms.EcdsaSha256); // safe:PK4001 ES256 tokens
}

/// <summary>Cipher and key-size cases reached through locals and options.</summary>
public static class CipherChoices
{
    public static SymmetricAlgorithm ByFlag(bool legacy) => legacy ? TripleDES.Create() : Aes.Create(); // vuln:PK4002 3DES on one branch

    public static SymmetricAlgorithm AesOnly() => Aes.Create(); // safe:PK4002 AES

    public static RSA FromSetting(int bits) => RSA.Create(bits); // safe:PK4002 size decided by the caller (see ExportKeys)

    public static RSA ExportKeys() => FromSetting(1024); // vuln:PK4002 the caller passes 1024

    public static RSA ExportKeysStrong() => FromSetting(3072); // safe:PK4002 3072

    public static Aes EcbForInterop()
    {
        var aes = Aes.Create();
        var mode = CipherMode.ECB;
        aes.Mode = mode; // vuln:PK4002 ECB through a local
        return aes;
    }

    public static Aes CbcForInterop()
    {
        var aes = Aes.Create();
        var mode = CipherMode.CBC;
        aes.Mode = mode; // safe:PK4002 CBC through a local
        return aes;
    }

    public static ECDiffieHellman WeakExchange() => ECDiffieHellman.Create(ECCurve.CreateFromFriendlyName("secp160r1")); // vuln:PK4002 160-bit curve for key agreement

    public static ECDiffieHellman StrongExchange() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384); // safe:PK4002 P-384

    public static RSA Imported(RSAParameters parameters) => RSA.Create(parameters); // safe:PK4002 size comes from the imported key

    public static byte[] AesKeyWrap(Aes kek, byte[] key) => kek.EncryptEcb(key, PaddingMode.None); // vuln:PK4002 home-made key wrap with ECB

    public static int KeySize256() => Aes.Create().LegalKeySizes.Max(k => k.MaxSize); // safe:PK4002 reads sizes, creates no key
}

/// <summary>Randomness cases, some through helpers in other classes.</summary>
public static class RandomChoices
{
    private static readonly Random Shared = new();

    public static string VoucherCode() => Shared.Next(0, int.MaxValue).ToString("X8"); // vuln:PK4003 voucher worth money from a static Random

    public static string MagicLink() => Convert.ToBase64String(BitConverter.GetBytes(Shared.NextDouble())); // vuln:PK4003 sign-in link token from NextDouble

    public static string DeviceCode() => string.Create(8, Shared, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('A' + r.Next(26)); }); // vuln:PK4003 OAuth device code

    public static byte[] Salt() => BitConverter.GetBytes(DateTime.UtcNow.ToBinary()); // vuln:PK4003 timestamp as a password salt

    public static string RecoveryCode() => $"{Random.Shared.Next(10000):D5}-{Random.Shared.Next(10000):D5}"; // vuln:PK4003 2FA recovery code

    public static string RecoveryCodeSecure() => $"{RandomNumberGenerator.GetInt32(100000):D5}-{RandomNumberGenerator.GetInt32(100000):D5}"; // safe:PK4003 CSPRNG recovery code

    public static int Lottery(int tickets) => new Random(tickets).Next(tickets); // vuln:PK4003 prize draw anyone can precompute

    public static string ResetPin(string email) => ((email.Length * 7919 + DateTime.UtcNow.DayOfYear * 104729) % 1_000_000).ToString("D6"); // vuln:PK4003 computed from the e-mail length and the date: anyone can compute it

    public static Guid RequestId() => Guid.CreateVersion7(); // safe:PK4003 sortable request id, not a secret

    public static string UploadName(string extension) => System.IO.Path.GetRandomFileName() + extension; // safe:PK4003 collision avoidance, not a secret

    public static string Nonce() => Convert.ToHexString(MD5.HashData(BitConverter.GetBytes(Environment.TickCount64))); // vuln:PK4003 vuln:PK4001 hashing a counter (with MD5) does not make it random
}

/// <summary>More TLS client cases.</summary>
public static class MoreTlsClients
{
    public static HttpClient Partner(X509Certificate2 partnerCertificate) =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Equals(partnerCertificate) == true }); // safe:PK4004 exact certificate pin

    public static HttpClient DefaultSockets() => new(new SocketsHttpHandler()); // safe:PK4004 default validation

    public static SslClientAuthenticationOptions WithCrl() => new() { TargetHost = "ledger.example.com", CertificateRevocationCheckMode = X509RevocationMode.Online }; // safe:PK4004 revocation checked

    public static HttpClient Callback(Func<SslPolicyErrors, bool> policy) =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, errors) => policy(errors) && errors == SslPolicyErrors.None }); // safe:PK4004 extra policy on top of the platform result
}
