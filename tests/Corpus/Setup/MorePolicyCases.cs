using System;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Corpus.Setup;

public static class MoreIdentityCases
{
    public static void Partner(IdentityOptions o) => o.Password.RequiredLength = 10; // vuln:PK3003 ten characters

    public static void PartnerSafe(IdentityOptions o) => o.Password.RequiredLength = 64; // safe:PK3003 long

    public static void Lockout30Seconds(IdentityOptions o) => o.Lockout.DefaultLockoutTimeSpan = new TimeSpan(0, 0, 30); // vuln:PK3003 TimeSpan constructor, 30 seconds

    public static void Lockout15Minutes(IdentityOptions o) => o.Lockout.DefaultLockoutTimeSpan = new TimeSpan(0, 15, 0); // safe:PK3003 TimeSpan constructor, 15 minutes

    public static void Attempts(IdentityOptions o) => o.Lockout.MaxFailedAccessAttempts = 50; // vuln:PK3003 fifty attempts

    public static void AttemptsSafe(IdentityOptions o) => o.Lockout.MaxFailedAccessAttempts = 5; // safe:PK3003 equals the policy

    public static Task<Microsoft.AspNetCore.Identity.SignInResult> Mobile(SignInManager<ApplicationUser> signIn, string user, string password) =>
        signIn.PasswordSignInAsync(user, password, true, false); // vuln:PK3003 positional lockoutOnFailure false

    public static void Short(this IServiceCollection services) =>
        services.AddIdentityCore<ApplicationUser>(o => { o.Password.RequiredLength = 7; o.Password.RequireDigit = true; }); // vuln:PK3003 seven characters with composition rules
}

public static class MoreErrorCases
{
    public static void AddCircuits(this IServiceCollection services) =>
        services.AddServerSideBlazor(o => o.DetailedErrors = true); // vuln:PK3005 Blazor circuit errors sent to the browser

    public static void AddCircuitsSafe(this IServiceCollection services, IHostEnvironment environment) =>
        services.AddServerSideBlazor(o => o.DetailedErrors = environment.IsDevelopment()); // safe:PK3005 development only

    public static void UseDeveloperPageInStaging(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            app.UseDeveloperExceptionPage(); // vuln:PK3005 staging and test servers are reachable too
        }
    }

    public static void UseEnvironmentErrorPage(this WebApplication app)
    {
        app.UseDeveloperExceptionPage(); // vuln:PK3005 unconditional
        app.UseExceptionHandler("/Error");
    }

    public static IResult Fail(Exception ex) => Results.Json(new { error = ex.GetBaseException().Message }, statusCode: 500); // vuln:PK3005 innermost exception message as JSON

    public static IResult FailSafe(Exception ex) => Results.Json(new { error = "internal_error" }, statusCode: 500); // safe:PK3005 fixed code

    public static IActionResult FailMvc(Exception ex) => new ContentResult { Content = ex.Message, StatusCode = 500 }; // vuln:PK3005 exception message as content

    public static IActionResult FailMvcSafe(Exception ex) => new StatusCodeResult(500); // safe:PK3005 status only

    public static async Task WriteError(HttpContext context, Exception ex)
    {
        context.Response.StatusCode = 500;
        await context.Response.WriteAsync($"<pre>{ex}</pre>"); // vuln:PK3005 exception in an HTML error page
    }

    public static async Task WriteErrorSafe(HttpContext context)
    {
        context.Response.StatusCode = 500;
        await context.Response.WriteAsync("<p>Sorry, something went wrong.</p>"); // safe:PK3005 fixed page
    }
}
