using System;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Auth;

public sealed class TokenValidator
{
    private readonly TokenValidationParameters _parameters;
    private readonly ILogger<TokenValidator> _logger;

    public TokenValidator(TokenValidationParameters parameters, ILogger<TokenValidator> logger) => (_parameters, _logger) = (parameters, logger);

    public ClaimsPrincipal? Validate(string token)
    {
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
        }
        catch (SecurityTokenException) // vuln:PK3001 empty catch falls through to an anonymous principal
        {
        }

        return new ClaimsPrincipal(new ClaimsIdentity());
    }

    public ClaimsPrincipal? ValidateSafe(string token)
    {
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
        }
        catch (SecurityTokenException ex) // safe:PK3001 logs and fails closed
        {
            _logger.LogWarning(ex, "Token rejected");
            return null;
        }
    }

    public bool IsValid(string token)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
            return true;
        }
        catch (Exception) // vuln:PK3001 returns true on any failure
        {
            return true;
        }
    }

    public bool IsValidSafe(string token)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
            return true;
        }
        catch (SecurityTokenExpiredException) // safe:PK3001 expired token rejected
        {
            return false;
        }
    }

    public bool IsValidLenient(string token)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
        }
        catch (SecurityTokenExpiredException) // vuln:PK3001 expired tokens accepted
        {
            _logger.LogDebug("Expired token accepted");
        }

        return true;
    }

    public async Task<bool> IsValidAsync(string token)
    {
        var result = await new JwtSecurityTokenHandler().ValidateTokenAsync(token, _parameters);
        try
        {
            return result.IsValid;
        }
        catch (ArgumentException) // safe:PK3001 rethrows
        {
            throw;
        }
    }

    public ClaimsPrincipal ValidateOrThrow(string token)
    {
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
        }
        catch (SecurityTokenException ex) // safe:PK3001 wraps and rethrows
        {
            throw new AuthenticationException("Invalid token", ex);
        }
    }

    public ClaimsPrincipal ValidateOrGuest(string token)
    {
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _);
        }
        catch // vuln:PK3001 bare catch returns a principal with a role
        {
            return new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Role, "user") }, "fallback"));
        }
    }
}

public sealed class MinimumAgeHandler : AuthorizationHandler<MinimumAgeRequirement>
{
    private readonly IAgeLookup _lookup;

    public MinimumAgeHandler(IAgeLookup lookup) => _lookup = lookup;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumAgeRequirement requirement)
    {
        try
        {
            if (await _lookup.AgeOfAsync(context.User) >= requirement.Age)
            {
                context.Succeed(requirement);
            }
        }
        catch (TimeoutException) // vuln:PK3001 succeeds when the lookup fails
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class MinimumAgeSafeHandler : AuthorizationHandler<MinimumAgeRequirement>
{
    private readonly IAgeLookup _lookup;
    private readonly ILogger<MinimumAgeSafeHandler> _logger;

    public MinimumAgeSafeHandler(IAgeLookup lookup, ILogger<MinimumAgeSafeHandler> logger) => (_lookup, _logger) = (lookup, logger);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumAgeRequirement requirement)
    {
        try
        {
            if (await _lookup.AgeOfAsync(context.User) >= requirement.Age)
            {
                context.Succeed(requirement);
            }
        }
        catch (TimeoutException ex) // safe:PK3001 fails the requirement
        {
            _logger.LogError(ex, "Age lookup timed out");
            context.Fail();
        }
    }
}

public sealed class TenantHandler : AuthorizationHandler<TenantRequirement>
{
    private readonly ITenantDirectory _tenants;

    public TenantHandler(ITenantDirectory tenants) => _tenants = tenants;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRequirement requirement)
    {
        try
        {
            if (await _tenants.IsMemberAsync(context.User, requirement.TenantId))
            {
                context.Succeed(requirement);
            }
        }
        catch (Exception) // vuln:PK3001 swallowed; the next handler decides with no trace
        {
        }
    }
}

public sealed class TenantSafeHandler : AuthorizationHandler<TenantRequirement>
{
    private readonly ITenantDirectory _tenants;
    private readonly ILogger<TenantSafeHandler> _logger;

    public TenantSafeHandler(ITenantDirectory tenants, ILogger<TenantSafeHandler> logger) => (_tenants, _logger) = (tenants, logger);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRequirement requirement)
    {
        try
        {
            if (await _tenants.IsMemberAsync(context.User, requirement.TenantId))
            {
                context.Succeed(requirement);
            }
        }
        catch (InvalidOperationException ex) // safe:PK3001 logged, requirement not met
        {
            _logger.LogWarning(ex, "Tenant directory unavailable; access denied");
        }
    }
}

public sealed record MinimumAgeRequirement(int Age) : IAuthorizationRequirement;

public sealed record TenantRequirement(string TenantId) : IAuthorizationRequirement;

public interface IAgeLookup
{
    Task<int> AgeOfAsync(ClaimsPrincipal user);
}

public interface ITenantDirectory
{
    Task<bool> IsMemberAsync(ClaimsPrincipal user, string tenantId);
}
