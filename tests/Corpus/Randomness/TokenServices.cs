using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;

namespace Corpus.Randomness;

public sealed record ShareLink(long Id, string OwnerId);

public sealed class InvitationService
{
    public string NewInvitationCode() => RandomStrings.Alphanumeric(10); // vuln:PK4003#alnum invitation code grants team access

    public string NewInvitationCodeSecure() => RandomStrings.Secure(10); // safe:PK4003#secure-alnum
}

public sealed class PasswordResetTokens(Random random)
{
    public string Create() => random.Next().ToString("x8") + random.Next().ToString("x8"); // vuln:PK4003 injected System.Random for reset tokens

    public string CreateSecure() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)); // safe:PK4003 256 random bits
}

public sealed class GiftCards
{
    public string Number()
    {
        var random = new Random();
        return string.Concat(Enumerable.Range(0, 16).Select(_ => random.Next(10))); // vuln:PK4003 gift card number (spendable) from System.Random
    }

    public string NumberSecure() => string.Concat(Enumerable.Range(0, 16).Select(_ => RandomNumberGenerator.GetInt32(10))); // safe:PK4003 CSPRNG digits

    public string Pin() => Random.Shared.Next(0, 10_000).ToString("D4"); // vuln:PK4003 card PIN

    public string PinSecure() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4"); // safe:PK4003 CSPRNG PIN
}

public static class ApiKeys
{
    public static string Create()
    {
        var buffer = new byte[32];
        Random.Shared.NextBytes(buffer); // vuln:PK4003 API key bytes from Random.Shared
        return Convert.ToBase64String(buffer);
    }

    public static string CreateSecure()
    {
        Span<byte> buffer = stackalloc byte[32];
        RandomNumberGenerator.Fill(buffer); // safe:PK4003 RandomNumberGenerator.Fill
        return Convert.ToBase64String(buffer);
    }

    public static string Prefixed() => "sk_live_" + Random.Shared.NextInt64().ToString("x16"); // vuln:PK4003 64-bit value from a non-cryptographic generator

    public static string PrefixedSecure() => "sk_live_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(); // safe:PK4003 CSPRNG
}

public sealed class EmailVerification
{
    public int Code() => new Random(DateTime.Now.Millisecond).Next(100_000, 1_000_000); // vuln:PK4003 seeded with the millisecond: 1000 possible sequences

    public int CodeSecure() => RandomNumberGenerator.GetInt32(100_000, 1_000_000); // safe:PK4003 CSPRNG
}

public static class SymmetricMaterial
{
    public static byte[] Iv()
    {
        var iv = new byte[16];
        new Random().NextBytes(iv); // vuln:PK4003 predictable IV
        return iv;
    }

    public static byte[] IvSecure()
    {
        using var aes = Aes.Create();
        aes.GenerateIV(); // safe:PK4003 AES generates its IV from the CSPRNG
        return aes.IV;
    }

    public static byte[] Key()
    {
        var key = new byte[32];
        var random = new Random(Environment.TickCount);
        random.NextBytes(key); // vuln:PK4003 AES key from a tick-seeded Random
        return key;
    }

    public static byte[] KeySecure() => RandomNumberGenerator.GetBytes(32); // safe:PK4003 CSPRNG key

    public static byte[] HmacKey() => Enumerable.Range(0, 64).Select(_ => (byte)Random.Shared.Next(256)).ToArray(); // vuln:PK4003 HMAC key bytes from Random.Shared
}

public static class SecurityNonces
{
    public static string CspNonce() => Convert.ToBase64String(BitConverter.GetBytes(Random.Shared.NextInt64())); // vuln:PK4003 script nonce an attacker can predict

    public static string CspNonceSecure() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)); // safe:PK4003 CSPRNG nonce

    public static string TickNonce() => Environment.TickCount64.ToString("x"); // vuln:PK4003 uptime counter as a nonce

    public static string TimestampState() => DateTime.UtcNow.Ticks.ToString(); // vuln:PK4003 OAuth state from the clock
}

public sealed class ShareLinks(ShopDbContext db)
{
    public async Task<ShareLink> CreateAsync(string ownerId)
    {
        var link = new ShareLink(Random.Shared.NextInt64(), ownerId); // vuln:PK4003 unguessable-link id from Random
        await db.SaveChangesAsync();
        return link;
    }

    public async Task<ShareLink> CreateSecureAsync(string ownerId)
    {
        var link = new ShareLink(BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue, ownerId); // safe:PK4003 CSPRNG link id
        await db.SaveChangesAsync();
        return link;
    }
}

public static class TemporaryPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate()
    {
        var random = new Random();
        var chars = new List<char>();
        for (var i = 0; i < 4; i++)
        {
            chars.Add(Upper[random.Next(Upper.Length)]);
            chars.Add(Lower[random.Next(Lower.Length)]);
            chars.Add(Digits[random.Next(Digits.Length)]);
        }

        return new string(chars.OrderBy(_ => random.Next()).ToArray()); // vuln:PK4003 temporary password from System.Random
    }

    public static string GenerateSecure()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Upper + Lower + Digits, 12);
        RandomNumberGenerator.Shuffle(chars.AsSpan()); // safe:PK4003 CSPRNG items and shuffle
        return new string(chars);
    }

    public static string Unlock(int userId) => new Random(userId).Next(100_000, 999_999).ToString(); // vuln:PK4003 seeded with the user id: anyone can compute it

    public static Task<string> IdentityToken(UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.GeneratePasswordResetTokenAsync(user); // safe:PK4003 Identity's data-protected token
}

/// <summary>Randomness where predictability harms nobody.</summary>
public sealed class NonSecretRandomness(Random random)
{
    public bool InExperiment(string userId) => random.NextDouble() < 0.1; // safe:PK4003 A/B bucket

    public TimeSpan CacheTtl() => TimeSpan.FromSeconds(300 + Random.Shared.Next(0, 60)); // safe:PK4003 cache stampede jitter

    public bool Sample() => Random.Shared.Next(100) == 0; // safe:PK4003 1% log sampling

    public T PickReplica<T>(IReadOnlyList<T> replicas) => replicas[Random.Shared.Next(replicas.Count)]; // safe:PK4003 load spreading

    public string TipOfTheDay(string[] tips) => tips[random.Next(tips.Length)]; // safe:PK4003 UI content

    public string CacheBuster() => "?v=" + Random.Shared.Next(); // safe:PK4003 cache-busting query value

    public IEnumerable<Product> Recommendations(IEnumerable<Product> products) => products.OrderBy(_ => Random.Shared.Next()).Take(4); // safe:PK4003 recommendation shuffle

    public int[] SeedDemoStock(int count)
    {
        var seeded = new Random(42);
        return Enumerable.Range(0, count).Select(_ => seeded.Next(0, 500)).ToArray(); // safe:PK4003 deterministic demo data
    }
}

public sealed class Captcha
{
    public string Answer() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 6); // safe:PK4003 answer from the CSPRNG

    public string AnswerWeak() => RandomStrings.Alphanumeric(6); // vuln:PK4003#alnum captcha answer predictable

    public (int X, int Y)[] Noise() => Enumerable.Range(0, 40).Select(_ => (Random.Shared.Next(200), Random.Shared.Next(60))).ToArray(); // safe:PK4003 noise pixels
}
