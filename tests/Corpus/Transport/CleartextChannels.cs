using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Mail;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Npgsql;

namespace Corpus.Transport;

/// <summary>Endpoint addresses kept in one place; clients in other classes use them.</summary>
public static class PartnerEndpoints
{
    public const string Loyalty = "http://loyalty.partner.example.com/api/"; // vuln:PK4005#loyalty used by AddLoyaltyClient
    public const string Shipping = "https://shipping.partner.example.com/api/"; // safe:PK4005#shipping
    public const string XsdNamespace = "http://www.w3.org/2001/XMLSchema"; // safe:PK4005 namespace identifier, never fetched
    public const string LocalSidecar = "http://127.0.0.1:3500/v1.0/state"; // safe:PK4005 loopback sidecar
    public const string HttpWarning = "Callback URLs must not start with http://"; // safe:PK4005 message text
}

public static class CleartextClients
{
    public static IServiceCollection AddLoyaltyClient(this IServiceCollection services)
    {
        services.AddHttpClient("loyalty", c => c.BaseAddress = new Uri(PartnerEndpoints.Loyalty)); // vuln:PK4005#loyalty
        return services;
    }

    public static IServiceCollection AddShippingClient(this IServiceCollection services)
    {
        services.AddHttpClient("shipping", c => c.BaseAddress = new Uri(PartnerEndpoints.Shipping)); // safe:PK4005#shipping
        return services;
    }

    public static Task<HttpResponseMessage> Login(HttpClient http, string user, string password) =>
        http.PostAsync("http://sso.partner.example.com/login", new FormUrlEncodedContent(new[] { KeyValuePair.Create("user", user), KeyValuePair.Create("password", password) })); // vuln:PK4005 credentials posted over http

    public static Task<HttpResponseMessage> LoginTls(HttpClient http, string user, string password) =>
        http.PostAsync("https://sso.partner.example.com/login", new FormUrlEncodedContent(new[] { KeyValuePair.Create("user", user), KeyValuePair.Create("password", password) })); // safe:PK4005 https

    public static Uri Tenant(string tenant) => new($"http://{tenant}.api.example.com/v2/"); // vuln:PK4005 interpolated http URL

    public static Uri TenantTls(string tenant) => new($"https://{tenant}.api.example.com/v2/"); // safe:PK4005 interpolated https URL

    public static Uri Built(string host) => new UriBuilder { Scheme = Uri.UriSchemeHttp, Host = host, Path = "/orders" }.Uri; // vuln:PK4005 UriBuilder with the http scheme

    public static Uri BuiltTls(string host) => new UriBuilder { Scheme = Uri.UriSchemeHttps, Host = host, Path = "/orders" }.Uri; // safe:PK4005 https scheme

    public static bool RejectsCleartext(Uri callback) => !callback.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase); // safe:PK4005 compares, connects to nothing

    public static async Task<ClientWebSocket> Prices()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("ws://prices.example.com/stream"), default); // vuln:PK4005 unencrypted WebSocket
        return socket;
    }

    public static async Task<ClientWebSocket> PricesTls()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("wss://prices.example.com/stream"), default); // safe:PK4005 wss
        return socket;
    }

    public static SmtpClient DefaultSmtp() => new("smtp.example.com", 25); // vuln:PK4005 SmtpClient defaults to EnableSsl = false
}

public static class CleartextDatabases
{
    public static SqlConnection Warehouse() => new("Server=sql.warehouse.example.com;Database=Stock;Authentication=Active Directory Default;Encrypt=False"); // vuln:PK4005 TDS traffic unencrypted across the network

    public static SqlConnection WarehouseTls() => new("Server=sql.warehouse.example.com;Database=Stock;Authentication=Active Directory Default;Encrypt=Mandatory"); // safe:PK4005 encrypted

    public static NpgsqlConnection Analytics() => new("Host=pg.analytics.example.com;Database=events;SSL Mode=Disable"); // vuln:PK4005 Npgsql TLS disabled

    public static NpgsqlConnection AnalyticsTls() => new("Host=pg.analytics.example.com;Database=events;SSL Mode=VerifyFull"); // safe:PK4005 TLS verified

    public static MySqlConnection Legacy() => new("Server=mysql.legacy.example.com;Database=shop;SslMode=None"); // vuln:PK4005 MySQL without TLS

    public static MySqlConnection LegacyTls() => new("Server=mysql.legacy.example.com;Database=shop;SslMode=VerifyFull"); // safe:PK4005 TLS verified

    public static MySqlConnection LocalDev() => new("Server=localhost;Database=shop;SslMode=None"); // safe:PK4005 loopback
}

public static class TlsVersions
{
    public static void ProcessWide() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12; // vuln:PK4005 TLS 1.0 allowed process-wide

    public static void ProcessWideDefault() => ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault; // safe:PK4005 OS default

#pragma warning disable SYSLIB0039, CS0618 // legacy protocol values are the flaw being labelled
    public static SslServerAuthenticationOptions Ssl3() => new() { EnabledSslProtocols = SslProtocols.Ssl3 | SslProtocols.Tls12 }; // vuln:PK4005 SSL 3.0 enabled
#pragma warning restore SYSLIB0039, CS0618

    public static SslServerAuthenticationOptions Tls13() => new() { EnabledSslProtocols = SslProtocols.Tls13 }; // safe:PK4005 TLS 1.3 only

    public static IWebHostBuilder KestrelOldTls(this IWebHostBuilder host) =>
        host.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12)); // vuln:PK4005 Kestrel accepts TLS 1.1

    public static IWebHostBuilder KestrelModernTls(this IWebHostBuilder host) =>
        host.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13)); // safe:PK4005 TLS 1.2+

    public static HttpClientHandler Handler10() => new() { SslProtocols = SslProtocols.Tls }; // vuln:PK4005 TLS 1.0 handler

    public static HttpClientHandler HandlerDefault() => new() { SslProtocols = SslProtocols.None }; // safe:PK4005 let the OS choose
}

public static class TokenValidation
{
    public static IServiceCollection AddCleartextJwt(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer("partner", o =>
        {
            o.Authority = "http://login.partner.example.com/"; // vuln:PK4005 signing keys fetched over http
            o.RequireHttpsMetadata = false; // vuln:PK4005 metadata over http accepted
        });
        return services;
    }

    public static IServiceCollection AddTlsJwt(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer("partner-tls", o =>
        {
            o.Authority = "https://login.partner.example.com/"; // safe:PK4005 https authority
            o.RequireHttpsMetadata = true; // safe:PK4005 https metadata required
        });
        return services;
    }

    public static IServiceCollection AddLocalJwt(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer("local-idp", o =>
        {
            o.Authority = "http://localhost:8080/realms/dev"; // safe:PK4005 loopback identity provider
        });
        return services;
    }
}
