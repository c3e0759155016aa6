using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace Corpus.Logging;

public sealed record LoginRequest(string Email, string Password, bool RememberMe);

public sealed record LoginAudit(string Email, bool RememberMe);

public sealed record PaymentRequest(string CardNumber, string Cvc, decimal Amount);

/// <summary>Audit helpers shared by the controllers (the sink of the cross-file cases).</summary>
public static class AuditExtensions
{
    public static void Audit(this ILogger logger, string action, string detail) =>
        logger.LogInformation("AUDIT {Action}: {Detail}", action, detail); // vuln:PK5001#audit-detail callers pass secrets as the detail

    public static string Mask(this string value) => value.Length <= 4 ? "****" : new string('*', value.Length - 4) + value[^4..];
}

public static partial class AuthLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Sign-in failed for {Email} using {Password}")]
    public static partial void SignInFailed(ILogger logger, string email, string password); // vuln:PK5001#generated-password source-generated log message with the password

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in failed for user {UserId}")]
    public static partial void SignInFailedSafe(ILogger logger, string userId); // safe:PK5001 source-generated, id only
}

[ApiController]
[Route("api/session")]
public sealed class SessionLoggingController(ILogger<SessionLoggingController> logger, IConfiguration configuration, UserManager<ApplicationUser> users) : ControllerBase
{
    [HttpPost("login")]
    public IActionResult Login(LoginRequest request)
    {
        logger.LogInformation("Login attempt {@Request}", request); // vuln:PK5001 destructures the whole request, password included
        return Ok();
    }

    [HttpPost("login-safe")]
    public IActionResult LoginSafe(LoginRequest request)
    {
        logger.LogInformation("Login attempt {@Request}", new LoginAudit(request.Email.Mask(), request.RememberMe)); // safe:PK5001 masked projection without the password
        return Ok();
    }

    [HttpPost("login-generated")]
    public IActionResult LoginGenerated(LoginRequest request)
    {
        AuthLog.SignInFailed(logger, request.Email, request.Password); // vuln:PK5001#generated-password passes the password to the generated logger
        return Unauthorized();
    }

    [HttpPost("login-serialized")]
    public IActionResult LoginSerialized(LoginRequest request)
    {
        logger.LogDebug("Payload: " + JsonSerializer.Serialize(request)); // vuln:PK5001 serialised request with the password
        return Ok();
    }

    [HttpGet("whoami")]
    public IActionResult WhoAmI()
    {
        logger.LogDebug("Authorization header {Header}", Request.Headers.Authorization.ToString()); // vuln:PK5001 bearer token logged
        return Ok();
    }

    [HttpGet("whoami-scheme")]
    public IActionResult WhoAmIScheme()
    {
        var scheme = Request.Headers.Authorization.ToString().Split(' ', 2)[0];
        logger.LogDebug("Authorization scheme {Scheme}", scheme); // safe:PK5001 scheme name only
        return Ok();
    }

    [HttpGet("cookies")]
    public IActionResult Cookies()
    {
        logger.LogTrace("Cookies: {Cookies}", string.Join("; ", Request.Cookies.Select(c => $"{c.Key}={c.Value}"))); // vuln:PK5001 session cookie values
        return Ok();
    }

    [HttpGet("cookie-names")]
    public IActionResult CookieNames()
    {
        logger.LogTrace("Cookie names: {Cookies}", string.Join(", ", Request.Cookies.Keys)); // safe:PK5001 names, not values
        return Ok();
    }

    [HttpPost("pay")]
    public IActionResult Pay(PaymentRequest payment)
    {
        logger.LogInformation("Charging card {Card} (CVC {Cvc}) for {Amount}", payment.CardNumber, payment.Cvc, payment.Amount); // vuln:PK5001 card number and CVC
        return Accepted();
    }

    [HttpPost("pay-masked")]
    public IActionResult PayMasked(PaymentRequest payment)
    {
        logger.LogInformation("Charging card {Card} for {Amount}", payment.CardNumber.Mask(), payment.Amount); // safe:PK5001 last four digits only
        return Accepted();
    }

    [HttpPost("api-key")]
    public IActionResult RotateKey(string newApiKey)
    {
        logger.Audit("api-key-rotated", newApiKey); // vuln:PK5001#audit-detail new key written to the audit log
        return Ok();
    }

    [HttpPost("api-key-safe")]
    public IActionResult RotateKeySafe(string newApiKey)
    {
        logger.LogInformation("AUDIT {Action}: key ending {Suffix}", "api-key-rotated", newApiKey[^4..]); // safe:PK5001 suffix only
        return Ok();
    }

    [HttpGet("db")]
    public IActionResult Db()
    {
        var connection = configuration.GetConnectionString("Shop");
        logger.LogWarning("Falling back to {ConnectionString}", connection); // vuln:PK5001 connection string (may carry a password)
        return Ok();
    }

