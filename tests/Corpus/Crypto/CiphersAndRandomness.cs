using System;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Corpus.Crypto;

public static class Ciphers
{
    public static SymmetricAlgorithm Legacy() => DES.Create(); // vuln:PK4002 DES
    public static SymmetricAlgorithm Mainframe() => TripleDES.Create(); // vuln:PK4002 3DES
    public static SymmetricAlgorithm OldArchive() => RC2.Create(); // vuln:PK4002 RC2
    public static SymmetricAlgorithm Modern() => Aes.Create(); // safe:PK4002 AES

    public static Aes Ecb()
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.ECB; // vuln:PK4002 ECB mode
        return aes;
    }

    public static Aes Cbc()
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.CBC; // safe:PK4002 CBC mode
        return aes;
    }

    public static byte[] EncryptEcb(Aes aes, byte[] data) => aes.EncryptEcb(data, PaddingMode.PKCS7); // vuln:PK4002 one-shot ECB
    public static byte[] EncryptCbc(Aes aes, byte[] data, byte[] iv) => aes.EncryptCbc(data, iv); // safe:PK4002 one-shot CBC
    public static RSA SmallRsa() => RSA.Create(1024); // vuln:PK4002 RSA 1024
    public static RSA Rsa() => RSA.Create(3072); // safe:PK4002 RSA 3072
    public static RSA TinyRsa() => new RSACryptoServiceProvider(512); // vuln:PK4002 RSA 512
    public static ECDsa P256() => ECDsa.Create(ECCurve.NamedCurves.nistP256); // safe:PK4002 P-256

    public static Aes Aes64()
    {
        var aes = Aes.Create();
        aes.KeySize = 256; // safe:PK4002 AES-256
        return aes;
    }
}

public static class Randomness
{
    private static readonly Random Shared = new();

    public static string OneTimeCode() => new Random().Next(100000, 999999).ToString(); // vuln:PK4003 OTP from System.Random
    public static string OneTimeCodeSecure() => RandomNumberGenerator.GetInt32(100000, 1000000).ToString(); // safe:PK4003 CSPRNG
    public static string ResetToken() => Guid.NewGuid().ToString("N")[..8]; // vuln:PK4003 truncated GUID as a token
    public static string ResetTokenSecure() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)); // safe:PK4003 32 random bytes

    public static byte[] Salt()
    {
        var salt = new byte[16];
        Random.Shared.NextBytes(salt); // vuln:PK4003 salt from Random.Shared
        return salt;
    }

    public static byte[] SaltSecure()
    {
        var salt = new byte[16];
        RandomNumberGenerator.Fill(salt); // safe:PK4003 CSPRNG salt
        return salt;
    }

    public static string ApiKey() => string.Concat(Enumerable.Range(0, 32).Select(_ => (char)('a' + Shared.Next(26)))); // vuln:PK4003 API key from a shared Random
    public static TimeSpan RetryJitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250)); // safe:PK4003 jitter is not a secret
    public static int[] ShuffleQuiz(int[] questions) => questions.OrderBy(_ => Random.Shared.Next()).ToArray(); // safe:PK4003 UI shuffle
    public static string SessionId() => DateTime.UtcNow.Ticks.ToString("x") + new Random().Next(); // vuln:PK4003 session id from time and Random
    public static Guid CorrelationId() => Guid.NewGuid(); // safe:PK4003 correlation id, not a secret
    public static string TemporaryPassword() => new Random(Environment.TickCount).Next().ToString("x8"); // vuln:PK4003 seeded Random for a password
}

public static class Certificates
{
    public static HttpClient TrustAll() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true, // vuln:PK4004 always-true callback
    });

    public static HttpClient Dangerous() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, // vuln:PK4004 DangerousAcceptAnyServerCertificateValidator
    });

    public static HttpClient Checked() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None, // safe:PK4004 defers to the platform result
    });

    public static HttpClient Pinned(string thumbprint) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None && cert!.GetCertHashString() == thumbprint, // safe:PK4004 pinning on top of validation
    });

    public static void GlobalTrustAll() =>
        ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true; // vuln:PK4004 process-wide trust-all

    public static SslStream Stream(System.IO.Stream inner) =>
        new(inner, false, (sender, cert, chain, errors) => true); // vuln:PK4004 SslStream trust-all

    public static SslStream StreamSafe(System.IO.Stream inner) =>
        new(inner, false, (sender, cert, chain, errors) => errors == SslPolicyErrors.None); // safe:PK4004 checks errors

    public static SocketsHttpHandler Sockets() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = delegate { return true; } }, // vuln:PK4004 anonymous delegate returns true
    };

    public static SocketsHttpHandler SocketsDefault() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { TargetHost = "api.example.com" }, // safe:PK4004 default validation
    };
}
