using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Mail;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets;

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class PartnerApiClient
{
    private const string PartnerToken = "eyJhbGciOiJIUzI1NiJ9.cGFydG5lci1zZXJ2aWNl.c2lnbmF0dXJlLWhlcmU"; // vuln:PK2001 bearer token constant
    private readonly HttpClient _http;
    private readonly string _apiKey;

    public PartnerApiClient(HttpClient http, IConfiguration configuration)
    {
        _http = http;
        _apiKey = configuration["Partner:ApiKey"] ?? throw new InvalidOperationException("Partner:ApiKey is not configured"); // safe:PK2001 from configuration
    }

    public Task<string> StatusAsync()
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PartnerToken);
        return _http.GetStringAsync("https://partner.example.com/status");
    }

    public Task<string> OrdersAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://partner.example.com/orders");
        request.Headers.Add("X-Api-Key", _apiKey); // safe:PK2001 key read at start-up
        return _http.SendAsync(request).ContinueWith(t => t.Result.Content.ReadAsStringAsync()).Unwrap();
    }

    public Task<string> LegacyOrdersAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://partner.example.com/v1/orders");
        request.Headers.Add("X-Api-Key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"); // vuln:PK2001 API key literal in a header
        return _http.SendAsync(request).ContinueWith(t => t.Result.Content.ReadAsStringAsync()).Unwrap();
    }

    public Task<string> BasicAuthAsync()
    {
        var raw = Encoding.ASCII.GetBytes("integration:Integr@tion2024"); // vuln:PK2001#basic-auth
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw)); // vuln:PK2001#basic-auth
        return _http.GetStringAsync("https://partner.example.com/basic");
    }
}

public sealed class Mailer
{
    private readonly SmtpSettings _settings;

    public Mailer(IOptions<SmtpSettings> settings) => _settings = settings.Value;

    public SmtpClient Configured() => new(_settings.Host)
    {
        EnableSsl = true,
        Credentials = new NetworkCredential(_settings.UserName, _settings.Password), // safe:PK2001 options-bound
    };

    public SmtpClient Hardcoded() => new("smtp.example.com", 587)
    {
        EnableSsl = true,
        Credentials = new NetworkCredential("noreply@example.com", "M@ilPassw0rd"), // vuln:PK2001 SMTP password
    };

    public static SmtpSettings Defaults() => new()
    {
        Host = "smtp.example.com",
        UserName = "noreply@example.com",
        Password = "Welcome123!", // vuln:PK2001 default password in settings object
    };

    public static SmtpSettings Empty() => new()
    {
        Host = "smtp.example.com",
        UserName = "noreply@example.com",
        Password = string.Empty, // safe:PK2001 empty placeholder filled by configuration
    };
}
