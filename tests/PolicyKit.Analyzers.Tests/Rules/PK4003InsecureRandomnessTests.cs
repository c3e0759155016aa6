using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4003InsecureRandomnessAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4003InsecureRandomnessTests
{
    [Fact]
    public Task Flags_random_verification_code_in_a_local() => Verify.Analyzer("""
        using System;
        class Otp
        {
            public string Send()
            {
                var code = {|#0:Random.Shared.Next(100000, 999999)|}.ToString();
                return code;
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("System.Random", "code"));

    [Fact]
    public Task Flags_random_reset_token_assigned_to_a_property() => Verify.Analyzer("""
        using System;
        public class User { public string? PasswordResetToken { get; set; } }
        class ResetService
        {
            private readonly Random random = new Random();
            public void Start(User user) { user.PasswordResetToken = [|random.Next()|].ToString("x8"); }
        }
        """);

    [Fact]
    public Task Flags_random_password_built_in_a_generator_method() => Verify.Analyzer("""
        using System;
        using System.Text;
        class Passwords
        {
            private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            public static string GenerateTemporaryPassword(int length)
            {
                var random = new Random();
                var sb = new StringBuilder();
                for (var i = 0; i < length; i++)
                {
                    var index = [|random.Next(Alphabet.Length)|];
                    sb.Append(Alphabet[index]);
                }
                return sb.ToString();
            }
        }
        """);

    [Fact]
    public Task Flags_the_linq_select_idiom_returning_a_token() => Verify.Analyzer("""
        using System;
        using System.Linq;
        class Tokens
        {
            private static readonly Random Rng = new();
            public string CreateApiKey() =>
                new string(Enumerable.Repeat("ABCDEF0123456789", 32).Select(s => s[[|Rng.Next(s.Length)|]]).ToArray());
        }
        """);

    [Fact]
    public Task Flags_next_bytes_into_a_salt() => Verify.Analyzer("""
        using System;
        class Hasher
        {
            public byte[] Hash(string password)
            {
                var salt = new byte[16];
                [|new Random().NextBytes(salt)|];
                return salt;
            }
        }
        """);

    [Fact]
    public Task Flags_random_key_bytes_in_a_field_initializer() => Verify.Analyzer("""
        using System;
        class Crypto
        {
            private static readonly Random R = new(42);
            private static readonly int SessionKey = [|R.Next()|];
        }
        """);

    [Fact]
    public Task Flags_guid_fragment_used_as_a_temporary_password() => Verify.Analyzer("""
        using System;
        class Accounts
        {
            public string IssueTemporaryPassword() => [|Guid.NewGuid().ToString("N").Substring(0, 8)|];
        }
        """);

    [Fact]
    public Task Flags_guid_range_used_as_a_confirmation_code() => Verify.Analyzer("""
        using System;
        class Mail
        {
            public void Send(string email)
            {
                var confirmationCode = [|Guid.NewGuid().ToString("N")[..6]|].ToUpperInvariant();
                Console.WriteLine(email + confirmationCode.Length);
            }
        }
        """);

    [Fact]
    public Task Flags_ticks_used_as_a_token() => Verify.Analyzer("""
        using System;
        class Links
        {
            public string MakeLink()
            {
                var token = [|DateTime.Now.Ticks|].ToString();
                return "/confirm?t=" + token.Length;
            }
        }
        """);

    [Fact]
    public Task Flags_random_otp_in_a_minimal_api_endpoint() => TopLevelProgram<PK4003InsecureRandomnessAnalyzer>.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/otp", (HttpContext http) =>
        {
            var otp = [|Random.Shared.Next(0, 1_000_000)|].ToString("D6");
            http.Session.SetString("otp", otp);
            return Results.Ok();
        });
        app.Run();
        """);

    [Fact]
    public Task Flags_random_passed_to_a_parameter_named_like_a_code() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        interface ISms { Task SendAsync(string phone, int verificationCode); }
        class TwoFactor
        {
            public Task Start(ISms sms, string phone) => sms.SendAsync(phone, [|Random.Shared.Next(100000, 999999)|]);
        }
        """);

    [Fact]
    public Task Ignores_random_for_retry_jitter_and_delays() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        class Retry
        {
            public async Task SendTokenAsync(Func<Task> send)
            {
                var jitter = Random.Shared.Next(0, 250);
                await Task.Delay(TimeSpan.FromMilliseconds(100 + jitter));
                await Task.Delay(Random.Shared.Next(100, 500));
                await send();
            }
        }
        """);

    [Fact]
    public Task Ignores_random_for_shuffling_and_sampling() => Verify.NoDiagnostic("""
        using System;
        using System.Collections.Generic;
        class Quiz
        {
            public T Pick<T>(IList<T> questions) => questions[Random.Shared.Next(questions.Count)];
            public void Shuffle(int[] deck) { Random.Shared.Shuffle(deck); }
            public bool Sampled() => Random.Shared.NextDouble() < 0.1;
        }
        """);

    [Fact]
    public Task Ignores_random_colors_and_test_data() => Verify.NoDiagnostic("""
        using System;
        class Avatars
        {
            public string Color() { var color = $"#{Random.Shared.Next(0x1000000):X6}"; return color; }
            public string FakePassword() { var testPassword = Random.Shared.Next().ToString(); return testPassword; }
        }
        """);

    [Fact]
    public Task Ignores_random_number_generator() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        class Tokens
        {
            public string CreateResetToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            public int CreateCode() { var code = RandomNumberGenerator.GetInt32(100000, 1000000); return code; }
        }
        """);

    [Fact]
    public Task Ignores_a_whole_guid_used_as_an_identifier() => Verify.NoDiagnostic("""
        using System;
        public class Order { public Guid Id { get; set; } public string Reference { get; set; } = ""; }
        class Orders
        {
            public Order Create() => new Order { Id = Guid.NewGuid(), Reference = Guid.NewGuid().ToString("N") };
            public string CorrelationToken() => Guid.NewGuid().ToString();
        }
        """);

    [Fact]
    public Task Ignores_ticks_in_file_names_and_time_seeded_random_for_games() => Verify.NoDiagnostic("""
        using System;
        class Export
        {
            public string FileName() => $"export-{DateTime.Now.Ticks}.csv";
            public int RollDice() { var rng = new Random(Environment.TickCount); return rng.Next(1, 7); }
        }
        """);

    [Fact]
    public Task Ignores_random_in_methods_with_neutral_names() => Verify.NoDiagnostic("""
        using System;
        using System.Collections.Generic;
        class Quotes
        {
            private readonly List<string> quotes = new() { "a", "b" };
            public string QuoteOfTheDay() { var index = Random.Shared.Next(quotes.Count); return quotes[index]; }
        }
        """);

    [Fact]
    public Task Ignores_cache_keys_and_status_codes() => Verify.NoDiagnostic("""
        using System;
        class Demo
        {
            public string Run()
            {
                var cacheKey = "item:" + Random.Shared.Next(10);
                var statusCode = Random.Shared.Next(200, 204);
                return cacheKey + statusCode;
            }
        }
        """);

    [Fact]
    public Task Ignores_random_compared_inside_a_token_method() => Verify.NoDiagnostic("""
        using System;
        class Tokens
        {
            public string GenerateToken(Func<string> secure)
            {
                if (Random.Shared.Next(100) < 5) Console.WriteLine("sampled");
                return secure();
            }
        }
        """);

    [Fact]
    public Task Flags_random_returned_by_a_neutral_method_of_a_type_named_for_secrets() => Verify.Analyzer("""
        using System;
        using System.Linq;
        public sealed class UnlockPins(Random rng)
        {
            public string Draw() => [|rng.Next(0, 10_000)|].ToString("D4");
        }
        public sealed class RecoveryKeys(Random rng)
        {
            public string Issue() => string.Join("-", new[] { 0, 1, 2 }.Select(_ => [|rng.Next(0, 0x10000)|].ToString("x4")));
        }
        public static class SessionKeys
        {
            public static byte[] Create()
            {
                var material = new byte[32];
                [|Random.Shared.NextBytes(material)|];
                return material;
            }
        }
        """);

    [Fact]
    public Task Flags_voucher_device_state_and_magic_link_values() => Verify.Analyzer("""
        using System;
        class Onboarding
        {
            private static readonly Random Rng = new();
            public string IssueVoucherCode() => [|Rng.NextInt64()|].ToString("X12");
            public string DeviceUserCode() => string.Create(8, Rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('B' + [|r.Next(20)|]); });
            public string Authorize(string clientId)
            {
                var state = [|Rng.Next()|].ToString("x8");
                return $"https://login.example.com/authorize?client_id={clientId}&state={state}";
            }
            public string MagicLinkSlug() => Convert.ToBase64String(BitConverter.GetBytes([|Rng.NextDouble()|]));
            public int RaffleWinner(int entrants) => [|new Random(entrants).Next(entrants)|];
        }
        """);

    [Fact]
    public Task Flags_random_passed_to_the_constructor_of_a_capability_link() => Verify.Analyzer("""
        using System;
        public sealed record InviteLink(long Slug, string TeamId);
        class Teams
        {
            public InviteLink Invite(string teamId) => new InviteLink([|Random.Shared.NextInt64()|], teamId);
        }
        """);

    [Fact]
    public Task Flags_a_clock_reading_returned_as_a_salt() => Verify.Analyzer("""
        using System;
        class Salts
        {
            public static byte[] NewSalt() => BitConverter.GetBytes([|DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()|]);
            public static string RequestNonce() => [|System.Diagnostics.Stopwatch.GetTimestamp()|].ToString("x");
        }
        """);

    [Fact]
    public Task Flags_a_code_computed_from_public_inputs() => Verify.Analyzer("""
        using System;
        class Unlocks
        {
            public string UnlockCode(int accountId) => ([|(accountId * 31337 + DateTime.Today.Day) % 100000|]).ToString("D5");
            public int EmailPin(string email) => [|(email.GetHashCode() ^ 0x5bd1e995) % 10000|];
        }
        """);

    [Fact]
    public Task Ignores_the_clock_as_the_counter_of_a_keyed_one_time_code() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        class Totp
        {
            public string GenerateTotp(byte[] secret)
            {
                var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                return Compute(secret, counter);
            }
            public string GenerateCode(byte[] secret) => Compute(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
            private static string Compute(byte[] secret, long counter)
            {
                var hash = HMACSHA1.HashData(secret, BitConverter.GetBytes(counter));
                var offset = hash[^1] & 0x0f;
                var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
                var otp = binary % 1_000_000;
                return otp.ToString("D6");
            }
        }
        """);

    [Fact]
    public Task Ignores_the_clock_in_claims_and_neutral_methods_of_other_types() => Verify.NoDiagnostic("""
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        class Tokens
        {
            public List<Claim> GenerateTokenClaims(string userId)
            {
                var claims = new List<Claim> { new Claim("sub", userId) };
                claims.Add(new Claim("iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ClaimValueTypes.Integer64));
                return claims;
            }
        }
        class TokenBucketLimiter
        {
            public int Refill() => Random.Shared.Next(1, 5);
        }
        class NotSecretSampler
        {
            public string Pick(string[] banners) => banners[Random.Shared.Next(banners.Length)];
        }
        public sealed record Page(int Number, string Title);
        class Pages
        {
            public Page Any() => new Page(Random.Shared.Next(1, 10), "random page");
            public int Bucket(int userId) => userId % 16;
            public string ShardKey(int tenantId) => (tenantId % 8).ToString();
            public string FormatCode(int truncatedHmac) => (truncatedHmac % 1_000_000).ToString("D6");
            public int OneTimeCode(int binary) => (binary & 0x7fffffff) % 1_000_000;
        }
        """);
}

