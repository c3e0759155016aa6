using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Setup;

public static class ErrorPipelines
{
    public static void UseAlwaysDeveloperPage(WebApplication app)
    {
        app.UseDeveloperExceptionPage(); // vuln:PK3005 developer page in every environment
    }

    public static void UseDeveloperPageInDevelopment(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage(); // safe:PK3005 Development only
        }
        else
        {
            app.UseExceptionHandler("/Error"); // safe:PK3005 generic error page
        }
    }

    public static void UseDeveloperPageInStaging(WebApplication app)
    {
        if (app.Environment.IsStaging() || app.Environment.IsProduction())
        {
            app.UseDeveloperExceptionPage(); // vuln:PK3005 developer page in production
        }
    }

    public static void UseRawExceptionWriter(WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var feature = context.Features.Get<IExceptionHandlerFeature>();
            await context.Response.WriteAsync(feature!.Error.ToString()); // vuln:PK3005 exception text in the response
        }));
    }

    public static void UseGenericExceptionWriter(WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var feature = context.Features.Get<IExceptionHandlerFeature>();
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Errors");
            logger.LogError(feature?.Error, "Unhandled exception");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("An unexpected error occurred."); // safe:PK3005 generic text
        }));
    }

    public static void UseStackTraceMiddleware(WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = ex.Message, stack = ex.StackTrace }); // vuln:PK3005 stack trace as JSON
            }
        });

    public static void UseCorrelationMiddleware(WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                context.RequestServices.GetRequiredService<ILogger<WebApplication>>().LogError(ex, "Request failed");
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = "internal_error", traceId = context.TraceIdentifier }); // safe:PK3005 trace id only
            }
        });

    public static void AddDetailedProblems(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var error = ctx.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            ctx.ProblemDetails.Detail = error?.ToString(); // vuln:PK3005 exception in problem details
        });

    public static void AddPlainProblems(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier; // safe:PK3005 trace id only
        });
}

[ApiController]
[Route("api/import")]
public sealed class ImportController : ControllerBase
{
    private readonly ILogger<ImportController> _logger;

    public ImportController(ILogger<ImportController> logger) => _logger = logger;

    [HttpPost]
    public IActionResult Import()
    {
        try
        {
            return Ok(Parse());
        }
        catch (Exception ex)
        {
            return StatusCode(500, ex.Message); // vuln:PK3005 exception message to the client
        }
    }

    [HttpPost("v2")]
    public IActionResult ImportV2()
    {
        try
        {
            return Ok(Parse());
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Import failed");
            return Problem("The import failed."); // safe:PK3005 generic problem
        }
    }

    [HttpPost("v3")]
    public IActionResult ImportV3()
    {
        try
        {
            return Ok(Parse());
        }
        catch (InvalidOperationException ex)
        {
            return Problem(detail: ex.StackTrace, statusCode: 500); // vuln:PK3005 stack trace in a problem
        }
    }

    [HttpPost("v4")]
    public IActionResult ImportV4()
    {
        try
        {
            return Ok(Parse());
        }
        catch (FormatException)
        {
            return BadRequest("The file is not a valid CSV document."); // safe:PK3005 fixed validation message
        }
    }

    [HttpPost("v5")]
    public IActionResult ImportV5()
    {
        try
        {
            return Ok(Parse());
        }
        catch (Exception ex)
        {
            return BadRequest(new { message = "Import failed", detail = ex.ToString() }); // vuln:PK3005 exception in a bad request body
        }
    }

    [HttpPost("v6")]
    public IActionResult ImportV6()
    {
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState); // safe:PK3005 model validation errors
        }

        return Ok();
    }

    private static int Parse() => throw new InvalidOperationException("boom");
}

public static class MinimalErrors
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/jobs", () =>
        {
            try
            {
                return Results.Ok(Run());
            }
            catch (Exception ex)
            {
                return Results.Problem(ex.Message); // vuln:PK3005 exception message via Results.Problem
            }
        });
        app.MapPost("/api/jobs/v2", (ILogger<WebApplication> logger) =>
        {
            try
            {
                return Results.Ok(Run());
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Job failed");
                return Results.Problem("The job failed."); // safe:PK3005 generic text
            }
        });
    }

    private static int Run() => 42;
}
