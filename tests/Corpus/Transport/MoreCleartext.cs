using System;
using System.Net;
using System.Net.Http;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Transport;

public static class MoreCleartext
{
    private const string ReportsHost = "reports.example.com";

    public static Uri Reports() => new("http://" + ReportsHost + "/daily.csv"); // vuln:PK4005 http URL built by concatenation

    public static Uri ReportsTls() => new("https://" + ReportsHost + "/daily.csv"); // safe:PK4005 https URL built by concatenation

    public static Task<string> Metadata(HttpClient http) => http.GetStringAsync(new Uri("http://idp.partner.example.com/.well-known/openid-configuration")); // vuln:PK4005 identity metadata over http

    public static SmtpClient Newsletter()
    {
        var smtp = new SmtpClient("mail.example.com", 587) { Credentials = new NetworkCredential("newsletter", Environment.GetEnvironmentVariable("SMTP_PASSWORD")) };
        smtp.EnableSsl = false; // vuln:PK4005 credentials sent without STARTTLS
        return smtp;
    }

    public static Task<HttpResponseMessage> Telemetry(HttpClient http, string json) =>
        http.PostAsync("http://telemetry.example.com/v1/events", new StringContent(json)); // vuln:PK4005 telemetry with user ids over http

#pragma warning disable SYSLIB0014 // FtpWebRequest is obsolete; legacy integrations still use it
    public static WebRequest PriceFeed() => WebRequest.Create("ftp://prices.partner.example.com/feed.csv"); // vuln:PK4005 FTP download

    public static WebRequest PriceFeedTls()
    {
        var request = (FtpWebRequest)WebRequest.Create("ftp://prices.partner.example.com/feed.csv");
        request.EnableSsl = true; // safe:PK4005 explicit FTPS
        return request;
    }
#pragma warning restore SYSLIB0014

    public static IServiceCollection AddHstsPreload(this IServiceCollection services) =>
        services.AddHsts(o => { o.Preload = true; o.IncludeSubDomains = true; o.MaxAge = TimeSpan.FromDays(365); }); // safe:PK4005 HSTS for a year

    public static IServiceCollection AddHttpsPort(this IServiceCollection services) =>
        services.AddHttpsRedirection(o => o.HttpsPort = 443); // safe:PK4005 redirects http to https

    public static Uri Callback(string path) => new UriBuilder("http", "callbacks.example.com", 80, path).Uri; // vuln:PK4005 UriBuilder(scheme, host, port) over http

    public static Uri Avatar(string hash) => new($"http://avatars.example.net/{hash}?s=80"); // vuln:PK4005 avatar images over http (mixed content)
}
