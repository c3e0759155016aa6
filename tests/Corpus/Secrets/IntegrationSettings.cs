using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets;

public sealed class StorageOptions
{
    public string AccountName { get; set; } = "shopstorage";
    public string AccountKey { get; set; } = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A="; // vuln:PK2001 storage account key default
    public string ContainerName { get; set; } = "invoices"; // safe:PK2001 container name
    public string? SasToken { get; set; } // safe:PK2001 no default
}

public sealed class WebhookSender
{
    private static readonly string SigningSecret = "whsec_3kD9fLq2xVbN8mP1zR7tY4uW"; // vuln:PK2001 webhook signing secret
    private readonly HttpClient _http;
    private readonly IConfiguration _config;

    public WebhookSender(HttpClient http, IConfiguration config) => (_http, _config) = (http, config);

    public string Secret() => SigningSecret;

    public string SecretFromConfig() => _config["Webhooks:SigningSecret"] ?? ""; // safe:PK2001 configuration

    public Task<HttpResponseMessage> NotifyAsync(string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://hooks.example.com/orders") { Content = new StringContent(payload) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ghp_4f2K9sLm3Qx8Vn1Rz7Tb6Wy5Ud0Pa2Ce"); // vuln:PK2001 bearer token literal
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> NotifyWithConfiguredTokenAsync(string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://hooks.example.com/orders") { Content = new StringContent(payload) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _config["Webhooks:Token"]); // safe:PK2001 configured token
        return _http.SendAsync(request);
    }
}

public static class LegacyFtp
{
    public static WebClientLike Connect()
    {
        var client = new WebClientLike();
        client.UserName = "ftpuser";
        client.Password = "ftp!Upload#7"; // vuln:PK2001 password property
        return client;
    }

    public static WebClientLike ConnectWith(ICredentials credentials)
    {
        var client = new WebClientLike { Credentials = credentials }; // safe:PK2001 injected credentials
        return client;
    }
}

public sealed class WebClientLike
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public ICredentials? Credentials { get; set; }
}

public static class RedisSettings
{
    public static string Primary() => "cache01.internal:6380,password=R3d1s-Pr1mary!,ssl=True,abortConnect=False"; // vuln:PK2001 Redis password
    public static string FromConfig(IConfiguration configuration) =>
        $"cache01.internal:6380,password={configuration["Redis:Password"]},ssl=True"; // safe:PK2001 password from configuration
    public static string Anonymous() => "cache01.internal:6380,ssl=True,abortConnect=False"; // safe:PK2001 no password
}

public static class TokenDefaults
{
    public const string RefreshTokenCookieName = "refresh_token"; // safe:PK2001 cookie name
    public const string ResetPasswordPurpose = "ResetPassword"; // safe:PK2001 token purpose
    public const string ClientCredentialsSecret = "cc-7Hq2Lm9Xz4Rt8Vb3Nk6P"; // vuln:PK2001 client credentials secret
    public static readonly Dictionary<string, string> ServicePasswords = new()
    {
        ["billing"] = "B1ll!ng-Svc-2024", // vuln:PK2001 password in a dictionary
        ["audit"] = "Aud1t-Svc#2024", // vuln:PK2001 second password in a dictionary
    };
    public static readonly Dictionary<string, string> ServiceUrls = new()
    {
        ["billing"] = "https://billing.internal", // safe:PK2001 URL
    };
}

public static class DbBootstrap
{
    public static Microsoft.Data.SqlClient.SqlConnection Sa() =>
        new("Data Source=sql02;Initial Catalog=master;User ID=sa;Pwd=Sa!Passw0rd2019"); // vuln:PK2001 sa password with Pwd=

    public static Microsoft.Data.Sqlite.SqliteConnection EncryptedCache() =>
        new("Data Source=cache.db;Password=sqlcipher-local-key"); // vuln:PK2001 Sqlite Password keyword

    public static Npgsql.NpgsqlDataSource Events()
    {
        var builder = new Npgsql.NpgsqlDataSourceBuilder("Host=events;Username=writer;Database=events");
        builder.ConnectionStringBuilder.Password = "ev3nts-Wr1ter"; // vuln:PK2001 Npgsql builder password
        return builder.Build();
    }

    public static Npgsql.NpgsqlDataSource EventsWithPassword(string password)
    {
        var builder = new Npgsql.NpgsqlDataSourceBuilder("Host=events;Username=writer;Database=events");
        builder.ConnectionStringBuilder.Password = password; // safe:PK2001 parameter
        return builder.Build();
    }
}
