using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Policy;

/// <summary>The same code, two policy files, two results: the thresholds come from policykit.json, not from the rules.</summary>
public sealed class PolicyDrivenThresholdTests
{
    private const string Rsa2048 = """
        using System.Security.Cryptography;
        class Signer { RSA Create() => RSA.Create(2048); }
        """;

    [Fact]
    public Task Rsa_2048_passes_under_the_baseline() =>
        PolicyVerifier<PK4002WeakCipherAnalyzer>.NoDiagnostic(Rsa2048);

    [Fact]
    public Task Rsa_2048_passes_under_a_policy_of_2048() =>
        PolicyVerifier<PK4002WeakCipherAnalyzer>.NoDiagnostic(Rsa2048, """{ "encryption": { "minimumKeySizes": { "RSA": 2048 } } }""");

    [Fact]
    public Task Rsa_2048_fails_under_the_asvs5_l2_profile_which_asks_for_3072() =>
        PolicyVerifier<PK4002WeakCipherAnalyzer>.Analyzer("""{ "profiles": ["asvs5-l2"] }""", """
            using System.Security.Cryptography;
            class Signer { RSA Create() => [|RSA.Create(2048)|]; }
            """);

    private const string Tls12 = """
        using System.Net.Security;
        using System.Security.Authentication;
        class Client { SslClientAuthenticationOptions Options() => new() { EnabledSslProtocols = SslProtocols.Tls12 }; }
        """;

    [Fact]
    public Task Tls_1_2_passes_under_the_baseline() =>
        PolicyVerifier<PK4005CleartextTransportAnalyzer>.NoDiagnostic(Tls12);

    [Fact]
    public Task Tls_1_2_fails_under_a_policy_requiring_tls_1_3() =>
        PolicyVerifier<PK4005CleartextTransportAnalyzer>.Analyzer("""{ "encryption": { "minimumTlsVersion": "1.3" } }""", """
            using System.Net.Security;
            using System.Security.Authentication;
            class Client { SslClientAuthenticationOptions Options() => new() { EnabledSslProtocols = [|SslProtocols.Tls12|] }; }
            """);

    private const string Pbkdf2 = """
        using System.Security.Cryptography;
        class Hasher { byte[] Hash(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 200_000, HashAlgorithmName.SHA256, 32); }
        """;

    [Fact]
    public Task Pbkdf2_with_200000_iterations_passes_under_the_baseline() =>
        PolicyVerifier<PK4001WeakHashAnalyzer>.NoDiagnostic(Pbkdf2);

    [Fact]
    public Task Pbkdf2_with_200000_iterations_fails_under_a_policy_of_600000() =>
        PolicyVerifier<PK4001WeakHashAnalyzer>.Analyzer("""{ "password": { "hashing": { "algorithm": "PBKDF2-HMAC-SHA256", "minimumIterations": 600000 } } }""", """
            using System.Security.Cryptography;
            class Hasher { byte[] Hash(string password, byte[] salt) => {|#0:Rfc2898DeriveBytes.Pbkdf2(password, salt, 200_000, HashAlgorithmName.SHA256, 32)|}; }
            """,
            PolicyVerifier<PK4001WeakHashAnalyzer>.Diagnostic().WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .WithArguments("PBKDF2-HMAC-SHA256 with 200000 iterations", "600000 iterations"));

    [Fact]
    public Task Sha256_fails_under_a_policy_whose_minimum_hash_is_sha384() =>
        PolicyVerifier<PK4001WeakHashAnalyzer>.Analyzer("""{ "encryption": { "minimumHash": "SHA-384" } }""", """
            using System.Security.Cryptography;
            class Token { byte[] Sign(byte[] d) => [|SHA256.HashData(d)|]; }
            """);

    private const string HealthEndpoint = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app) => {|#0:app.MapGet("/health", () => "ok")|};
        }
        """;

    [Fact]
    public Task An_anonymous_health_endpoint_is_reported_under_the_baseline() =>
        PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Analyzer(HealthEndpoint,
            PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.Diagnostic().WithLocation(0).WithArguments("GET /health"));

    [Fact]
    public Task An_anonymous_health_endpoint_is_accepted_when_the_policy_allow_lists_it() =>
        PolicyVerifier<PK3002EndpointWithoutAuthorizationAnalyzer>.NoDiagnostic(HealthEndpoint.Replace("{|#0:", "").Replace("|};", ";"),
            """{ "accessControl": { "anonymousAllowList": ["/health"] } }""");
}
