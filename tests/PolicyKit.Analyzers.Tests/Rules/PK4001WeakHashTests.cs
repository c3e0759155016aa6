using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using PolicyKit.CodeFixes.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4001WeakHashAnalyzer, PolicyKit.CodeFixes.Rules.PK4001WeakHashFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4001WeakHashTests
{
    private static Task Error(string source, string found, string required) => PolicyVerifier<PK4001WeakHashAnalyzer>.Analyzer(
        source,
        PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(found, required));

    [Fact]
    public Task Flags_md5_create_for_a_file_checksum() => Verify.Analyzer("""
        using System.IO;
        using System.Security.Cryptography;
        class Checksums
        {
            public byte[] Of(Stream file)
            {
                using var md5 = [|MD5.Create()|];
                return md5.ComputeHash(file);
            }
        }
        """);

    [Fact]
    public Task Flags_sha1_hash_data() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class ETags { public byte[] For(byte[] body) => [|SHA1.HashData(body)|]; }
        """);

    [Fact]
    public Task Flags_md5_of_a_password_as_an_error() => Error("""
        using System.Security.Cryptography;
        using System.Text;
        class LegacyLogin
        {
            public byte[] Hash(string password) => {|#0:MD5.HashData(Encoding.UTF8.GetBytes(password))|};
        }
        """, "MD5", "SHA-256");

    [Fact]
    public Task Flags_sha1_instance_whose_compute_hash_reads_a_password_as_an_error() => Error("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        public class RegisterModel { public string Password { get; set; } = ""; }
        class AccountService
        {
            public string Store(RegisterModel model)
            {
                using var sha = {|#0:SHA1.Create()|};
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(model.Password)));
            }
        }
        """, "SHA-1", "SHA-256");

    [Fact]
    public Task Flags_crypto_service_provider_and_managed_constructors() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0021
        using System.Security.Cryptography;
        class Legacy
        {
            HashAlgorithm a = [|new MD5CryptoServiceProvider()|];
            HashAlgorithm b = [|new SHA1Managed()|];
            HashAlgorithm c = [|new SHA1CryptoServiceProvider()|];
        }
        """);

    [Fact]
    public Task Flags_hmac_md5_and_hmac_sha1() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Webhooks
        {
            public byte[] Sign(byte[] key, byte[] body) => [|HMACMD5.HashData(key, body)|];
            public KeyedHashAlgorithm Legacy(byte[] key) => [|new HMACSHA1(key)|];
        }
        """);

    [Fact]
    public Task Flags_hash_algorithm_create_and_crypto_config_with_weak_names() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0045
        using System.Security.Cryptography;
        class Factory
        {
            public HashAlgorithm? A() => [|HashAlgorithm.Create("MD5")|];
            public object? B() => [|CryptoConfig.CreateFromName("SHA1")|];
            public object? C() => [|CryptoConfig.CreateFromName("System.Security.Cryptography.HMACSHA1")|];
        }
        """);

    [Fact]
    public Task Flags_weak_hash_algorithm_names_passed_to_apis() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Signatures
        {
            public byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, [|HashAlgorithmName.SHA1|], RSASignaturePadding.Pkcs1);
            public IncrementalHash Stream() => IncrementalHash.CreateHash([|HashAlgorithmName.MD5|]);
        }
        """);

    [Fact]
    public Task Flags_rfc2898_without_a_hash_argument_as_an_error() => Error("""
        #pragma warning disable SYSLIB0041
        using System.Security.Cryptography;
        class KeyMaker
        {
            public byte[] Derive(string passphrase, byte[] salt) => {|#0:new Rfc2898DeriveBytes(passphrase, salt)|}.GetBytes(32);
        }
        """, "PBKDF2-HMAC-SHA1 with 1000 iterations", "SHA-256 and 100000 iterations");

    [Fact]
    public Task Flags_pbkdf2_with_too_few_iterations() => Error("""
        using System.Security.Cryptography;
        class PasswordStore
        {
            public byte[] Hash(string password, byte[] salt) =>
                {|#0:Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations: 10_000, HashAlgorithmName.SHA256, 32)|};
        }
        """, "PBKDF2-HMAC-SHA256 with 10000 iterations", "100000 iterations");

    [Fact]
    public Task Flags_pbkdf2_with_sha1_and_reports_once() => Error("""
        using System.Security.Cryptography;
        class PasswordStore
        {
            public byte[] Hash(string password, byte[] salt) =>
                {|#0:Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA1, 32)|};
        }
        """, "PBKDF2-HMAC-SHA1", "SHA-256");

    [Fact]
    public Task Flags_key_derivation_pbkdf2_with_hmacsha1() => Error("""
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        class Hasher
        {
            public byte[] Hash(string password, byte[] salt) =>
                {|#0:KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, 100_000, 32)|};
        }
        """, "PBKDF2-HMAC-SHA1", "SHA-256");

    [Fact]
    public Task Flags_identity_password_hasher_options_in_program() => TopLevelProgram<PK4001WeakHashAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<PasswordHasherOptions>(options =>
        {
            {|#0:options.IterationCount = 10_000|};
            {|#1:options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2|};
        });
        var app = builder.Build();
        app.Run();
        """,
        PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("PasswordHasherOptions.IterationCount = 10000", "100000 iterations"),
        PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("PasswordHasherCompatibilityMode.IdentityV2 (PBKDF2-HMAC-SHA1, 1000 iterations)", "SHA-256 and 100000 iterations"));

    [Fact]
    public Task Ignores_sha256_and_sha512() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Hashes
        {
            public byte[] A(byte[] d) => SHA256.HashData(d);
            public byte[] B(byte[] d) { using var h = SHA512.Create(); return h.ComputeHash(d); }
            public byte[] C(byte[] k, byte[] d) => HMACSHA256.HashData(k, d);
        }
        """);

    [Fact]
    public Task Ignores_instance_use_of_an_injected_hash_algorithm() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Hasher
        {
            private readonly HashAlgorithm algorithm;
            public Hasher(HashAlgorithm algorithm) => this.algorithm = algorithm;
            public byte[] Hash(byte[] data) => algorithm.ComputeHash(data);
        }
        """);

    [Fact]
    public Task Ignores_hash_algorithm_names_that_are_compared_not_chosen() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        class Guard
        {
            public void Check(HashAlgorithmName name)
            {
                if (name == HashAlgorithmName.SHA1 || name == HashAlgorithmName.MD5)
                    throw new NotSupportedException("weak hash");
            }
        }
        """);

    [Fact]
    public Task Ignores_strong_names_given_to_crypto_config() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Factory
        {
            public object? A() => CryptoConfig.CreateFromName("SHA256");
            public object? B(string configured) => CryptoConfig.CreateFromName(configured);
        }
        """);

    [Fact]
    public Task Ignores_pbkdf2_at_the_policy_minimum() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class PasswordStore
        {
            public byte[] Hash(string password, byte[] salt) =>
                Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA512, 64);
            public byte[] Derive(byte[] password, byte[] salt) =>
                new Rfc2898DeriveBytes(password, salt, 210_000, HashAlgorithmName.SHA256).GetBytes(32);
        }
        """);

    [Fact]
    public Task Ignores_pbkdf2_iterations_from_configuration() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class PasswordStore
        {
            private readonly int iterations;
            public PasswordStore(int iterations) => this.iterations = iterations;
            public byte[] Hash(string password, byte[] salt) =>
                Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        }
        """);

    [Fact]
    public Task Ignores_identity_hasher_options_at_or_above_the_minimum() => TopLevelProgram<PK4001WeakHashAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<PasswordHasherOptions>(o =>
        {
            o.IterationCount = 310_000;
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_key_derivation_with_hmacsha512() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        class Hasher
        {
            public byte[] Hash(string password, byte[] salt) =>
                KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA512, 210_000, 64);
        }
        """);

    [Fact]
    public Task Ignores_types_named_like_hashes_outside_system_security_cryptography() => Verify.NoDiagnostic("""
        namespace Vendor.Checksums
        {
            public static class MD5 { public static byte[] HashData(byte[] d) => d; public static object Create() => new object(); }
            class Use { byte[] X(byte[] d) { MD5.Create(); return MD5.HashData(d); } }
        }
        """);

    [Fact]
    public Task Fix_replaces_md5_create_with_sha256() => Verify.Fix("""
        using System.IO;
        using System.Security.Cryptography;
        class Checksums
        {
            public byte[] Of(Stream file)
            {
                using var md5 = [|MD5.Create()|];
                return md5.ComputeHash(file);
            }
        }
        """, """
        using System.IO;
        using System.Security.Cryptography;
        class Checksums
        {
            public byte[] Of(Stream file)
            {
                using var md5 = SHA256.Create();
                return md5.ComputeHash(file);
            }
        }
        """);

    [Fact]
    public Task Fix_replaces_sha1_hash_data_with_sha256() => Verify.Fix("""
        using System.Security.Cryptography;
        class ETags { public byte[] For(byte[] body) => [|System.Security.Cryptography.SHA1.HashData(body)|]; }
        """, """
        using System.Security.Cryptography;
        class ETags { public byte[] For(byte[] body) => System.Security.Cryptography.SHA256.HashData(body); }
        """);

    [Fact]
    public Task Fix_is_not_offered_when_the_variable_is_typed_md5() => Verify.NoFix("""
        using System.Security.Cryptography;
        class Checksums
        {
            public byte[] Of(byte[] data)
            {
                MD5 md5 = [|MD5.Create()|];
                return md5.ComputeHash(data);
            }
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_hash_data_into_a_fixed_buffer() => Verify.NoFix("""
        using System;
        using System.Security.Cryptography;
        class Checksums
        {
            public int Of(byte[] data, Span<byte> destination) => [|MD5.HashData(data, destination)|];
        }
        """);

    [Fact]
    public Task Flags_fast_approved_hash_of_a_password_as_an_error() => Error("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        class AccountStore
        {
            public string Hash(string newPassword) => Convert.ToHexString({|#0:SHA512.HashData(Encoding.UTF8.GetBytes(newPassword))|});
        }
        """, "SHA-512 of a password (no salt, no work factor)", "PBKDF2 with 100000 iterations");

    [Fact]
    public Task Ignores_approved_hashes_of_tokens_secrets_and_content() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        using System.Text;
        class Digests
        {
            public byte[] ResetToken(string passwordResetToken) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordResetToken));
            public byte[] ApiKey(string clientSecret) => SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret));
            public byte[] Peppered(byte[] pepper, string password) => HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(password));
            public byte[] Body(byte[] content) => SHA256.HashData(content);
        }
        """);

    [Fact]
    public Task Flags_a_weak_hash_name_chosen_by_a_helper() => PolicyVerifier<PK4001WeakHashAnalyzer>.Analyzer("""
        using System.Security.Cryptography;
        class PartnerFeed
        {
            private static HashAlgorithmName FeedHash() => HashAlgorithmName.SHA1;
            private static HashAlgorithmName ModernHash() => HashAlgorithmName.SHA256;
            public byte[] Sign(RSA key, byte[] feed) => key.SignData(feed, {|#0:FeedHash()|}, RSASignaturePadding.Pkcs1);
            public byte[] SignModern(RSA key, byte[] feed) => key.SignData(feed, ModernHash(), RSASignaturePadding.Pss);
            public bool IsLegacy(HashAlgorithmName name) => name == FeedHash();
        }
        """,
        PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(0).WithArguments("SHA-1 (chosen by FeedHash)", "SHA-256"));

    [Fact]
    public Task Flags_registering_a_password_hasher_that_hashes_once() => PolicyVerifier<PK4001WeakHashAnalyzer>.Analyzer("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;
        public sealed class Member { public string Id { get; set; } = ""; }
        public sealed class QuickHasher : IPasswordHasher<Member>
        {
            private static readonly byte[] Pepper = Encoding.UTF8.GetBytes("app");
            public string HashPassword(Member user, string input) => Convert.ToBase64String(HMACSHA384.HashData(Pepper, Encoding.UTF8.GetBytes(user.Id + input)));
            public PasswordVerificationResult VerifyHashedPassword(Member user, string stored, string input) =>
                stored == HashPassword(user, input) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
        }
        public static class Registration
        {
            public static IServiceCollection AddMembers(this IServiceCollection services) =>
                {|#0:services.AddScoped<IPasswordHasher<Member>, QuickHasher>()|};
        }
        """,
        PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("QuickHasher (one SHA-384 round for passwords)", "PBKDF2 with 100000 iterations"));

    [Fact]
    public Task Ignores_registering_a_password_hasher_that_derives_a_key() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;
        public sealed class Member { public string Id { get; set; } = ""; }
        public sealed class Pbkdf2Hasher : IPasswordHasher<Member>
        {
            public string HashPassword(Member user, string input)
            {
                var salt = RandomNumberGenerator.GetBytes(16);
                var derived = Rfc2898DeriveBytes.Pbkdf2(input, salt, 600_000, HashAlgorithmName.SHA512, 64);
                return Convert.ToBase64String(salt) + ":" + Convert.ToBase64String(SHA256.HashData(derived));
            }
            public PasswordVerificationResult VerifyHashedPassword(Member user, string stored, string input) => PasswordVerificationResult.Failed;
        }
        public static class Registration
        {
            public static IServiceCollection AddMembers(this IServiceCollection services) =>
                services.AddScoped<IPasswordHasher<Member>, Pbkdf2Hasher>().AddSingleton<IPasswordHasher<Member>, PasswordHasher<Member>>();
        }
        """);
}

