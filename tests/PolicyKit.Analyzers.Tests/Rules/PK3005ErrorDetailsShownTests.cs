using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3005ErrorDetailsShownAnalyzer, PolicyKit.CodeFixes.Rules.PK3005ErrorDetailsShownFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK3005ErrorDetailsShownTests
{
    // Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore and JwtBearer are NuGet packages outside the shared
    // framework; these declarations mirror their public surface.
    private const string PackageSurface = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class DatabaseErrorPageExtensions
            {
                public static IApplicationBuilder UseDatabaseErrorPage(this IApplicationBuilder app) => app;
            }

            public static class MigrationsEndPointExtensions
            {
                public static IApplicationBuilder UseMigrationsEndPoint(this IApplicationBuilder app) => app;
            }
        }

        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public bool IncludeErrorDetails { get; set; }
            }
        }
        """;

    private static DiagnosticResult At(int location, string api) =>
        PolicyVerifier<PK3005ErrorDetailsShownAnalyzer>.Diagnostic().WithLocation(location).WithArguments(api);

    private static Task WithPackages(string source, params DiagnosticResult[] expected)
    {
        var test = PolicyVerifier<PK3005ErrorDetailsShownAnalyzer>.Create(source);
        test.TestState.Sources.Add(("/0/Packages.cs", PackageSurface));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    // ---- developer pages and detailed errors: flagged ----

    [Fact]
    public Task Flags_unguarded_developer_exception_page() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                {|#0:app.UseDeveloperExceptionPage()|};
                app.MapGet("/", () => "hello");
                app.Run();
            }
        }
        """, At(0, "UseDeveloperExceptionPage"));

    [Fact]
    public Task Flags_developer_exception_page_in_the_wrong_branch() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    [|app.UseDeveloperExceptionPage()|];
                }

                if (env.IsProduction() || env.IsStaging())
                {
                    [|app.UseDeveloperExceptionPage()|];
                }

                if (env.IsDevelopment() || env.IsStaging())
                {
                    [|app.UseDeveloperExceptionPage()|];
                }
            }
        }
        """);

    [Fact]
    public Task Flags_database_error_page_and_migrations_endpoint() => WithPackages("""
        using Microsoft.AspNetCore.Builder;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                {|#0:app.UseDatabaseErrorPage()|};
                {|#1:app.UseMigrationsEndPoint()|};
                app.Run();
            }
        }
        """, At(0, "UseDatabaseErrorPage"), At(1, "UseMigrationsEndPoint"));

    [Fact]
    public Task Flags_detailed_errors_switches() => WithPackages("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddServerSideBlazor(o => {|#0:o.DetailedErrors = true|});
                builder.Services.AddSignalR(o => {|#1:o.EnableDetailedErrors = true|});
                builder.Services.Configure<JwtBearerOptions>(o => {|#2:o.IncludeErrorDetails = true|});
                {|#3:builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true")|};
                builder.Build().Run();
            }
        }
        """,
        At(0, "CircuitOptions.DetailedErrors"), At(1, "HubOptions.EnableDetailedErrors"), At(2, "JwtBearerOptions.IncludeErrorDetails"), At(3, "detailedErrors"));

    // ---- exception text in responses: flagged ----

    [Fact]
    public Task Flags_exception_text_in_controller_results() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id)
            {
                try { return Ok(id); }
                catch (InvalidOperationException ex) { return BadRequest({|#0:ex.Message|}); }
                catch (ArgumentException ex) { return Content("Error: " + {|#1:ex.ToString()|}); }
                catch (TimeoutException ex) { return StatusCode(500, new { error = {|#2:ex.StackTrace|} }); }
                catch (FormatException ex) { return Problem(detail: {|#3:ex.InnerException?.Message|}); }
                catch (Exception ex) { return Ok({|#4:ex|}); }
            }
        }
        """,
        At(0, "ex.Message"), At(1, "ex.ToString()"), At(2, "ex.StackTrace"), At(3, "ex.InnerException?.Message"), At(4, "ex"));

    [Fact]
    public Task Flags_exception_text_reaching_the_result_through_a_local() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : Controller
        {
            [HttpPost]
            public IActionResult Upload(string csv)
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    var message = string.Format("Import failed: {0}", ex.Message);
                    return BadRequest({|#0:message|});
                }
            }
        }
        """, At(0, "ex.Message"));

    [Fact]
    public Task Flags_exception_text_in_minimal_api_results() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapPost("/orders", (string item) =>
                {
                    try { return Results.Ok(); }
                    catch (InvalidOperationException ex) { return Results.Problem({|#0:ex.Message|}); }
                    catch (Exception ex) { return Results.Content($"Failed: {{|#1:ex|}}"); }
                });
                app.MapGet("/orders/{id}", (int id) =>
                {
                    try { return TypedResults.Ok(id.ToString()); }
                    catch (Exception ex) { return TypedResults.Ok({|#2:ex.ToString()|}); }
                });
                app.Run();
            }
        }
        """, At(0, "ex.Message"), At(1, "ex"), At(2, "ex.ToString()"));

    [Fact]
    public Task Flags_exception_text_written_to_the_response() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                {
                    var exception = context.Features.Get<IExceptionHandlerPathFeature>()?.Error;
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("Unexpected error: " + {|#0:exception?.Message|});
                    await context.Response.WriteAsJsonAsync(new { trace = {|#1:exception?.StackTrace|} });
                }));
                app.Run();
            }
        }
        """, At(0, "exception?.Message"), At(1, "exception?.StackTrace"));

    [Fact]
    public Task Flags_exception_text_in_view_data_temp_data_and_view_bag() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class ProfileController : Controller
        {
            [HttpPost]
            public IActionResult Save(string name)
            {
                try
                {
                    return RedirectToAction("Index");
                }
                catch (Exception ex)
                {
                    ViewBag.Error = {|#0:ex.Message|};
                    ViewData["Error"] = "Could not save: " + {|#1:ex.Message|};
                    TempData["Error"] = $"Failed ({{|#2:ex.GetBaseException().Message|}})";
                    ModelState.AddModelError(string.Empty, {|#3:ex.Message|});
                    return View();
                }
            }
        }
        """, At(0, "ex.Message"), At(1, "ex.Message"), At(2, "ex.GetBaseException().Message"), At(3, "ex.Message"));

    [Fact]
    public Task Flags_exception_text_in_exception_filters_and_problem_details() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;

        public sealed class ApiExceptionFilter : IExceptionFilter
        {
            public void OnException(ExceptionContext context)
            {
                var problem = new ProblemDetails
                {
                    Title = "Server error",
                    Detail = {|#0:context.Exception.StackTrace|},
                    Status = StatusCodes.Status500InternalServerError,
                };
                context.Result = new ObjectResult({|#1:context.Exception.Message|}) { StatusCode = 500 };
                context.Result = new ContentResult { Content = {|#2:context.Exception.ToString()|} };
                context.ExceptionHandled = true;
            }
        }
        """, At(0, "context.Exception.StackTrace"), At(1, "context.Exception.Message"), At(2, "context.Exception.ToString()"));

    [Fact]
    public Task Flags_exception_text_shown_by_a_razor_page() => Verify.Analyzer("""
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class CheckoutModel : PageModel
        {
            public string? ErrorMessage { get; set; }

            public IActionResult OnPost()
            {
                try
                {
                    return RedirectToPage("Done");
                }
                catch (Exception ex)
                {
                    ErrorMessage = "Payment failed: " + {|#0:ex.Message|};
                    return Page();
                }
            }
        }
        """, At(0, "ex.Message"));

    [Fact]
    public Task Flags_exception_text_in_ajax_json_results_and_an_exception_handler() => Verify.Analyzer("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class CartController : Controller
        {
            [HttpPost]
            public IActionResult AddItem(int productId, int quantity)
            {
                try
                {
                    return Json(new { success = true });
                }
                catch (Exception ex)
                {
                    return Json(new { success = false, message = {|#0:ex.Message|} });
                }
            }
        }

        // .NET 8 IExceptionHandler registered with AddExceptionHandler<GlobalExceptionHandler>().
        public sealed class GlobalExceptionHandler : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
            {
                httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await httpContext.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Server error", Detail = {|#1:exception.Message|} }, cancellationToken);
                return true;
            }
        }
        """, At(0, "ex.Message"), At(1, "exception.Message"));

    // ---- silent ----

    [Fact]
    public Task Ignores_developer_pages_guarded_by_the_environment() => WithPackages("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                    app.UseMigrationsEndPoint();
                }

                if (!app.Environment.IsDevelopment())
                {
                    app.UseExceptionHandler("/Error");
                    app.UseHsts();
                }
                else
                {
                    app.UseDatabaseErrorPage();
                }

                if (app.Environment.IsEnvironment("Development") && args.Length == 0)
                    app.UseDeveloperExceptionPage();

                if (app.Environment.EnvironmentName == Environments.Development)
                    app.UseDeveloperExceptionPage();

                var isDevelopment = app.Environment.IsDevelopment();
                if (isDevelopment)
                    app.UseDeveloperExceptionPage();

                app.Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_developer_pages_after_an_early_return_or_in_configure_development() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseRouting();
                UseDiagnostics(app, env);
            }

            public void ConfigureDevelopment(IApplicationBuilder app)
            {
                app.UseDeveloperExceptionPage();
            }

            private static void UseDiagnostics(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    return;
                }

                app.UseDeveloperExceptionPage();
            }
        }
        """);

    [Fact]
    public Task Ignores_detailed_errors_only_in_development() => WithPackages("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddServerSideBlazor(o => o.DetailedErrors = builder.Environment.IsDevelopment());
                builder.Services.AddSignalR(o => o.EnableDetailedErrors = false);
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.Configure<JwtBearerOptions>(o => o.IncludeErrorDetails = true);
                }

                builder.Build().Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_logged_exceptions_and_generic_messages() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        [ApiController]
        [Route("api/payments")]
        public class PaymentsController : ControllerBase
        {
            private readonly ILogger<PaymentsController> _logger;

            public PaymentsController(ILogger<PaymentsController> logger) => _logger = logger;

            [HttpPost]
            public IActionResult Pay(decimal amount)
            {
                try
                {
                    return Ok();
                }
                catch (InvalidOperationException ex)
                {
                    _logger.LogError(ex, "Payment failed: {Message}", ex.Message);
                    return Problem();
                }
                catch (TimeoutException ex)
                {
                    _logger.LogWarning(ex, "Timeout");
                    return Problem(detail: "The payment service did not answer. Try again later.", statusCode: 503);
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine(ex);
                    return StatusCode(500, new { error = "An unexpected error occurred.", traceId = HttpContext.TraceIdentifier });
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_an_exception_handler_that_logs_and_returns_a_trace_id() => Verify.NoDiagnostic("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public sealed class GlobalExceptionHandler(ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
            {
                logger.LogError(exception, "Unhandled exception for {Path}: {Message}", httpContext.Request.Path, exception.Message);
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred.",
                    Detail = "Contact support with the trace id.",
                };
                problem.Extensions["traceId"] = httpContext.TraceIdentifier;
                httpContext.Response.StatusCode = problem.Status.Value;
                await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
                return true;
            }
        }
        """);

    [Fact]
    public Task Ignores_identity_and_validation_messages_that_are_not_exception_text() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class AccountController(UserManager<IdentityUser> users) : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Register(string email, string password)
            {
                var result = await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, password);
                if (!result.Succeeded)
                {
                    foreach (var error in result.Errors)
                    {
                        ModelState.AddModelError(string.Empty, error.Description);
                    }

                    return View();
                }

                return RedirectToAction("Index", "Home");
            }

            [HttpPost]
            public async Task<IActionResult> Rename(IdentityUser user, string name)
            {
                try
                {
                    user.UserName = name;
                    await users.UpdateAsync(user);
                    return Ok();
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError(string.Empty, "The account was changed by someone else. Reload and try again.");
                    return Conflict(ModelState);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_type_names_and_other_members() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class Notification { public string Message { get; set; } = ""; }

        public class ReportsController : Controller
        {
            public IActionResult Run(Notification notification)
            {
                try
                {
                    return Ok(notification.Message);
                }
                catch (Exception ex)
                {
                    return BadRequest(new { error = ex.GetType().Name, code = ex.HResult });
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_text_that_does_not_reach_the_user() => Verify.NoDiagnostic("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : ControllerBase
        {
            private readonly List<string> _audit = new();

            [HttpPost("import")]
            public IActionResult Import(string csv)
            {
                try
                {
                    return Ok();
                }
                catch (FormatException ex)
                {
                    _audit.Add(ex.ToString());
                    throw new InvalidOperationException("Import failed: " + ex.Message, ex);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_text_shown_only_in_development() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Hosting;

        public class ErrorsController : ControllerBase
        {
            private readonly IWebHostEnvironment _env;

            public ErrorsController(IWebHostEnvironment env) => _env = env;

            [HttpGet("work")]
            public IActionResult Work()
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    if (_env.IsDevelopment())
                    {
                        return Content(ex.ToString());
                    }

                    var detail = "An error occurred.";
                    if (_env.IsDevelopment())
                    {
                        detail = ex.StackTrace ?? string.Empty;
                    }

                    return Problem(title: _env.IsDevelopment() ? ex.Message : "Server error", detail: detail);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_problem_details_and_results_without_exception_text() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.UseExceptionHandler();
                app.UseStatusCodePages();
                app.MapGet("/work", () =>
                {
                    try { return Results.Ok(); }
                    catch (Exception) { return Results.Problem(new ProblemDetails { Title = "Server error", Detail = "Please retry." }); }
                });
                app.Run();
            }
        }
        """);

    [Fact]
    public async Task Ignores_projects_without_aspnetcore()
    {
        var test = new PolicyVerifier<PK3005ErrorDetailsShownAnalyzer>.Test
        {
            TestCode = """
                using System;

                public static class Tool
                {
                    public static string Run()
                    {
                        try { return "ok"; }
                        catch (Exception ex) { return ex.ToString(); }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => r.Display?.Contains("AspNetCore") != true));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- code fixes ----

    [Fact]
    public Task Fix_wraps_the_developer_exception_page_in_a_web_application_environment_check() => Verify.Fix(
        before: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                [|app.UseDeveloperExceptionPage()|];
                app.Run();
            }
        }
        """,
        after: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Fix_uses_the_hosting_environment_parameter_and_adds_the_using() => Verify.Fix(
        before: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                [|app.UseDeveloperExceptionPage()|];
                app.UseRouting();
            }
        }
        """,
        after: """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.UseRouting();
            }
        }
        """);

    [Fact]
    public Task Fix_offers_nothing_for_exception_text() => Verify.NoFix("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex) { return BadRequest([|ex.Message|]); }
            }
        }
        """);
}
