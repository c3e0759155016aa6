using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4005CleartextTransportAnalyzer, PolicyKit.CodeFixes.Rules.PK4005CleartextTransportFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4005CleartextTransportTests
{
    [Fact]
    public Task Flags_http_base_address_in_an_http_client_factory() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient("payroll", client => client.BaseAddress = new Uri({|#0:"http://payroll.partner.example/api/"|}));
        builder.Build().Run();
        """, PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PK4005CleartextTransportAnalyzer>.Diagnostic().WithLocation(0).WithArguments("http://payroll.partner.example/api/", "https://"));

    [Fact]
    public Task Flags_http_request_uris() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class Partner
        {
            private readonly HttpClient client = new();
            public Task<string> Get() => client.GetStringAsync([|"http://api.partner.example/v1/users"|]);
            public Task<HttpResponseMessage> Post(HttpContent body) => client.PostAsync([|"http://api.partner.example/v1/users"|], body);
            public Task<HttpResponseMessage> Send() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, [|"http://api.partner.example/ping"|]));
        }
        """);

    [Fact]
    public Task Flags_ftp_and_telnet_endpoints() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0014
        using System;
        using System.Net;
        class Transfers
        {
            public WebRequest Upload() => WebRequest.Create([|"ftp://files.partner.example/inbox/report.csv"|]);
            public Uri Console() => new Uri([|"telnet://switch01.corp.example"|]);
        }
        """);

    [Fact]
    public Task Flags_a_local_holding_an_http_address() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class Partner
        {
            public async Task<string> Get(HttpClient client)
            {
                var url = "http://api.partner.example/v1/status";
                return await client.GetStringAsync([|url|]);
            }
        }
        """);

    [Fact]
    public Task Flags_jwt_bearer_authority_and_require_https_metadata_false() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Bearer").AddJwtBearer(options =>
        {
            options.Authority = [|"http://login.contoso.example/realms/app"|];
            [|options.RequireHttpsMetadata = false|];
            options.Audience = "http://api.contoso.example";
        });
        builder.Build().Run();

        // The JwtBearer package is not among the test references; this mirrors its public surface.
        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : AuthenticationSchemeOptions
            {
                public string? Authority { get; set; }
                public string? Audience { get; set; }
                public bool RequireHttpsMetadata { get; set; } = true;
            }

            public static class JwtBearerExtensions
            {
                public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, System.Action<JwtBearerOptions> configure) => builder;
            }
        }
        """);

    [Fact]
    public Task Flags_oauth_endpoints_over_http() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddOAuth("corp", (OAuthOptions o) =>
        {
            o.AuthorizationEndpoint = [|"http://sso.corp.example/authorize"|];
            o.TokenEndpoint = "https://sso.corp.example/token";
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task Flags_smtp_without_tls() => Verify.Analyzer("""
        using System.Net;
        using System.Net.Mail;
        class Mailer
        {
            public void Send(MailMessage message)
            {
                using var client = [|new SmtpClient("smtp.corp.example", 25)|];
                client.Credentials = new NetworkCredential("app", "from-vault");
                client.Send(message);
            }

            public void SendExplicit(MailMessage message)
            {
                using var client = new SmtpClient("smtp.corp.example", 587);
                [|client.EnableSsl = false|];
                client.Send(message);
            }
        }
        """);

    [Fact]
    public Task Flags_tls_versions_below_the_policy() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0014, SYSLIB0039
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;
        class Tls
        {
            public void Legacy()
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls|] | [|SecurityProtocolType.Tls11|] | SecurityProtocolType.Tls12;
            }

            public SslClientAuthenticationOptions Options() => new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = [|SslProtocols.Tls11|] | SslProtocols.Tls12,
            };
        }
        """);

    [Fact]
    public Task Flags_kestrel_https_defaults_with_tls_1_0() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        #pragma warning disable SYSLIB0039
        using System.Security.Authentication;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = [|SslProtocols.Tls|]));
        builder.Build().Run();
        """);

    [Fact]
    public Task Flags_websocket_over_ws() => Verify.Analyzer("""
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        class Feed
        {
            public Task Connect(ClientWebSocket socket) => socket.ConnectAsync(new Uri([|"ws://feed.partner.example/live"|]), CancellationToken.None);
        }
        """);

    [Fact]
    public Task Ignores_https_and_wss() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class Partner
        {
            private readonly HttpClient client = new() { BaseAddress = new Uri("https://api.partner.example/") };
            public Task<string> Get() => client.GetStringAsync("https://api.partner.example/v1/users");
            public Uri Feed() => new Uri("wss://feed.partner.example/live");
        }
        """);

    [Fact]
    public Task Ignores_loopback_addresses() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class Local
        {
            public Task<string> A(HttpClient c) => c.GetStringAsync("http://localhost:5000/health");
            public Uri B() => new Uri("http://127.0.0.1:8080/");
            public Uri C() => new Uri("http://[::1]:5001/api");
            public Uri D() => new Uri("http://api.localhost/");
        }
        """);

    [Fact]
    public Task Ignores_xml_namespaces_and_schemas() => Verify.NoDiagnostic("""
        using System.Xml;
        using System.Xml.Linq;
        class Soap
        {
            private static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
            public XElement Body() => new XElement(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil");
            public XmlElement Element(XmlDocument doc) => doc.CreateElement("soap", "Envelope", "http://schemas.xmlsoap.org/soap/envelope/");
            public string Contract() => "http://tempuri.org/IService/GetData";
        }
        """);

    [Fact]
    public Task Ignores_namespace_uris_bound_to_a_prefix() => Verify.NoDiagnostic("""
        using System.Xml;
        static class InvoiceXml
        {
            public static XmlNamespaceManager Manager(XmlDocument document)
            {
                var manager = new XmlNamespaceManager(document.NameTable);
                manager.AddNamespace("inv", "http://contoso.example/schemas/invoice");
                return manager;
            }

            public static void Total(XmlWriter writer) => writer.WriteStartElement("inv", "total", "http://contoso.example/schemas/invoice");
        }
        """);

    [Fact]
    public Task Ignores_strings_that_are_compared_or_rewritten() => Verify.NoDiagnostic("""
        using System;
        class Urls
        {
            public bool IsInsecure(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
            public string Upgrade(string url) => url.Replace("http://", "https://");
            public bool Parsable() => Uri.IsWellFormedUriString("http://partner.example", UriKind.Absolute);
        }
        """);

    [Fact]
    public Task Ignores_addresses_in_comments_and_messages() => Verify.NoDiagnostic("""
        using System;
        /// <summary>See http://docs.partner.example/api for the contract.</summary>
        class Docs
        {
            // Legacy endpoint was http://old.partner.example
            public string Message() => "Visit http://status.partner.example for outages";
            public void Log() => Console.WriteLine("http://partner.example is deprecated");
        }
        """);

    [Fact]
    public Task Flags_url_templates_whose_host_is_filled_in_but_not_server_bindings() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var host = builder.Configuration["Partner:Host"];
        var partner = new Uri([|$"http://{host}/api"|]);
        var other = new Uri([|"http://" + host|]);
        var sidecar = new Uri($"http://localhost:{builder.Configuration["Dapr:Port"]}/v1.0/state");
        var app = builder.Build();
        app.Urls.Add("http://0.0.0.0:8080");
        app.Urls.Add("http://*:5000");
        app.Run();
        """);

    [Fact]
    public Task Ignores_smtp_with_tls_or_a_local_relay() => Verify.NoDiagnostic("""
        using System.Net.Mail;
        class Mailer
        {
            public void A(MailMessage m) { using var c = new SmtpClient("smtp.corp.example", 587) { EnableSsl = true }; c.Send(m); }
            public void B(MailMessage m) { using var c = new SmtpClient("smtp.corp.example", 587); c.EnableSsl = true; c.Send(m); }
            public void C(MailMessage m) { using var c = new SmtpClient("localhost", 25); c.Send(m); }
        }
        """);

    [Fact]
    public Task Ignores_tls12_tls13_and_removing_old_versions() => Verify.NoDiagnostic("""
        #pragma warning disable SYSLIB0014
        using System.Net;
        using System.Security.Authentication;
        class Tls
        {
            public void Modern()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
            }
            public bool IsLegacy(SslProtocols p) => p == SslProtocols.Tls11;
        }
        """);

    [Fact]
    public Task Ignores_require_https_metadata_from_the_environment() => TopLevelProgram<PK4005CleartextTransportAnalyzer>.Analyzer("""
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var options = new Options { RequireHttpsMetadata = !builder.Environment.IsDevelopment() };
        builder.Build().Run();

        class Options { public bool RequireHttpsMetadata { get; set; } }
        """);

    [Fact]
    public Task Fix_rewrites_http_to_https() => Verify.Fix("""
        using System;
        class Partner { public Uri Api() => new Uri([|"http://api.partner.example/v1/"|]); }
        """, """
        using System;
        class Partner { public Uri Api() => new Uri("https://api.partner.example/v1/"); }
        """);

    [Fact]
    public Task Fix_rewrites_ws_to_wss() => Verify.Fix("""
        using System;
        class Feed { public Uri Live() => new Uri([|"ws://feed.partner.example/live"|]); }
        """, """
        using System;
        class Feed { public Uri Live() => new Uri("wss://feed.partner.example/live"); }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_ftp() => Verify.NoFix("""
        #pragma warning disable SYSLIB0014
        using System.Net;
        class Transfers { public WebRequest Upload() => WebRequest.Create([|"ftp://files.partner.example/inbox"|]); }
        """);

    [Fact]
    public Task Flags_http_webhook_and_callback_settings() => Verify.Analyzer("""
        public sealed class NotificationSettings
        {
            public string WebhookUrl { get; set; } = [|"http://hooks.crm.example.net/events"|];
            public static string PaymentCallback() => [|"http://pay.example.net/callback"|];
            public static string StatusEndpoint { get { return [|"http://status.example.net/ping"|]; } }
        }
        """);

    [Fact]
    public Task Ignores_https_loopback_and_unnamed_values() => Verify.NoDiagnostic("""
        using System;
        public sealed class NotificationSettings
        {
            public string WebhookUrl { get; set; } = "https://hooks.crm.example.net/events";
            public static string Callback() => "http://localhost:5080/callback";
            public static string Greeting() => "http://example.net is our home page";
            public static Func<string> WebhookFactory() => () => "http://hooks.example.net/x";
            public const string SchemaUrl = "http://json-schema.org/draft-07/schema#";
        }
        """);

    [Fact]
    public Task Flags_connection_strings_that_turn_encryption_off_towards_a_remote_server() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;
        using MySqlConnector;
        using Npgsql;
        class Databases
        {
            public SqlConnection Stock() => new([|"Server=sql.warehouse.example.com;Database=Stock;Authentication=Active Directory Default;Encrypt=False"|]);
            public SqlConnection Legacy() => new([|"Data Source=tcp:sql.legacy.example.com,1433;Initial Catalog=Shop;Integrated Security=true;Encrypt=Optional"|]);
            public NpgsqlConnection Events() => new([|"Host=pg.analytics.example.com;Database=events;SSL Mode=Disable"|]);
            private const string Catalog = [|"Server=mysql.example.com;Database=catalog;SslMode=None"|];
            public MySqlConnection Shop() => new(Catalog);
        }
        """);

    [Fact]
    public Task Ignores_encrypted_loopback_and_hostless_connection_strings() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;
        using MySqlConnector;
        using Npgsql;
        class Databases
        {
            public SqlConnection Stock() => new("Server=sql.warehouse.example.com;Database=Stock;Authentication=Active Directory Default;Encrypt=Strict");
            public SqlConnection LocalDb() => new("Server=(localdb)\\MSSQLLocalDB;Database=Shop;Integrated Security=true;Encrypt=False");
            public SqlConnection Dot() => new("Data Source=.\\SQLEXPRESS;Initial Catalog=Shop;Integrated Security=true;Encrypt=False");
            public NpgsqlConnection Local() => new("Host=localhost;Port=5432;Database=events;SSL Mode=Disable");
            public NpgsqlConnection Verified() => new("Host=pg.analytics.example.com;Database=events;SSL Mode=VerifyFull");
            public MySqlConnection Loopback() => new("Server=127.0.0.1;Database=catalog;SslMode=None");
            public string Suffix() => ";Encrypt=False";
        }
        """);
}