    [HttpGet("db-name")]
    public IActionResult DbName()
    {
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(configuration.GetConnectionString("Shop"));
        logger.LogWarning("Falling back to database {Database} on {Server}", builder.InitialCatalog, builder.DataSource); // safe:PK5001 database and server names only
        return Ok();
    }

    [HttpGet("user/{id}")]
    public async Task<IActionResult> DumpUser(string id)
    {
        var user = await users.FindByIdAsync(id);
        logger.LogDebug("Loaded user {User}", JsonSerializer.Serialize(user)); // vuln:PK5001 serialises PasswordHash, SecurityStamp, e-mail and phone
        return Ok();
    }

    [HttpGet("user/{id}/summary")]
    public async Task<IActionResult> UserSummary(string id)
    {
        var user = await users.FindByIdAsync(id);
        logger.LogDebug("Loaded user {UserId}, confirmed {Confirmed}, lockout {Lockout}", user?.Id, user?.EmailConfirmed, user?.LockoutEnabled); // safe:PK5001 flags and id
        return Ok();
    }

    [HttpPost("phone")]
    public IActionResult Phone(string phoneNumber, string code)
    {
        logger.LogInformation($"Sent code {code} to {phoneNumber}"); // vuln:PK5001 one-time code and phone number
        return Ok();
    }

    [HttpPost("phone-safe")]
    public IActionResult PhoneSafe(string phoneNumber, string code)
    {
        logger.LogInformation("Sent a {Length}-digit code to a number ending {Suffix}", code.Length, phoneNumber.Mask()); // safe:PK5001 length and masked number
        return Ok();
    }

    [HttpPost("scope")]
    public IActionResult Scope(string refreshToken)
    {
        using (logger.BeginScope(new Dictionary<string, object> { ["RefreshToken"] = refreshToken })) // vuln:PK5001 token in a log scope attached to every entry
        {
            logger.LogInformation("Refreshing session");
        }

        return Ok();
    }

    [HttpPost("scope-safe")]
    public IActionResult ScopeSafe(string refreshToken)
    {
        using (logger.BeginScope(new Dictionary<string, object> { ["TokenLength"] = refreshToken.Length })) // safe:PK5001 length only
        {
            logger.LogInformation("Refreshing session");
        }

        return Ok();
    }

    [HttpPost("reset")]
    public IActionResult Reset(string email, string newPassword)
    {
        Debug.WriteLine($"Reset {email} to {newPassword}"); // vuln:PK5001 debug output with the new password
        return Ok();
    }

    [HttpPost("reset-safe")]
    public IActionResult ResetSafe(string email, string newPassword)
    {
        Debug.WriteLine($"Reset requested, new password length {newPassword.Length}"); // safe:PK5001 length only
        return Ok();
    }

    [HttpPost("error")]
    public IActionResult Error(string secretAnswer)
    {
        try
        {
            throw new InvalidOperationException("Security answer mismatch");
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "Check failed for answer {Answer}", secretAnswer); // vuln:PK5001 security answer logged with the error
            return BadRequest();
        }
    }

    [HttpPost("error-safe")]
    public IActionResult ErrorSafe(string secretAnswer)
    {
        try
        {
            throw new InvalidOperationException("Security answer mismatch");
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "Security answer check failed"); // safe:PK5001 no answer
            return BadRequest();
        }
    }
}

public sealed class SerilogPayments
{
    public void Charge(string cardNumber, decimal amount) =>
        Log.ForContext("CardNumber", cardNumber).Information("Charging {Amount}", amount); // vuln:PK5001 Serilog context property with the card number

    public void ChargeSafe(string cardNumber, decimal amount) =>
        Log.ForContext("CardSuffix", cardNumber.Mask()).Information("Charging {Amount}", amount); // safe:PK5001 masked

    public void Secret(string clientSecret) => Log.Debug("OAuth client secret is {Secret}", clientSecret); // vuln:PK5001 client secret

    public void SecretName(string clientId) => Log.Debug("OAuth client {ClientId} configured", clientId); // safe:PK5001 client id is public

    public void Trace(string accessToken) => System.Diagnostics.Trace.TraceInformation("token=" + accessToken); // vuln:PK5001 Trace output with the token

    public void Exception(string iban) => throw new ArgumentException($"IBAN {iban} failed the checksum", nameof(iban)); // vuln:PK5001 account number in an exception message that reaches the logs

    public void ExceptionSafe(string iban) => throw new ArgumentException("IBAN failed the checksum", nameof(iban)); // safe:PK5001 names the parameter, not the value

    public void SignUp(string userId, string email) => Log.Information("Newsletter sign-up for user {UserId}", userId); // safe:PK5001 id, the e-mail is not logged
}
