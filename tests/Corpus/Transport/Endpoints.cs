using System;
using System.Net.Http;
using System.Net.Mail;
using System.Security.Authentication;
using System.Net.Security;
using System.Xml.Linq;

namespace Corpus.Transport;

public static class Outbound
{
    public static HttpClient Payments() => new() { BaseAddress = new Uri("http://payments.example.com/api/") }; // vuln:PK4005 http base address
    public static HttpClient PaymentsTls() => new() { BaseAddress = new Uri("https://payments.example.com/api/") }; // safe:PK4005 https
    public static string Local() => "http://localhost:5000/health"; // safe:PK4005 loopback
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/"; // safe:PK4005 XML namespace, not a connection
    public const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"; // safe:PK4005 claim type URI

    public static System.Threading.Tasks.Task<string> Rates(HttpClient http) => http.GetStringAsync("http://rates.example.com/today"); // vuln:PK4005 http GET
    public static System.Threading.Tasks.Task<string> RatesTls(HttpClient http) => http.GetStringAsync("https://rates.example.com/today"); // safe:PK4005 https GET
    public static Uri Upload() => new("ftp://files.example.com/upload/"); // vuln:PK4005 ftp

    public static SmtpClient Mail() => new("smtp.example.com", 25) { EnableSsl = false }; // vuln:PK4005 SMTP without TLS
    public static SmtpClient MailTls() => new("smtp.example.com", 587) { EnableSsl = true }; // safe:PK4005 SMTP with TLS

    public static SslClientAuthenticationOptions Tls10() => new() { EnabledSslProtocols = SslProtocols.Tls }; // vuln:PK4005 TLS 1.0
    public static SslClientAuthenticationOptions Tls11() => new() { EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12 }; // vuln:PK4005 TLS 1.1 allowed
    public static SslClientAuthenticationOptions Tls12() => new() { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }; // safe:PK4005 TLS 1.2+
    public static SslClientAuthenticationOptions TlsDefault() => new() { EnabledSslProtocols = SslProtocols.None }; // safe:PK4005 OS default
    public static HttpClientHandler Handler() => new() { SslProtocols = SslProtocols.Tls11 }; // vuln:PK4005 handler pinned to TLS 1.1
    public static string Webhook() => "http://hooks.partner.example.com/notify"; // vuln:PK4005 http webhook URL
}
