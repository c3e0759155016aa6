using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4005CleartextTransportAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>Cleartext addresses assembled at run time: interpolation, UriBuilder, SMTP clients handed out by factories.</summary>
public sealed class PK4005CleartextTransportBuiltUrlTests
{
    [Fact]
    public Task Flags_interpolated_http_urls_for_remote_hosts() => Verify.Analyzer("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class RegionalApi(HttpClient http)
        {
            public Task<string> Stock(string region, int sku) => http.GetStringAsync([|$"http://{region}.stock.example.org/items/{sku}"|]);
            public Uri Invoice(string tenant, Guid id) => new Uri([|$"http://billing-{tenant}.example.org/invoices/{id}"|]);
        }
        """);

    [Fact]
    public Task Flags_uri_builders_that_choose_http() => Verify.Analyzer("""
        using System;
        class Links
        {
            public Uri Receipt(string host, string path) => new UriBuilder([|"http"|], host, 80, path).Uri;
            public Uri Export(string host) => new UriBuilder { [|Scheme = Uri.UriSchemeHttp|], Host = host, Path = "/export" }.Uri;
            public Uri Feed(string host)
            {
                var builder = new UriBuilder { Host = host, Path = "/feed" };
                [|builder.Scheme = "ws"|];
                return builder.Uri;
            }
        }
        """);

    [Fact]
    public Task Flags_smtp_client_returned_by_a_factory_without_tls() => Verify.Analyzer("""
        using System.Net;
        using System.Net.Mail;
        class Mail
        {
            public SmtpClient Relay(string password) => [|new SmtpClient("mail.example.org", 587) { Credentials = new NetworkCredential("notify", password) }|];
        }
        """);

    [Fact]
    public Task Ignores_https_templates_loopback_builders_and_tls_smtp_factories() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Mail;
        using System.Xml.Linq;
        class Safe
        {
            public Uri Stock(string region) => new Uri($"https://{region}.stock.example.org/items");
            public Uri Sidecar(int port) => new Uri($"http://127.0.0.1:{port}/v1.0/state");
            public Uri Dev(int port) => new UriBuilder("http", "localhost", port).Uri;
            public Uri Tls(string host) => new UriBuilder { Scheme = Uri.UriSchemeHttps, Host = host }.Uri;
            public bool IsCleartext(UriBuilder builder) => builder.Scheme == "http";
            public SmtpClient Relay() => new SmtpClient("mail.example.org", 587) { EnableSsl = true };
            public SmtpClient Pickup() => new SmtpClient("localhost", 25);
            public XNamespace Soap() => XNamespace.Get("http://schemas.xmlsoap.org/soap/envelope/");
            public string Schema() => "http://www.w3.org/2001/XMLSchema";
        }
        """);
}
