using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4004CertificateValidationDisabledAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>Callbacks that accept nearly everything, server-side client certificates, and database TLS modes.</summary>
public sealed class PK4004CertificateValidationNearlyAnyTests
{
    [Fact]
    public Task Flags_callback_that_lets_chain_errors_through() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Net.Security;
        class Clients
        {
            public HttpClient Billing() => new(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) =>
                    policyErrors == SslPolicyErrors.None || policyErrors == SslPolicyErrors.RemoteCertificateChainErrors|],
            });
        }
        """);

    [Fact]
    public Task Flags_callback_that_masks_out_the_name_mismatch() => Verify.Analyzer("""
        using System.Net.Security;
        class Clients
        {
            public SslClientAuthenticationOptions Options() => new()
            {
                TargetHost = "ledger.internal",
                RemoteCertificateValidationCallback = [|(sender, cert, chain, policyErrors) =>
                    (policyErrors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None|],
            };
        }
        """);

    [Fact]
    public Task Flags_block_callback_that_returns_true_for_chain_errors_first() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Net.Security;
        using Microsoft.Extensions.Logging;
        class Clients
        {
            public HttpClientHandler Create(ILogger log) => new()
            {
                ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) =>
                {
                    if ((policyErrors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                    {
                        log.LogWarning("Untrusted chain for {Host}", message.RequestUri?.Host);
                        return true;
                    }

                    return policyErrors == SslPolicyErrors.None;
                }|],
            };
        }
        """);

    [Fact]
    public Task Flags_callbacks_that_ignore_the_errors_and_read_only_names() => Verify.Analyzer("""
        using System.Net.Http;
        class Clients
        {
            public HttpClientHandler AnyPresented() => new() { ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) => cert != null|] };

            public HttpClientHandler SubjectOnly() => new()
            {
                ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) => cert?.Subject == "CN=orders.partner.example"|],
            };
        }
        """);

    [Fact]
    public Task Flags_options_switch_that_skips_validation() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Net.Security;
        public sealed class TlsSettings { public bool AcceptUntrusted { get; set; } }
        class Clients
        {
            public HttpClientHandler Create(TlsSettings settings) => new()
            {
                ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) =>
                {
                    if (settings.AcceptUntrusted) return true;
                    return policyErrors == SslPolicyErrors.None;
                }|],
            };
        }
        """);

    [Fact]
    public Task Flags_kestrel_client_certificate_callbacks_that_accept_any() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.AspNetCore.Server.Kestrel.Https;
        class Hosting
        {
            public void Configure(KestrelServerOptions kestrel) => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = [|(certificate, chain, policyErrors) => true|];
            });

            public void ConfigureShortcut(KestrelServerOptions kestrel) => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                [|https.AllowAnyClientCertificate()|];
            });
        }
        """);

    [Fact]
    public Task Flags_shared_callback_property_used_by_two_clients() => Verify.Analyzer("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        static class Tls
        {
            public static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Lenient { get; } = [|(m, c, ch, e) => true|];
        }
        class Clients
        {
            public HttpClientHandler Stock() => new() { ServerCertificateCustomValidationCallback = [|Tls.Lenient|] };
            public HttpClientHandler Prices() => new() { ServerCertificateCustomValidationCallback = [|Tls.Lenient|] };
        }
        """);

    [Fact]
    public Task Flags_mysql_and_npgsql_modes_that_do_not_verify_the_server() => Verify.Analyzer("""
        using MySqlConnector;
        using Npgsql;
        class Db
        {
            public MySqlConnection Ledger(string host) => new($"Server={host}[|;Database=ledger;Uid=app;SslMode=Required|]");
            public MySqlConnectionStringBuilder Audit(string host) => new() { Server = host, [|SslMode = MySqlSslMode.VerifyCA|] };
            public NpgsqlDataSource Orders(string host) => NpgsqlDataSource.Create($"Host={host}[|;Database=orders;SSL Mode=Require|]");
        }
        """);

    [Fact]
    public Task Ignores_callbacks_that_pin_or_build_a_chain_with_a_private_root() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        class Clients
        {
            private static readonly byte[] Spki = new byte[32];

            public HttpClientHandler Pinned(string thumbprint) => new()
            {
                ServerCertificateCustomValidationCallback = (m, cert, ch, e) => cert?.Thumbprint == thumbprint,
            };

            public HttpClientHandler KeyPinned() => new()
            {
                ServerCertificateCustomValidationCallback = (m, cert, ch, e) =>
                    cert is not null && SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo()).AsSpan().SequenceEqual(Spki),
            };

            public HttpClientHandler PrivateRoot(X509Certificate2 root) => new()
            {
                ServerCertificateCustomValidationCallback = (m, cert, ch, e) =>
                {
                    if (e == SslPolicyErrors.None) return true;
                    if ((e & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || cert is null) return false;
                    using var custom = new X509Chain();
                    custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    custom.ChainPolicy.CustomTrustStore.Add(root);
                    return custom.Build(cert);
                },
            };

            public HttpClientHandler Strict() => new()
            {
                ServerCertificateCustomValidationCallback = (m, cert, ch, e) => e == SslPolicyErrors.None && cert?.Subject == "CN=api.partner.example",
            };
        }
        """);

    [Fact]
    public Task Ignores_development_only_switch_and_strict_client_certificates() => Verify.NoDiagnostic("""
        using System.Net.Http;
        using System.Net.Security;
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.Hosting;
        class Clients
        {
            public HttpClientHandler Create(IHostEnvironment environment) => new()
            {
                ServerCertificateCustomValidationCallback = (m, cert, ch, e) => environment.IsDevelopment() || e == SslPolicyErrors.None,
            };

            public void Configure(KestrelServerOptions kestrel) => kestrel.ConfigureHttpsDefaults(https =>
                https.ClientCertificateValidation = (certificate, chain, policyErrors) => policyErrors == SslPolicyErrors.None);
        }
        """);

    [Fact]
    public Task Ignores_database_modes_that_verify_the_server() => Verify.NoDiagnostic("""
        using MySqlConnector;
        using Npgsql;
        class Db
        {
            public MySqlConnection Ledger(string host) => new($"Server={host};Database=ledger;SslMode=VerifyFull");
            public MySqlConnectionStringBuilder Audit(string host) => new() { Server = host, SslMode = MySqlSslMode.VerifyFull };
            public NpgsqlDataSource Orders(string host) => NpgsqlDataSource.Create($"Host={host};Database=orders;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/db-ca.pem");
            public NpgsqlDataSource Pinned(string host)
            {
                var builder = new NpgsqlDataSourceBuilder($"Host={host};Database=orders;SSL Mode=Require");
                builder.UseUserCertificateValidationCallback((_, _, _, errors) => errors == System.Net.Security.SslPolicyErrors.None);
                return builder.Build();
            }

            public string Note() => "MySQL: use SslMode=VerifyFull, never Preferred";
        }
        """);
}
