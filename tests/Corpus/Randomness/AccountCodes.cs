using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Randomness;

/// <summary>Short codes made by a generic helper, used for secrets in one place and for display in another.</summary>
public static class Codes
{
    private const string Digits = "0123456789";

    public static string Digits6()
    {
        var random = new Random();
        var builder = new StringBuilder();
        while (builder.Length < 6)
        {
            builder.Append(Digits[random.Next(Digits.Length)]);
        }

        return builder.ToString();
    }
}

public sealed class PhoneVerification
{
    public string NewSmsCode() => Codes.Digits6(); // vuln:PK4003 SMS code from a helper built on System.Random

    public string OrderNumberSuffix() => Codes.Digits6(); // safe:PK4003 order number suffix shown on receipts
}

public sealed class RecoveryKeys(Random random)
{
    public string Issue() => string.Join("-", Enumerable.Range(0, 4).Select(_ => random.Next(0, 0x10000).ToString("x4"))); // vuln:PK4003 recovery key from an injected Random

    public string IssueSecure() => string.Join("-", Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetHexString(4, lowercase: true))); // safe:PK4003 CSPRNG groups
}

public sealed record DownloadLink(long Slug, string FileId);

public sealed record PrivateShareLink(string Slug, string FileId);

public static class Downloads
{
    public static PrivateShareLink Share(string fileId) => new(Random.Shared.NextInt64().ToString("x"), fileId); // vuln:PK4003 private share link slug from Random

    public static PrivateShareLink ShareSecure(string fileId) => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), fileId); // safe:PK4003 CSPRNG slug

    public static string AuthorizeUrl(string clientId)
    {
        var state = DateTime.UtcNow.Ticks.ToString("x"); // vuln:PK4003 OAuth state from the clock
        return $"https://id.example.com/authorize?client_id={clientId}&state={state}";
    }

    public static string AuthorizeUrlSecure(string clientId)
    {
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // safe:PK4003 CSPRNG state
        return $"https://id.example.com/authorize?client_id={clientId}&state={state}";
    }

    public static string UnsubscribeCode(int subscriberId) => ((subscriberId * 48271 + 11) % 2_147_483_647).ToString("x"); // vuln:PK4003 formula over the subscriber id

    public static int Shard(int subscriberId) => subscriberId % 32; // safe:PK4003 shard number, not a secret

    public static long IssuedAt() => DateTimeOffset.UtcNow.ToUnixTimeSeconds(); // safe:PK4003 timestamp claim

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Pow(2, attempt) * 100 + Random.Shared.Next(0, 100)); // safe:PK4003 retry jitter
}
