using System;
using System.IO;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using System.IdentityModel.Tokens.Jwt;

namespace Holdout.Web;

public sealed record LoginModel(string Email, string Password, bool RememberMe);

public sealed class AccountController(SignInManager<IdentityUser> signIn, ILogger<AccountController> logger) : Controller
{
    [HttpPost]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginModel model, string? returnUrl)
    {
        logger.LogInformation("Login attempt for {Email} with password {Password}", model.Email, model.Password); // vuln:PK5001 password logged
        logger.LogInformation("Login attempt for {Email}", model.Email); // safe:PK5001 e-mail only (personal, but allowed by policy here)
        var result = await signIn.PasswordSignInAsync(model.Email, model.Password, model.RememberMe, lockoutOnFailure: false); // vuln:PK3003 no lockout
        if (result.Succeeded)
        {
            return Redirect(returnUrl ?? "/"); // vuln:PK1005 open redirect after login
        }

        return View();
    }

    [HttpPost]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> LoginSafe(LoginModel model, string? returnUrl)
    {
        var result = await signIn.PasswordSignInAsync(model.Email, model.Password, model.RememberMe, lockoutOnFailure: true); // safe:PK3003 lockout on
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl ?? "/"); // safe:PK1005 LocalRedirect
        }

        return View();
    }
}

public sealed class TokenValidator(ILogger<TokenValidator> logger)
{
    public bool IsValid(string token, TokenValidationParameters parameters)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
            return true;
        }
        catch (SecurityTokenException ex) // vuln:PK3001 validation failure treated as success
        {
            logger.LogWarning(ex, "token validation failed");
            return true;
        }
    }

    public bool IsValidSafe(string token, TokenValidationParameters parameters)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
            return true;
        }
        catch (SecurityTokenException ex) // safe:PK3001 fails closed
        {
            logger.LogWarning(ex, "token validation failed");
            return false;
        }
    }

    public ClaimsPrincipal? Principal(string token, TokenValidationParameters parameters)
    {
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
        }
        catch (Exception) // vuln:PK3001 swallowed, falls back to an anonymous-but-trusted principal
        {
            return new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Role, "User") }, "jwt"));
        }
    }
}

[Route("admin")]
public sealed class AdminController : Controller
{
    [HttpGet("users")]
    public IActionResult Users() => View(); // vuln:PK3002 admin page without authorization

    [Authorize(Roles = "Admin")]
    [HttpGet("audit")]
    public IActionResult Audit() => View(); // safe:PK3002 role required
}

[Authorize]
public sealed class FilesController(IWebHostEnvironmentAccessor env) : Controller
{
    [HttpGet("files/{name}")]
    public IActionResult Download(string name)
    {
        var path = Path.Combine("/srv/uploads", name);
        return PhysicalFile(path, "application/octet-stream"); // vuln:PK1004 traversal
    }

    [HttpGet("files-safe/{name}")]
    public IActionResult DownloadSafe(string name)
    {
        var path = Path.Combine("/srv/uploads", Path.GetFileName(name));
        return PhysicalFile(path, "application/octet-stream"); // safe:PK1004 file name only
    }

    [HttpGet("greet")]
    public IActionResult Greet(string name) => Content("<h1>Hello " + name + "</h1>", "text/html"); // vuln:PK1002 reflected

    [HttpGet("greet-safe")]
    public IActionResult GreetSafe(string name) => Content("<h1>Hello " + System.Net.WebUtility.HtmlEncode(name) + "</h1>", "text/html"); // safe:PK1002 encoded

    [HttpPost("profile")]
    public IActionResult UpdateProfile(string displayName) => Ok(); // vuln:PK3006 POST without antiforgery in an MVC controller

    [HttpGet("error")]
    public IActionResult Error(Exception? ex) => Content(ex?.ToString() ?? ""); // vuln:PK3005 stack trace to the user
}

public interface IWebHostEnvironmentAccessor { }

public sealed class CookieSetup
{
    public static void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.HttpOnly = false; // vuln:PK3004 auth cookie readable by script
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // vuln:PK3004 not always secure
                o.ExpireTimeSpan = TimeSpan.FromDays(30); // vuln:PK3004 30 days
            });
    }

    public static void Append(HttpResponse response, string sessionId)
    {
        response.Cookies.Append("session", sessionId, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax }); // safe:PK3004 sound flags
        response.Cookies.Append("auth", sessionId); // vuln:PK3004 default options on an auth cookie
    }
}
