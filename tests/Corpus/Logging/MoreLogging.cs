using System;
using System.Net.Http;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Corpus.Logging;

public sealed record Credentials(string UserName, string Password);

public sealed class ExternalLoginLogger(ILogger<ExternalLoginLogger> logger)
{
    public void Exchanged(string code, string accessToken, string refreshToken) =>
        logger.LogDebug("Exchanged {Code} for access {Access} and refresh {Refresh}", code, accessToken, refreshToken); // vuln:PK5001 OAuth code and tokens

    public void ExchangedSafe(string provider, DateTimeOffset expires) =>
        logger.LogDebug("Exchanged code with {Provider}, token expires {Expires}", provider, expires); // safe:PK5001 provider and expiry

    public void Credential(Credentials credentials) => logger.LogTrace("Credential: {Credentials}", credentials); // vuln:PK5001 record ToString prints the password

    public void CredentialSafe(Credentials credentials) => logger.LogTrace("Credential for {User}", credentials.UserName.Length); // safe:PK5001 length of the name only

    public void Request(HttpRequestMessage request) => logger.LogDebug("Calling {Uri} with {Headers}", request.RequestUri, request.Headers.ToString()); // vuln:PK5001 request headers include Authorization

    public void RequestSafe(HttpRequestMessage request) => logger.LogDebug("Calling {Method} {Host}", request.Method, request.RequestUri?.Host); // safe:PK5001 method and host

    public void Totp(string userId, string sharedKey) => logger.LogInformation("Authenticator key for {UserId} is {Key}", userId, sharedKey); // vuln:PK5001 TOTP shared secret

    public void Jwt(string jwt) => System.Console.WriteLine($"Issued JWT {jwt}"); // vuln:PK5001 bearer token on the console (container logs)

    public void TotpSafe(string userId) => logger.LogInformation("Authenticator reset for {UserId}", userId); // safe:PK5001 event only

    public async Task Recovery(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        logger.LogInformation("Recovery codes {Codes}", string.Join(",", codes!)); // vuln:PK5001 recovery codes logged
    }

    public async Task RecoverySafe(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        logger.LogInformation("Generated {Count} recovery codes for {UserId}", System.Linq.Enumerable.Count(codes!), user.Id); // safe:PK5001 count only
    }

    public void Failed(string userId, int attempts) => logger.LogWarning("Failed attempt {Attempts} for user {UserId}", attempts, userId); // safe:PK5001 id and count
}
