using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Crypto;

/// <summary>A hand-written Identity password hasher (the flaw is the construction).</summary>
public sealed class Sha512PasswordHasher : IPasswordHasher<ApplicationUser>
{
    public string HashPassword(ApplicationUser user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = SHA512.HashData(Encoding.UTF8.GetBytes(Convert.ToBase64String(salt) + password)); // vuln:PK4001 one salted SHA-512 round for passwords
        return Convert.ToBase64String(salt) + ":" + Convert.ToBase64String(hash);
    }

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        var parts = hashedPassword.Split(':');
        var expected = Convert.FromBase64String(parts[1]);
        var actual = SHA512.HashData(Encoding.UTF8.GetBytes(parts[0] + providedPassword)); // vuln:PK4001 verification with the same fast hash
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
    }
}

public static class PasswordKdfs
{
#pragma warning disable SYSLIB0041 // the obsolete constructor is the flaw (SHA-1, 1000 iterations)
    public static byte[] LegacyDerive(string password, byte[] salt)
    {
        using var kdf = new Rfc2898DeriveBytes(password, salt); // vuln:PK4001 defaults: HMAC-SHA1, 1000 iterations
        return kdf.GetBytes(32);
    }
#pragma warning restore SYSLIB0041

    public static byte[] Derive100k(string password, byte[] salt)
    {
        using var kdf = new Rfc2898DeriveBytes(password, salt, 100_000, HashAlgorithmName.SHA256); // vuln:PK4001 100,000 iterations, policy asks 600,000
        return kdf.GetBytes(32);
    }

    public static byte[] DerivePolicy(string password, byte[] salt)
    {
        using var kdf = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256); // safe:PK4001 policy iterations
        return kdf.GetBytes(32);
    }

    public static byte[] DeriveSpan(ReadOnlySpan<char> password, ReadOnlySpan<byte> salt)
    {
        Span<byte> output = stackalloc byte[32];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, output, 600_000, HashAlgorithmName.SHA512); // safe:PK4001 PBKDF2-SHA512 at the policy iterations
        return output.ToArray();
    }

    private const int Iterations = 50_000;

    public static byte[] DeriveConst(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32); // vuln:PK4001 iterations through a constant
}

public static class IntegrityHashes
{
    public static string Webhook(byte[] secret, string body) => Convert.ToHexString(HMACMD5.HashData(secret, Encoding.UTF8.GetBytes(body))); // vuln:PK4001 HMAC-MD5 signature

    public static string WebhookStrong(byte[] secret, string body) => Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body))); // safe:PK4001 HMAC-SHA256

    public static string ApiSignature(byte[] secret, string canonical)
    {
        using var hmac = new HMACSHA1(secret); // vuln:PK4001 HMAC-SHA1 request signing
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string ApiSignatureStrong(byte[] secret, string canonical)
    {
        using var hmac = new HMACSHA512(secret); // safe:PK4001 HMAC-SHA512
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonical)));
    }

    public static byte[] StreamMac(byte[] key, Stream content)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, key); // vuln:PK4001 incremental HMAC-MD5
        var buffer = new byte[8192];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            mac.AppendData(buffer, 0, read);
        }

        return mac.GetHashAndReset();
    }

    public static async Task<string> UploadFingerprint(Stream upload) => Convert.ToHexString(await SHA1.HashDataAsync(upload)); // vuln:PK4001 SHA-1 fingerprint (policy forbids SHA-1)

    public static async Task<string> UploadFingerprintStrong(Stream upload) => Convert.ToHexString(await SHA256.HashDataAsync(upload)); // safe:PK4001 SHA-256

    public static string Md5Stream(Stream content)
    {
        using var md5 = MD5.Create(); // vuln:PK4001 MD5 instance
        return Convert.ToHexString(md5.ComputeHash(content));
    }

#pragma warning disable SYSLIB0045 // the obsolete factory is how the legacy code picks its algorithm
    public static HashAlgorithm? ByName() => HashAlgorithm.Create("SHA1"); // vuln:PK4001 SHA-1 by name

    public static HashAlgorithm? ByNameStrong() => HashAlgorithm.Create("SHA384"); // safe:PK4001 SHA-384 by name
#pragma warning restore SYSLIB0045

    public static string RefreshTokenDigest(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken))); // safe:PK4001 random 256-bit token, a fast hash is fine

    public static byte[] SessionKey(byte[] masterKey, byte[] info) => HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: info); // safe:PK4001 HKDF from a high-entropy key

    public static byte[] Sha3(byte[] data) => SHA3_256.IsSupported ? SHA3_256.HashData(data) : SHA256.HashData(data); // safe:PK4001 SHA3-256 or SHA-256
}

public static class Signatures
{
    public static byte[] EcdsaSha1(ECDsa key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA1); // vuln:PK4001 ECDSA over SHA-1

    public static byte[] EcdsaSha256(ECDsa key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA256); // safe:PK4001 ECDSA over SHA-256

    public static CertificateRequest Sha1Certificate(RSA key) =>
        new("CN=shop-device", key, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1); // vuln:PK4001 certificate signed with SHA-1

    public static CertificateRequest Sha384Certificate(RSA key) =>
        new("CN=shop-device", key, HashAlgorithmName.SHA384, RSASignaturePadding.Pss); // safe:PK4001 SHA-384 certificate

    public static bool VerifyMd5(RSA key, byte[] data, byte[] signature) => key.VerifyData(data, signature, HashAlgorithmName.MD5, RSASignaturePadding.Pkcs1); // vuln:PK4001 accepts MD5 signatures

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256); // safe:PK4001 SHA-256 thumbprint
}

public static class HasherRegistration
{
    public static IServiceCollection AddDefaultIterations(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 100_000); // vuln:PK4001 Identity's .NET 7 default, below the policy

    public static IServiceCollection AddCustomHasher(this IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<ApplicationUser>, Sha512PasswordHasher>(); // vuln:PK4001 swaps Identity's PBKDF2 for one SHA-512 round

    public static IServiceCollection AddStrongIterations(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000_000); // safe:PK4001 above the policy
}
