using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3001SwallowedAuthErrorAnalyzer, PolicyKit.CodeFixes.Rules.PK3001SwallowedAuthErrorFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3001SwallowedAuthErrorTests
{
    [Fact]
    public Task Flags_empty_catch_around_token_validation() => Verify.Analyzer("""
        using System.IdentityModel.Tokens.Jwt;
        using System.Security.Claims;
        using Microsoft.IdentityModel.Tokens;
        class TokenService
        {
            public ClaimsPrincipal? Read(string token, TokenValidationParameters parameters)
            {
                ClaimsPrincipal? principal = null;
                try { principal = new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _); }
                [|catch|] { }
                return principal;
            }
        }
        """);

    [Fact]
    public Task Flags_catch_returning_true_after_token_validation() => Verify.Analyzer("""
        using System;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.IdentityModel.Tokens;
        class TokenService
        {
            public bool IsValid(string token, TokenValidationParameters parameters)
            {
                try
                {
                    new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
                    return true;
                }
                [|catch (SecurityTokenExpiredException)|]
                {
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }
        """);

    [Fact]
    public Task Flags_authorization_handler_succeeding_in_catch() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        public class SameTenantRequirement : IAuthorizationRequirement { }
        public interface ITenantService { Task<bool> CheckAccessAsync(string? user); }
        public class SameTenantHandler : AuthorizationHandler<SameTenantRequirement>
        {
            private readonly ITenantService _tenants;
            public SameTenantHandler(ITenantService tenants) => _tenants = tenants;
            protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SameTenantRequirement requirement)
            {
                try
                {
                    if (await _tenants.CheckAccessAsync(context.User.Identity?.Name)) context.Succeed(requirement);
                }
                [|catch (Exception)|]
                {
                    context.Succeed(requirement);
                }
            }
        }
        """);

    [Fact]
    public Task Flags_authentication_handler_returning_success_in_catch() => Verify.Analyzer("""
        using System;
        using System.Security.Claims;
        using System.Text.Encodings.Web;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;
        public interface IApiKeyStore { Task<string> OwnerOfAsync(string key); }
        public class ApiKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
        {
            private readonly IApiKeyStore _store;
            public ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> o, ILoggerFactory l, UrlEncoder e, IApiKeyStore store)
                : base(o, l, e) => _store = store;
            protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
            {
                var identity = new ClaimsIdentity(Scheme.Name);
                try
                {
                    var owner = await _store.OwnerOfAsync(Request.Headers["X-Api-Key"].ToString());
                    identity.AddClaim(new Claim(ClaimTypes.Name, owner));
                }
                [|catch (Exception ex)|]
                {
                    Logger.LogWarning(ex, "API key lookup failed");
                }
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
            }
        }
        """);

    [Fact]
    public Task Flags_password_verification_setting_a_flag() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Identity;
        public class AppUser { public string PasswordHash { get; set; } = ""; }
        public class LoginService
        {
            private readonly IPasswordHasher<AppUser> _hasher;
            public LoginService(IPasswordHasher<AppUser> hasher) => _hasher = hasher;
            public bool Check(AppUser user, string password)
            {
                var isValid = false;
                try
                {
                    isValid = _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
                }
                [|catch (FormatException)|]
                {
                    isValid = true;
                }
                return isValid;
            }
        }
        """);

    [Fact]
    public Task Flags_controller_falling_through_to_ok_after_authorize_failure() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        public record Document(int Id, string Owner);
        public class DocumentsController : ControllerBase
        {
            private readonly IAuthorizationService _authorization;
            private readonly ILogger<DocumentsController> _logger;
            public DocumentsController(IAuthorizationService a, ILogger<DocumentsController> l) { _authorization = a; _logger = l; }
            [HttpGet("{id}")]
            public async Task<IActionResult> Get(int id)
            {
                var document = new Document(id, "alice");
                try
                {
                    var result = await _authorization.AuthorizeAsync(User, document, "OwnerOnly");
                    if (!result.Succeeded) return Forbid();
                }
                [|catch (InvalidOperationException ex)|]
                {
                    _logger.LogError(ex, "Policy evaluation failed");
                }
                return Ok(document);
            }
        }
        """);

    [Fact]
    public Task Flags_sign_in_failure_swallowed_in_login_action() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public record LoginInput(string Email, string Password);
        public class AccountController : Controller
        {
            private readonly SignInManager<IdentityUser> _signIn;
            public AccountController(SignInManager<IdentityUser> signIn) => _signIn = signIn;
            [HttpPost]
            public async Task<IActionResult> Login(LoginInput input)
            {
                try
                {
                    var result = await _signIn.PasswordSignInAsync(input.Email, input.Password, false, lockoutOnFailure: true);
                    if (!result.Succeeded) return View(input);
                }
                [|catch (Exception)|]
                {
                    // "the directory is flaky": let the user in anyway
                    await _signIn.SignInAsync(new IdentityUser(input.Email), isPersistent: false);
                    return RedirectToAction("Index", "Home");
                }
                return RedirectToAction("Index", "Home");
            }
        }
        """);

    [Fact]
    public Task Flags_in_house_authenticate_call_with_empty_catch() => Verify.Analyzer("""
        using System;
        public interface IUserDirectory { bool Authenticate(string user, string password); }
        public class LegacyGate
        {
            private readonly IUserDirectory _directory;
            public LegacyGate(IUserDirectory directory) => _directory = directory;
            public bool Allow(string user, string password)
            {
                var ok = false;
                try { ok = _directory.Authenticate(user, password); }
                [|catch (Exception)|] { }
                return ok;
            }
        }
        """);

    [Fact]
    public Task Flags_certificate_chain_build_returning_true() => Verify.Analyzer("""
        using System;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        class ClientCertificates
        {
            public bool IsTrusted(X509Certificate2 certificate)
            {
                using var chain = new X509Chain();
                try { return chain.Build(certificate); }
                [|catch (CryptographicException)|] { return true; }
            }
        }
        """);

    [Fact]
    public Task Flags_security_token_exception_catch_that_returns_the_principal() => Verify.Analyzer("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.IdentityModel.Tokens;
        public interface ITokenReader { Task<ClaimsPrincipal> ReadAsync(string token); }
        class Gateway
        {
            private readonly ITokenReader _reader;
            Gateway(ITokenReader reader) => _reader = reader;
            public async Task<ClaimsPrincipal> PrincipalFor(string token)
            {
                var anonymous = new ClaimsPrincipal(new ClaimsIdentity("fallback"));
                try { return await _reader.ReadAsync(token); }
                [|catch (SecurityTokenException)|] { return anonymous; }
            }
        }
        """);

    [Fact]
    public Task Flags_cookie_validate_principal_event_swallowing() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        public interface ISessionStore { Task EnsureActiveAsync(string? id); }
        static class Setup
        {
            public static void Add(IServiceCollection services) => services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o => o.Events.OnValidatePrincipal = async context =>
                {
                    try
                    {
                        await context.HttpContext.RequestServices.GetRequiredService<ISessionStore>().EnsureActiveAsync(context.Principal?.Identity?.Name);
                    }
                    [|catch (Exception)|]
                    {
                    }
                });
        }
        """);

    [Fact]
    public Task Flags_middleware_calling_next_after_failed_authentication() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        public class TenantMiddleware
        {
            private readonly RequestDelegate _next;
            public TenantMiddleware(RequestDelegate next) => _next = next;
            public async Task InvokeAsync(HttpContext context)
            {
                try
                {
                    var result = await context.AuthenticateAsync("Tenant");
                    if (!result.Succeeded) { context.Response.StatusCode = 401; return; }
                    context.User = result.Principal!;
                }
                [|catch (InvalidOperationException)|]
                {
                    context.Items["auth-error"] = true;
                }
                await _next(context);
            }
        }
        """);

    [Fact]
    public Task Flags_discarded_authorization_result() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        public class ReportsController : ControllerBase
        {
            private readonly IAuthorizationService _authorization;
            public ReportsController(IAuthorizationService authorization) => _authorization = authorization;
            [HttpDelete("{id}")]
            public async Task<IActionResult> Delete(int id)
            {
                await [|_authorization.AuthorizeAsync(User, id, "Admin")|];
                return NoContent();
            }
        }
        """);

    [Fact]
    public Task Flags_minimal_api_login_swallowing_errors() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapPost("/login", async (SignInManager<IdentityUser> signIn, string user, string password) =>
                {
                    try
                    {
                        var result = await signIn.PasswordSignInAsync(user, password, false, true);
                        if (!result.Succeeded) return Results.Unauthorized();
                    }
                    [|catch (Exception)|]
                    {
                        return Results.Ok("signed in");
                    }
                    return Results.Ok("signed in");
                });
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Flags_bcrypt_like_verify_with_empty_catch() => Verify.Analyzer("""
        using System;
        public static class BCryptHelper { public static bool Verify(string text, string hash) => text == hash; }
        public class Users
        {
            public bool Matches(string password, string hash)
            {
                bool matches = true;
                try { matches = BCryptHelper.Verify(password, hash); }
                [|catch|] { }
                return matches;
            }
        }
        """);

    [Fact]
    public Task Flags_validate_token_method_with_swallowing_catch() => Verify.Analyzer("""
        using System;
        using System.Text.Json;
        public class ApiKeyValidator
        {
            public bool ValidateApiKey(string header)
            {
                try
                {
                    var doc = JsonDocument.Parse(header);
                    return doc.RootElement.GetProperty("active").GetBoolean();
                }
                [|catch (JsonException)|]
                {
                    return true;
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_catch_that_logs_and_fails_closed() => Verify.NoDiagnostic("""
        using System.IdentityModel.Tokens.Jwt;
        using System.Security.Claims;
        using Microsoft.Extensions.Logging;
        using Microsoft.IdentityModel.Tokens;
        class TokenService
        {
            private readonly ILogger<TokenService> _logger;
            public TokenService(ILogger<TokenService> logger) => _logger = logger;
            public ClaimsPrincipal? Read(string token, TokenValidationParameters parameters)
            {
                try { return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _); }
                catch (SecurityTokenException ex)
                {
                    _logger.LogWarning(ex, "Rejected token");
                    return null;
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_catch_that_rethrows() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class Login
        {
            public async Task<SignInResult> Run(SignInManager<IdentityUser> signIn, ILogger logger, string u, string p)
            {
                try { return await signIn.PasswordSignInAsync(u, p, false, true); }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Sign-in failed for {User}", u);
                    throw;
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_authentication_handler_that_fails() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Claims;
        using System.Text.Encodings.Web;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;
        public class HeaderHandler : AuthenticationHandler<AuthenticationSchemeOptions>
        {
            public HeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> o, ILoggerFactory l, UrlEncoder e) : base(o, l, e) { }
            protected override Task<AuthenticateResult> HandleAuthenticateAsync()
            {
                try
                {
                    var user = Request.Headers["X-User"].ToString();
                    var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, user) }, Scheme.Name));
                    return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
                }
                catch (Exception ex)
                {
                    Logger.LogWarning(ex, "Bad header");
                    return Task.FromResult(AuthenticateResult.Fail(ex));
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_authorization_handler_that_calls_fail() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.Extensions.Logging;
        public class MinimumAgeRequirement : IAuthorizationRequirement { }
        public class MinimumAgeHandler : AuthorizationHandler<MinimumAgeRequirement>
        {
            private readonly ILogger<MinimumAgeHandler> _logger;
            public MinimumAgeHandler(ILogger<MinimumAgeHandler> logger) => _logger = logger;
            protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumAgeRequirement requirement)
            {
                try
                {
                    var birth = DateTime.Parse(context.User.FindFirst("birthdate")!.Value);
                    if (birth.AddYears(18) <= DateTime.Today) context.Succeed(requirement);
                }
                catch (FormatException ex)
                {
                    _logger.LogWarning(ex, "Bad birthdate claim");
                    context.Fail();
                }
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task Ignores_login_action_that_shows_the_form_again() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        public record LoginInput(string Email, string Password);
        public class AccountController : Controller
        {
            private readonly SignInManager<IdentityUser> _signIn;
            private readonly ILogger<AccountController> _logger;
            public AccountController(SignInManager<IdentityUser> s, ILogger<AccountController> l) { _signIn = s; _logger = l; }
            [HttpPost]
            public async Task<IActionResult> Login(LoginInput input)
            {
                try
                {
                    var result = await _signIn.PasswordSignInAsync(input.Email, input.Password, false, lockoutOnFailure: true);
                    if (result.Succeeded) return LocalRedirect("/");
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Sign-in error");
                    ModelState.AddModelError(string.Empty, "Sign-in failed.");
                }
                return View(input);
            }
        }
        """);

    [Fact]
    public Task Ignores_ordinary_empty_catches() => Verify.NoDiagnostic("""
        using System;
        using System.IO;
        using System.Text.Json;
        class Preferences
        {
            public int Port(string text) { try { return int.Parse(text); } catch (FormatException) { } return 80; }
            public void Cleanup(string path) { try { File.Delete(path); } catch (IOException) { } }
            public JsonDocument? Optional(string json) { try { return JsonDocument.Parse(json); } catch { return null; } }
            public bool Load(string path) { try { File.ReadAllText(path); return true; } catch { } return false; }
        }
        """);

    [Fact]
    public Task Ignores_cancellation() => Verify.NoDiagnostic("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using System.Security.Claims;
        class Batch
        {
            public async Task<bool> Run(IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken token)
            {
                try
                {
                    var result = await authorization.AuthorizeAsync(user, "Batch");
                    await Task.Delay(10, token);
                    return result.Succeeded;
                }
                catch (OperationCanceledException) { }
                return false;
            }
        }
        """);

    [Fact]
    public Task Ignores_null_principal_then_challenge() => Verify.NoDiagnostic("""
        using System.IdentityModel.Tokens.Jwt;
        using System.Security.Claims;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        using Microsoft.IdentityModel.Tokens;
        public class ProfileController : ControllerBase
        {
            private readonly ILogger<ProfileController> _logger;
            private readonly TokenValidationParameters _parameters;
            public ProfileController(ILogger<ProfileController> l, TokenValidationParameters p) { _logger = l; _parameters = p; }
            [HttpGet]
            public IActionResult Get(string token)
            {
                ClaimsPrincipal? principal = null;
                try { principal = new JwtSecurityTokenHandler().ValidateToken(token, _parameters, out _); }
                catch (SecurityTokenException ex) { _logger.LogInformation(ex, "Invalid token"); }
                if (principal is null) return Challenge();
                return Ok(principal.Identity?.Name);
            }
        }
        """);

    [Fact]
    public Task Ignores_checked_results() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        public class ReportsController : ControllerBase
        {
            private readonly IAuthorizationService _authorization;
            public ReportsController(IAuthorizationService authorization) => _authorization = authorization;
            [HttpDelete("{id}")]
            public async Task<IActionResult> Delete(int id)
            {
                var result = await _authorization.AuthorizeAsync(User, id, "Admin");
                if (!result.Succeeded) return Forbid();
                return NoContent();
            }
        }
        """);

    [Fact]
    public Task Ignores_catch_returning_false_in_a_check() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography.X509Certificates;
        class Pinning
        {
            public bool ValidateCertificate(X509Certificate2 certificate)
            {
                try { return certificate.Verify(); }
                catch (Exception) { return false; }
            }
        }
        """);

    [Fact]
    public Task Ignores_logging_calls_named_like_login() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.Extensions.Logging;
        class Audit
        {
            public void Record(ILogger logger, string user)
            {
                try { logger.LogInformation("Login page shown to {User}", user); }
                catch (Exception) { }
            }
        }
        """);

    [Fact]
    public Task Fix_rethrows_in_an_empty_catch() => Verify.Fix("""
        using System;
        public interface IUserDirectory { bool Authenticate(string user, string password); }
        public class LegacyGate
        {
            public bool Allow(IUserDirectory directory, string user, string password)
            {
                var ok = false;
                try { ok = directory.Authenticate(user, password); }
                [|catch (Exception)|]
                {
                }
                return ok;
            }
        }
        """, """
        using System;
        public interface IUserDirectory { bool Authenticate(string user, string password); }
        public class LegacyGate
        {
            public bool Allow(IUserDirectory directory, string user, string password)
            {
                var ok = false;
                try { ok = directory.Authenticate(user, password); }
                catch (Exception)
                {
                    throw;
                }
                return ok;
            }
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_a_catch_with_statements() => Verify.NoFix("""
        using System;
        public class Gate
        {
            public bool Authorize(Func<bool> check)
            {
                try { return check(); }
                [|catch (Exception)|] { return true; }
            }
        }
        """);
}
