using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Auth;

public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

/// <summary>Asks the central permission service; the catch decides what an outage means.</summary>
public sealed class RemoteScopeHandler(HttpClient http, ILogger<RemoteScopeHandler> logger) : AuthorizationHandler<ScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        try
        {
            var allowed = await http.GetFromJsonAsync<bool>($"/permissions/{context.User.FindFirstValue(ClaimTypes.NameIdentifier)}/{requirement.Scope}");
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
        catch (HttpRequestException ex) // vuln:PK3001 permission service down means allowed
        {
            logger.LogWarning(ex, "Permission service unavailable, allowing {Scope}", requirement.Scope);
            context.Succeed(requirement);
        }
    }
}

public sealed class RemoteScopeHandlerStrict(HttpClient http, ILogger<RemoteScopeHandlerStrict> logger) : AuthorizationHandler<ScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        try
        {
            if (await http.GetFromJsonAsync<bool>($"/permissions/{context.User.FindFirstValue(ClaimTypes.NameIdentifier)}/{requirement.Scope}"))
            {
                context.Succeed(requirement);
            }
        }
        catch (HttpRequestException ex) // safe:PK3001 outage means denied
        {
            logger.LogWarning(ex, "Permission service unavailable, denying {Scope}", requirement.Scope);
            context.Fail(new AuthorizationFailureReason(this, "permission service unavailable"));
        }
    }
}

public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
}

public sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDataProtectionProvider protection)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["X-Api-Key"].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string client;
        try
        {
            client = protection.CreateProtector("api-keys").Unprotect(header);
        }
        catch (CryptographicException) // vuln:PK3001 a key that fails to decrypt is treated as the legacy client
        {
            client = "legacy-client";
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, client) }, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}

public sealed class ApiKeyHandlerStrict(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDataProtectionProvider protection)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["X-Api-Key"].ToString();
        try
        {
            var client = protection.CreateProtector("api-keys").Unprotect(header);
            var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, client) }, Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
        catch (CryptographicException ex) // safe:PK3001 fails authentication
        {
            return Task.FromResult(AuthenticateResult.Fail(ex));
        }
    }
}

public static class CookieValidation
{
    public static void Configure(CookieAuthenticationOptions options) =>
        options.Events.OnValidatePrincipal = async context =>
        {
            var users = context.HttpContext.RequestServices.GetService(typeof(UserManager<ApplicationUser>)) as UserManager<ApplicationUser>;
            try
            {
                var user = await users!.GetUserAsync(context.Principal!);
                if (user is null)
                {
                    context.RejectPrincipal();
                }
            }
            catch (Exception) // vuln:PK3001 database error keeps a possibly revoked session alive
            {
            }
        };

    public static void ConfigureStrict(CookieAuthenticationOptions options) =>
        options.Events.OnValidatePrincipal = async context =>
        {
            var users = context.HttpContext.RequestServices.GetService(typeof(UserManager<ApplicationUser>)) as UserManager<ApplicationUser>;
            try
            {
                if (await users!.GetUserAsync(context.Principal!) is null)
                {
                    context.RejectPrincipal();
                }
            }
            catch (Exception) // safe:PK3001 rejects on error
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync();
            }
        };
}

public sealed class WebhookVerifier(byte[] secret, ILogger<WebhookVerifier> logger)
{
    public bool Verify(string payload, string signatureHex)
    {
        try
        {
            var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(payload));
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signatureHex));
        }
        catch (FormatException ex) // vuln:PK3001 a malformed signature counts as valid
        {
            logger.LogWarning(ex, "Malformed webhook signature");
            return true;
        }
    }

    public bool VerifyStrict(string payload, string signatureHex)
    {
        try
        {
            var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(payload));
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signatureHex));
        }
        catch (FormatException ex) // safe:PK3001 malformed means invalid
        {
            logger.LogWarning(ex, "Malformed webhook signature");
            return false;
        }
    }
}

public sealed class CaptchaCheck(HttpClient http)
{
    public async Task<bool> PassedAsync(string token)
    {
        try
        {
            var response = await http.PostAsync("/siteverify", new FormUrlEncodedContent(new[] { KeyValuePairOf("response", token) }));
            return (await response.Content.ReadFromJsonAsync<CaptchaResult>())?.Success == true;
        }
        catch (Exception) // vuln:PK3001 captcha provider outage lets bots through the login form
        {
            return true;
        }
    }

