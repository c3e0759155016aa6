using System;
using System.Net;
using System.Net.Http;
using System.Net.Mail;
using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Holdout.Setup;

public static class IdentitySetup
{
    public static void Weak(IServiceCollection services)
    {
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 4; // vuln:PK3003 four characters
            o.Lockout.MaxFailedAccessAttempts = 100; // vuln:PK3003 effectively no lockout
            o.Lockout.AllowedForNewUsers = false; // vuln:PK3003 lockout disabled
        });
    }

    public static void Strong(IServiceCollection services)
    {
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 15; // safe:PK3003 long passwords
            o.Lockout.MaxFailedAccessAttempts = 5; // safe:PK3003 five attempts
        });
    }

    public static void Sessions(IServiceCollection services)
    {
        services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromHours(12); // vuln:PK3004 twelve-hour idle session
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });

        services.AddSession(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(15); // safe:PK3004 fifteen minutes
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });

        services.ConfigureApplicationCookie(o => o.Cookie.SameSite = SameSiteMode.None); // vuln:PK3004 SameSite None on the auth cookie
    }
}

public static class Pipeline
{
    public static void Configure(WebApplication app)
    {
        app.UseDeveloperExceptionPage(); // vuln:PK3005 developer page in every environment

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage(); // safe:PK3005 development only
        }
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
    }
}

public static class Transport
{
    public static SmtpClient Mail() => new SmtpClient("smtp.example.com", 25) { EnableSsl = false }; // vuln:PK4005 SMTP without TLS

    public static HttpClientHandler OldTls() => new HttpClientHandler { SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 }; // vuln:PK4005 TLS 1.0/1.1

    public static HttpClientHandler ModernTls() => new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }; // safe:PK4005 TLS 1.2+

    public static void Legacy() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3; // vuln:PK4005 SSL 3

    public static HttpClient Api() => new HttpClient { BaseAddress = new Uri("https://api.example.com/") }; // safe:PK4005 https
}

public sealed class LoginRequest
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = ""; // safe:PK2001 a property named Password is not a secret
    public const string PasswordFieldName = "password"; // safe:PK2001 a form field name
}

public static class Defaults
{
    public static readonly string AdminPassword = "admin123"; // vuln:PK2001 default admin password
    public const string PasswordResetRoute = "/account/password/reset"; // safe:PK2001 route, not a secret
    public static string Placeholder => "<your-password-here>"; // safe:PK2001 placeholder
}
