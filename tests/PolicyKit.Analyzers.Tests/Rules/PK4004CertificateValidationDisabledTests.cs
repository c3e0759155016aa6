using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4004CertificateValidationDisabledAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4004CertificateValidationDisabledTests
{
    [Fact]
    public Task Flags_service_point_manager_lambda_returning_true() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0014
        using System.Net;
        class Startup
        {
            public void Configure()
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:(sender, cert, chain, errors) => true|};
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback"));

    [Fact]
    public Task Flags_service_point_manager_added_with_a_block_returning_true() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0014
        using System;
        using System.Net;
        class Startup
        {
            public void Configure()
            {
                ServicePointManager.ServerCertificateValidationCallback += [|delegate { Console.WriteLine("tls"); return true; }|];
            }
        }
        """);

    [Fact]
    public Task Flags_http_client_handler_callback_in_an_http_client_factory() => TopLevelProgram<PK4004CertificateValidationDisabledAnalyzer>.Analyzer("""
        using System.Net.Http;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient("partner")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = [|(message, cert, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None || true|],
            });
        builder.Build().Run();
        """);

    [Fact]
    public Task Flags_dangerous_accept_any_validator() => Verify.Analyzer("""
        using System.Net.Http;
        class Clients
        {
            public HttpClient Create()
            {
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
                return new HttpClient(handler);
            }
        }
        """);

    [Fact]
    public Task Flags_sockets_http_handler_ssl_options() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Net.Security;
        class Clients
        {
            public SocketsHttpHandler Create() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = [|(s, c, ch, e) => true|] },
            };
        }
        """);

    [Fact]
    public Task Flags_ssl_stream_with_a_method_that_returns_true() => Verify.Analyzer("""
        using System.IO;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class Tunnel
        {
            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                return true;
            }

            public SslStream Open(Stream inner) => new SslStream(inner, false, [|AcceptAll|]);
        }
        """);

    [Fact]
    public Task Flags_a_callback_held_in_a_field() => Verify.Analyzer("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        class Clients
        {
            private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Trusting = [|(_, _, _, _) => true|];
            public HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = [|Trusting|] };
        }
        """);

    [Fact]
    public Task Flags_trust_server_certificate_in_connection_strings() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;
        using Npgsql;
        class Db
        {
            public SqlConnection Sql() => new SqlConnection([|"Server=db.internal;Database=app;Integrated Security=true;TrustServerCertificate=True"|]);
            public NpgsqlConnection Pg() => new NpgsqlConnection([|"Host=pg.internal;Database=app;Trust Server Certificate=true"|]);
        }
        """);

    [Fact]
    public Task Flags_trust_server_certificate_on_a_builder() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;
        class Db
        {
            public string Build() => new SqlConnectionStringBuilder { DataSource = "db", [|TrustServerCertificate = true|] }.ConnectionString;
        }
        """);

    [Fact]
    public Task Flags_chain_policy_all_flags() => Verify.Analyzer("""
        using System.Security.Cryptography.X509Certificates;
        class Validator
        {
            public bool Check(X509Certificate2 cert)
            {
                using var chain = new X509Chain();
                [|chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags|];
                return chain.Build(cert);
            }
        }
        """);

    [Fact]
    public Task Ignores_callbacks_that_check_the_errors() => Verify.NoDiagnostic("""
        using System.Net.Http;
        using System.Net.Security;
        class Clients
        {
            public HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None,
            };
        }
        """);

    [Fact]
    public Task Ignores_pinning_callbacks_that_return_false_otherwise() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        class Clients
        {
            private const string Pin = "A1B2C3";
            public HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
                {
                    if (errors == SslPolicyErrors.None) return true;
                    return cert is not null && string.Equals(cert.Thumbprint, Pin, StringComparison.OrdinalIgnoreCase);
                },
            };
        }
        """);

    [Fact]
    public Task Ignores_callbacks_that_throw_on_failure() => Verify.NoDiagnostic("""
        using System.Net.Security;
        using System.Security.Authentication;
        class Options
        {
            public SslClientAuthenticationOptions Create() => new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (s, c, ch, e) =>
                {
                    if (e != SslPolicyErrors.None) throw new AuthenticationException(e.ToString());
                    return true;
                },
            };
        }
        """);

    [Fact]
    public Task Flags_callbacks_that_a_setting_turns_off() => Verify.Analyzer("""
        using System.Net.Http;
        class Clients
        {
            private readonly bool allowSelfSigned;
            public Clients(bool allowSelfSigned) => this.allowSelfSigned = allowSelfSigned;
            public HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = [|(m, c, ch, e) => e == System.Net.Security.SslPolicyErrors.None || allowSelfSigned|],
            };
        }
        """);

    [Fact]
    public Task Ignores_client_certificate_validation_on_the_server() => Verify.NoDiagnostic("""
        using System.Net.Security;
        class Server
        {
            public SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
            {
                ClientCertificateRequired = false,
                RemoteCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None,
            };
        }
        """);

    [Fact]
    public Task Ignores_connection_strings_that_validate_the_certificate() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;
        class Db
        {
            public SqlConnection Sql() => new SqlConnection("Server=db.internal;Database=app;Encrypt=True;TrustServerCertificate=False");
            public string Note() => "Never set TrustServerCertificate in production";
            public SqlConnectionStringBuilder B() => new SqlConnectionStringBuilder { TrustServerCertificate = false };
        }
        """);

    [Fact]
    public Task Ignores_single_verification_flags_and_other_true_lambdas() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography.X509Certificates;
        class Validator
        {
            public Func<int, bool> Always = _ => true;
            public void Configure(X509Chain chain)
            {
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            }
        }
        """);

    [Fact]
    public Task Ignores_default_handlers() => Verify.NoDiagnostic("""
        using System.Net.Http;
        using System.Net.Security;
        using System.IO;
        class Clients
        {
            public HttpClient Create() => new HttpClient(new HttpClientHandler());
            public SslStream Open(Stream inner) => new SslStream(inner, false);
        }
        """);
}
