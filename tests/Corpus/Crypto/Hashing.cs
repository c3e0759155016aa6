using System;
using System.Security.Cryptography;
using System.Text;
using Corpus.Data;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Crypto;

public static class PasswordHashing
{
    public static string Md5Password(string password) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password))); // vuln:PK4001 MD5 of a password

    public static string Sha1Password(string password, byte[] salt)
    {
        using var sha1 = SHA1.Create(); // vuln:PK4001 SHA-1 instance
        return Convert.ToBase64String(sha1.ComputeHash(Combine(salt, Encoding.UTF8.GetBytes(password))));
    }

    public static string Pbkdf2Weak(string password, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, 10_000, HashAlgorithmName.SHA256, 32)); // vuln:PK4001 iterations below 600000

    public static string Pbkdf2Sha1(string password, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA1, 32)); // vuln:PK4001 PBKDF2 with SHA-1

    public static string Pbkdf2Strong(string password, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32)); // safe:PK4001 policy iterations and hash

    public static string Pbkdf2Sha512(string password, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, 700_000, HashAlgorithmName.SHA512, 64)); // safe:PK4001 stronger than the policy

    public static byte[] KeyDerivationWeak(string password, byte[] salt) =>
        KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, 1000, 32); // vuln:PK4001 ASP.NET KeyDerivation with HMACSHA1 and 1000 iterations

    public static byte[] KeyDerivationStrong(string password, byte[] salt) =>
        KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA256, 600_000, 32); // safe:PK4001 HMACSHA256 600000

    public static string Sha256Password(string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))); // vuln:PK4001 fast unsalted hash of a password

    private static byte[] Combine(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }
}

public static class IntegrityHashing
{
    public static string FileChecksum(byte[] content) => Convert.ToHexString(SHA256.HashData(content)); // safe:PK4001 SHA-256 checksum

    public static string LegacyChecksum(byte[] content) => Convert.ToHexString(MD5.HashData(content)); // vuln:PK4001 MD5 checksum

    public static string ETag(byte[] content) => "\"" + Convert.ToBase64String(SHA1.HashData(content)) + "\""; // vuln:PK4001 SHA-1 ETag

    public static string ETagStrong(byte[] content) => "\"" + Convert.ToBase64String(SHA384.HashData(content)) + "\""; // safe:PK4001 SHA-384

    public static byte[] Incremental(byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5); // vuln:PK4001 incremental MD5
        foreach (var part in parts) hash.AppendData(part);
        return hash.GetHashAndReset();
    }

    public static byte[] IncrementalStrong(byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256); // safe:PK4001 incremental SHA-256
        foreach (var part in parts) hash.AppendData(part);
        return hash.GetHashAndReset();
    }

    public static byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1); // vuln:PK4001 SHA-1 signature

    public static byte[] SignStrong(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); // safe:PK4001 SHA-256 signature

    public static byte[] Mac(byte[] key, byte[] data) => HMACSHA256.HashData(key, data); // safe:PK4001 HMAC-SHA256

    public static byte[] Sha512(byte[] data)
    {
        using var sha = SHA512.Create(); // safe:PK4001 SHA-512 instance
        return sha.ComputeHash(data);
    }

    public static string Md5Named(string fileName) => fileName + ".md5"; // safe:PK4001 a file name, no hashing
}

public static class HasherSetup
{
    public static void AddLegacyHasher(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2); // vuln:PK4001 Identity V2 hasher (PBKDF2-SHA1, 1000 iterations)

    public static void AddFastHasher(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 10_000); // vuln:PK4001 iterations below the policy

    public static void AddStrongHasher(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 600_000); // safe:PK4001 policy iterations

    public static void AddV3Hasher(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3); // safe:PK4001 V3 format
}
