using System;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Corpus.Logging;

public sealed class AccountEvents
{
    private readonly ILogger<AccountEvents> _logger;

    public AccountEvents(ILogger<AccountEvents> logger) => _logger = logger;

    public void LoginFailed(string userName, string password) =>
        _logger.LogWarning("Login failed for {User} with password {Password}", userName, password); // vuln:PK5001 password logged

    public void LoginFailedSafe(string userName, string userId) =>
        _logger.LogWarning("Login failed for user id {UserId}", userId); // safe:PK5001 id only

    public void TokenIssued(string userId, string accessToken) =>
        _logger.LogInformation("Issued token {Token} to {UserId}", accessToken, userId); // vuln:PK5001 token logged

    public void TokenIssuedSafe(string userId, DateTime expires) =>
        _logger.LogInformation("Issued token to {UserId}, expires {Expires}", userId, expires); // safe:PK5001 expiry only

    public void Connected(string connectionString) =>
        _logger.LogDebug($"Opening database {connectionString}"); // vuln:PK5001 connection string logged

    public void ConnectedSafe(string databaseName) =>
        _logger.LogDebug("Opening database {Database}", databaseName); // safe:PK5001 database name

    public void Registered(ApplicationUser user) =>
        _logger.LogInformation("Registered {Email} ({Name})", user.Email, user.DisplayName); // vuln:PK5001 personal data logged

    public void RegisteredSafe(ApplicationUser user) =>
        _logger.LogInformation("Registered user {UserId}", user.Id); // safe:PK5001 user id

    public void PasswordChanged(ApplicationUser user) =>
        _logger.LogInformation("Password changed for {UserId}", user.Id); // safe:PK5001 event without the secret

    public void ResetRequested(string email, string resetToken)
    {
        Log.Information("Password reset for {Email}: {ResetToken}", email, resetToken); // vuln:PK5001 Serilog token and e-mail
    }

    public void ResetRequestedSafe(string userId) => Log.Information("Password reset requested for {UserId}", userId); // safe:PK5001 Serilog id

    public void Debug(string apiKey) => Console.WriteLine("Using API key " + apiKey); // vuln:PK5001 console API key

    public void DebugSafe(string apiKeyName) => Console.WriteLine("Using API key named " + apiKeyName); // safe:PK5001 key name only

    public void Fail(string password) => throw new InvalidOperationException($"Password '{password}' rejected by the directory"); // vuln:PK5001 password in exception message

    public void FailSafe(int length) => throw new InvalidOperationException($"Password rejected by the directory (length {length})"); // safe:PK5001 no secret

    public void PolicyName(string passwordPolicyName) => _logger.LogInformation("Applying password policy {Policy}", passwordPolicyName); // safe:PK5001 policy name contains 'password'
}