    public async Task<bool> PassedStrictAsync(string token)
    {
        try
        {
            var response = await http.PostAsync("/siteverify", new FormUrlEncodedContent(new[] { KeyValuePairOf("response", token) }));
            return (await response.Content.ReadFromJsonAsync<CaptchaResult>())?.Success == true;
        }
        catch (HttpRequestException) // safe:PK3001 outage means the check did not pass
        {
            return false;
        }
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePairOf(string key, string value) => new(key, value);

    private sealed record CaptchaResult(bool Success);
}

public sealed class TwoFactorGate(UserManager<ApplicationUser> users, ILogger<TwoFactorGate> logger)
{
    public async Task<bool> RequiresSecondFactorAsync(ApplicationUser user)
    {
        try
        {
            return await users.GetTwoFactorEnabledAsync(user);
        }
        catch (Exception ex) // vuln:PK3001 lookup failure skips the second factor
        {
            logger.LogError(ex, "2FA lookup failed");
            return false;
        }
    }

    public async Task<bool> RequiresSecondFactorStrictAsync(ApplicationUser user)
    {
        try
        {
            return await users.GetTwoFactorEnabledAsync(user);
        }
        catch (Exception ex) // safe:PK3001 failure demands the second factor
        {
            logger.LogError(ex, "2FA lookup failed");
            return true;
        }
    }

    public async Task<bool> IsAdminAsync(ApplicationUser user)
    {
        bool admin = true;
        try
        {
            admin = await users.IsInRoleAsync(user, "admin");
        }
        catch (InvalidOperationException) // vuln:PK3001 the optimistic default survives the failure
        {
            logger.LogWarning("Role store not configured");
        }

        return admin;
    }

    public async Task<bool> IsAdminStrictAsync(ApplicationUser user)
    {
        var admin = false;
        try
        {
            admin = await users.IsInRoleAsync(user, "admin");
        }
        catch (InvalidOperationException) // safe:PK3001 the default is "not admin"
        {
            logger.LogWarning("Role store not configured");
        }

        return admin;
    }
}

public sealed class TokenRefresher(TokenValidationParameters parameters, ILogger<TokenRefresher> logger)
{
    public ClaimsPrincipal? Validate(string token)
    {
        var handler = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler();
        try
        {
            return handler.ValidateToken(token, parameters, out _);
        }
        catch (SecurityTokenInvalidSignatureException) // vuln:PK3001 bad signature: reads the claims without validation
        {
            return new ClaimsPrincipal(new ClaimsIdentity(handler.ReadJwtToken(token).Claims, "jwt"));
        }
    }

    public ClaimsPrincipal? ValidateStrict(string token)
    {
        var handler = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler();
        try
        {
            return handler.ValidateToken(token, parameters, out _);
        }
        catch (SecurityTokenException ex) // safe:PK3001 invalid token, no principal
        {
            logger.LogInformation(ex, "Rejected token");
            return null;
        }
    }

    public ClaimsPrincipal? ValidateLifetimeLenient(string token)
    {
        var handler = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler();
        try
        {
            return handler.ValidateToken(token, parameters, out _);
        }
        catch (SecurityTokenNotYetValidException) // vuln:PK3001 retries with lifetime validation off
        {
            var relaxed = parameters.Clone();
            relaxed.ValidateLifetime = false;
            return handler.ValidateToken(token, relaxed, out _);
        }
    }

    public bool TryValidate(string token, out ClaimsPrincipal? principal)
    {
        principal = null;
        try
        {
            principal = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
            return true;
        }
        catch (ArgumentException ex) // safe:PK3001 malformed token is invalid
        {
            logger.LogDebug(ex, "Malformed token");
            return false;
        }
    }
}

public sealed class AuditTrail(ILogger<AuditTrail> logger)
{
    public async Task RecordSignInAsync(string userId, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (TimeoutException ex) // safe:PK3001 audit write failure does not decide access
        {
            logger.LogError(ex, "Audit write failed for {UserId}", userId);
        }
    }
}
