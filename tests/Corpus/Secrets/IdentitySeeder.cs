using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Secrets;

public sealed class IdentitySeeder
{
    private readonly UserManager<ApplicationUser> _users;
    private readonly IConfiguration _configuration;
    private string _serviceAccountPassword = "Svc-Acc0unt-Pw"; // vuln:PK2001 field initialiser
    private string _serviceAccountName = "svc-importer"; // safe:PK2001 account name

    public IdentitySeeder(UserManager<ApplicationUser> users, IConfiguration configuration)
    {
        _users = users;
        _configuration = configuration;
    }

    public Task<IdentityResult> SeedAdminAsync()
    {
        var admin = new ApplicationUser { UserName = "admin@example.com", Email = "admin@example.com" };
        return _users.CreateAsync(admin, "Adm1n!Passw0rd#"); // vuln:PK2001 seeded admin password
    }

    public Task<IdentityResult> SeedAdminFromConfigAsync()
    {
        var admin = new ApplicationUser { UserName = "admin@example.com", Email = "admin@example.com" };
        return _users.CreateAsync(admin, _configuration["Seed:AdminPassword"]!); // safe:PK2001 seeded from configuration
    }

    public Task<IdentityResult> SeedServiceAccountAsync()
    {
        var svc = new ApplicationUser { UserName = _serviceAccountName };
        return _users.CreateAsync(svc, _serviceAccountPassword);
    }

    public Task<IdentityResult> ResetAsync(ApplicationUser user, string token)
    {
        var newPassword = "TempReset#123"; // vuln:PK2001#temp-reset
        return _users.ResetPasswordAsync(user, token, newPassword); // vuln:PK2001#temp-reset
    }

    public Task<IdentityResult> ResetWithGeneratedAsync(ApplicationUser user, string token)
    {
        var newPassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        return _users.ResetPasswordAsync(user, token, newPassword); // safe:PK2001 generated password
    }

    public Task<bool> IsMaintenanceLoginAsync(string userName, string password) =>
        Task.FromResult(userName == "maint" && password == "letmein-2024"); // vuln:PK2001 back-door comparison

    public Task<bool> IsEmptyPasswordAsync(string password) =>
        Task.FromResult(password == string.Empty); // safe:PK2001 compares with empty
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Password is required")] // safe:PK2001 validation message
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Confirm password")] // safe:PK2001 display name
    public string ConfirmPassword { get; set; } = "";
}

public static class ExternalAuthSetup
{
    public static AuthenticationBuilder AddPartnerOAuth(this AuthenticationBuilder builder, IConfiguration configuration) =>
        builder.AddOAuth("Partner", options =>
        {
            options.ClientId = "shop-web";
            options.ClientSecret = configuration["Partner:ClientSecret"]!; // safe:PK2001 client secret from configuration
            options.AuthorizationEndpoint = "https://id.partner.example.com/authorize";
            options.TokenEndpoint = "https://id.partner.example.com/token"; // safe:PK2001 token endpoint URL
            options.CallbackPath = "/signin-partner";
        });

    public static AuthenticationBuilder AddLegacyOAuth(this AuthenticationBuilder builder) =>
        builder.AddOAuth("Legacy", options =>
        {
            options.ClientId = "shop-legacy";
            options.ClientSecret = "a1b2c3d4-legacy-client-secret-e5f6"; // vuln:PK2001 OAuth client secret
            options.AuthorizationEndpoint = "https://id.legacy.example.com/authorize";
            options.TokenEndpoint = "https://id.legacy.example.com/token";
            options.CallbackPath = "/signin-legacy";
        });

    public static IConfigurationBuilder AddDevDefaults(this IConfigurationBuilder builder) =>
        builder.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = "https://shop.example.com", // safe:PK2001 issuer
            ["Smtp:Password"] = "dev-smtp-secret-99", // vuln:PK2001 password in in-memory configuration
            ["Features:Beta"] = "true",
        });

    public static HttpClient ProxyClient() => new(new HttpClientHandler
    {
        Proxy = new WebProxy("https://proxy.corp.example.com:8443")
        {
            Credentials = new NetworkCredential("proxyuser", "Pr0xy!2024"), // vuln:PK2001 proxy credentials
        },
    });

    public static HttpClient ProxyClientDefault() => new(new HttpClientHandler
    {
        Proxy = new WebProxy("https://proxy.corp.example.com:8443")
        {
            Credentials = CredentialCache.DefaultNetworkCredentials, // safe:PK2001 process identity
        },
    });

    public static void ConfigureChildProcess()
    {
        Environment.SetEnvironmentVariable("PGPASSWORD", "pg-backup-secret"); // vuln:PK2001 password in an environment variable
        Environment.SetEnvironmentVariable("PGUSER", "backup"); // safe:PK2001 user name
    }
}
