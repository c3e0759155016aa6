using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Holdout.Crypto;

public static class Secrets
{
    private const string ApiKey = "sk_live_51Hx9QpL2vT8mN3rK7yW4zB6cD"; // vuln:PK2001 live API key constant
    public const string DbConn = "Server=prod-sql;Database=Shop;User Id=sa;Password=Winter2024!;"; // vuln:PK2001 password in connection string
    public const string LocalConn = "Server=(localdb)\\MSSQLLocalDB;Database=Shop;Trusted_Connection=True;"; // safe:PK2001 integrated security

    public static HttpClient Client()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public static NetworkCredential Smtp() => new NetworkCredential("mailer", "P@ssw0rd123"); // vuln:PK2001 credential literal

    public static NetworkCredential SmtpFromEnv() => new NetworkCredential("mailer", Environment.GetEnvironmentVariable("SMTP_PASSWORD")); // safe:PK2001 from the environment

    public static SymmetricSecurityKey SigningKey() =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes("this-is-my-super-secret-jwt-signing-key-123456")); // vuln:PK2002 JWT key literal
}

public static class Hashing
{
    public static string HashPassword(string password)
    {
        using var sha = SHA1.Create(); // vuln:PK4001 SHA-1 for passwords
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(password)));
    }

    public static string Fingerprint(byte[] file) => Convert.ToHexString(MD5.HashData(file)); // vuln:PK4001 MD5

    public static string Fingerprint256(byte[] file) => Convert.ToHexString(SHA256.HashData(file)); // safe:PK4001 SHA-256

    public static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA256, 32); // vuln:PK4001 1000 iterations

    public static byte[] DeriveStrong(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32); // safe:PK4001 600k iterations
}

public static class Ciphers
{
    public static byte[] Encrypt(byte[] data, byte[] key)
    {
        using var des = TripleDES.Create(); // vuln:PK4002 3DES
        des.Key = key;
        return des.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public static byte[] EncryptEcb(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB; // vuln:PK4002 ECB
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public static byte[] EncryptGcm(byte[] data, byte[] key, byte[] nonce, byte[] tag)
    {
        using var gcm = new AesGcm(key, 16); // safe:PK4002 AES-GCM
        var output = new byte[data.Length];
        gcm.Encrypt(nonce, data, output, tag);
        return output;
    }

    public static RSA Weak() => RSA.Create(1024); // vuln:PK4002 1024-bit RSA
}

public static class Tokens
{
    private static readonly Random Rng = new();

    public static string ResetToken()
    {
        var bytes = new byte[32];
        Rng.NextBytes(bytes); // vuln:PK4003 reset token from System.Random
        return Convert.ToBase64String(bytes);
    }

    public static string ResetTokenSafe() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // safe:PK4003 CSPRNG

    public static int OneTimeCode() => new Random().Next(100000, 999999); // vuln:PK4003 OTP from Random

    public static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)); // safe:PK4003 retry jitter
}

public static class Tls
{
    public static HttpClient Insecure()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true, // vuln:PK4004 accept any certificate
        };
        return new HttpClient(handler);
    }

    public static HttpClient InsecureDanger() => new(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }); // vuln:PK4004 dangerous validator

    public static void Global() => ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true; // vuln:PK4004 global callback

    public static HttpClient Pinned(string thumbprint) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => errors == SslPolicyErrors.None && cert!.GetCertHashString() == thumbprint, // safe:PK4004 pinned and valid
    });

    public static Uri Endpoint() => new Uri("http://payments.example.com/api/charge"); // vuln:PK4005 cleartext payment API

    public static Uri Local() => new Uri("http://localhost:5000/health"); // safe:PK4005 loopback
}
