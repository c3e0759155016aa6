using System;
using System.ComponentModel.DataAnnotations;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Setup;

public static class ErrorVariants
{
    public static void AddHubs(this IServiceCollection services) =>
        services.AddSignalR(o => o.EnableDetailedErrors = true); // vuln:PK3005 hub exceptions sent to clients

    public static void AddHubsSafe(this IServiceCollection services, IHostEnvironment environment) =>
        services.AddSignalR(o => o.EnableDetailedErrors = environment.IsDevelopment()); // safe:PK3005 development only

    public static void AddProblemDetailsWithException(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["exception"] = c.Exception?.ToString()); // vuln:PK3005 exception text in every problem response

    public static void AddProblemDetailsWithTrace(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier); // safe:PK3005 correlation id only

    public static void UseJsonErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { message = error?.Message, type = error?.GetType().FullName }); // vuln:PK3005 message and type of every unhandled exception
        }));

    public static void UseJsonErrorsSafe(this IApplicationBuilder app) =>
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { message = "Something went wrong.", traceId = context.TraceIdentifier }); // safe:PK3005 generic message
        }));

    public static void UseCatchAll(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Error: " + ex.Message + "\n" + ex.StackTrace); // vuln:PK3005 middleware writes message and stack
            }
        });

    public static void UseCatchAllSafe(this IApplicationBuilder app, ILogger logger) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Unhandled error {TraceId}", context.TraceIdentifier);
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync($"Error reference {context.TraceIdentifier}"); // safe:PK3005 logs the details, shows a reference
            }
        });

    public static void UseStatusPages(this IApplicationBuilder app) => app.UseStatusCodePagesWithReExecute("/Error/{0}"); // safe:PK3005 re-executes a generic page

    public static void UseDeveloperPageBehindFlag(this IApplicationBuilder app, bool showErrors)
    {
        if (showErrors)
        {
            app.UseDeveloperExceptionPage(); // vuln:PK3005 a configuration flag, not the environment, decides
        }
    }

    public static void UseDeveloperPageForDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage(); // safe:PK3005 Development only
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error" }); // safe:PK3005 generic handler elsewhere
        }
    }
}

/// <summary>Global MVC exception filter.</summary>
public sealed class ApiExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        context.Result = new ObjectResult(new { error = context.Exception.Message, inner = context.Exception.InnerException?.Message }) { StatusCode = 500 }; // vuln:PK3005 exception messages from a filter
        context.ExceptionHandled = true;
    }
}

public sealed class SafeApiExceptionFilter(ILogger<SafeApiExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        logger.LogError(context.Exception, "Unhandled API error");
        context.Result = new ObjectResult(new ProblemDetails { Title = "Unexpected error", Status = 500 }) { StatusCode = 500 }; // safe:PK3005 generic problem
        context.ExceptionHandled = true;
    }
}

[Microsoft.AspNetCore.Authorization.Authorize]
[Route("admin/catalog")]
public sealed class CatalogAdminController(ShopDbContext db, ILogger<CatalogAdminController> logger) : Controller
{
    [HttpPost("save")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(Product product)
    {
        try
        {
            db.Products.Update(product);
            await db.SaveChangesAsync();
            return RedirectToAction("Index");
        }
        catch (DbUpdateException ex)
        {
            ModelState.AddModelError(string.Empty, ex.InnerException?.Message ?? ex.Message); // vuln:PK3005 database error text (constraint and table names) shown in the form
            return View(product);
        }
    }

    [HttpPost("save-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SaveSafe(Product product)
    {
        try
        {
            db.Products.Update(product);
            await db.SaveChangesAsync();
            return RedirectToAction("Index");
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Saving product {ProductId} failed", product.Id);
            ModelState.AddModelError(string.Empty, "The product could not be saved. Try again later."); // safe:PK3005 generic form error
            return View(product);
        }
    }

    [HttpPost("import")]
    [ValidateAntiForgeryToken]
    public IActionResult Import(IFormFile file)
    {
        try
        {
            throw new InvalidOperationException("parser state");
        }
        catch (Exception ex)
        {
            ViewBag.Error = ex.ToString(); // vuln:PK3005 full exception rendered by the view
            return View();
        }
    }

    [HttpPost("import-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult ImportSafe(IFormFile file)
    {
        try
        {
            throw new ValidationException("Row 3: price must be positive.");
        }
        catch (ValidationException ex)
        {
            ViewBag.Error = ex.Message; // safe:PK3005 the app's own validation message, written for users
            return View();
        }
    }

    [HttpPost("archive")]
    [ValidateAntiForgeryToken]
    public IActionResult Archive(int id)
    {
        try
        {
            return RedirectToAction("Index");
        }
        catch (Exception ex)
        {
            TempData["Error"] = ex.Message; // vuln:PK3005 exception message carried to the next page
            return RedirectToAction("Index");
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        try
        {
            return View(await db.Products.SingleAsync(p => p.Id == id));
        }
        catch (InvalidOperationException)
        {
            return NotFound(); // safe:PK3005 status only
        }
    }

    [HttpGet("{id:int}/raw")]
    public async Task<IActionResult> Raw(int id)
    {
        try
        {
            return Json(await db.Products.SingleAsync(p => p.Id == id));
        }
        catch (Exception ex)
        {
            return Content(ex.ToString(), "text/plain"); // vuln:PK3005 exception as the response body
        }
    }

    [HttpGet("{id:int}/json")]
    public async Task<IActionResult> JsonDetails(int id)
    {
        try
        {
            return Json(await db.Products.SingleAsync(p => p.Id == id));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Product {Id} lookup failed", id);
            return Problem(statusCode: 404, title: "Product not found"); // safe:PK3005 fixed title
        }
    }

    [HttpPost("price")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Price(int id, decimal price)
    {
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Products SET Price = {price} WHERE Id = {id}");
            return Ok();
        }
        catch (Exception ex)
        {
            return StatusCode(500, new ProblemDetails { Title = "Update failed", Detail = ex.Message }); // vuln:PK3005 SQL error text in problem details
        }
    }

    [HttpPost("price-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> PriceSafe(int id, decimal price)
    {
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Products SET Price = {price} WHERE Id = {id}");
            return Ok();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Price update failed");
            return StatusCode(500, new ProblemDetails { Title = "Update failed", Detail = "Please retry later." }); // safe:PK3005 fixed detail
        }
    }

    [HttpPost("bulk")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Bulk()
    {
        try
        {
            await db.SaveChangesAsync();
            return Ok();
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException)
        {
            return Conflict(ex.Message); // vuln:PK3005 EF concurrency message (entity names, keys) to the client
        }
    }

    [HttpPost("bulk-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> BulkSafe()
    {
        try
        {
            await db.SaveChangesAsync();
            return Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Someone else changed these products. Reload and try again."); // safe:PK3005 fixed message
        }
    }
}

public static class ErrorMinimalApis
{
    public static void MapErrorEndpoints(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
    {
        app.MapPost("/api/jobs/run", async (ShopDbContext db) =>
        {
            try
            {
                await db.SaveChangesAsync();
                return Results.Ok();
            }
            catch (Exception ex)
            {
                return Results.BadRequest(new { ex.Message, ex.Source, ex.StackTrace }); // vuln:PK3005 exception fields in a minimal API response
            }
        }).RequireAuthorization();

        app.MapPost("/api/jobs/run-safe", async (ShopDbContext db, ILogger<ShopDbContext> logger) =>
        {
            try
            {
                await db.SaveChangesAsync();
                return Results.Ok();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Job failed");
                return Results.Problem(title: "Job failed", statusCode: 500); // safe:PK3005 generic
            }
        }).RequireAuthorization();

        app.MapGet("/api/jobs/{id:int}", (int id) =>
        {
            try
            {
                return Results.Ok(checked(id * 1000));
            }
            catch (OverflowException ex)
            {
                return TypedResults.Problem(ex.ToString()); // vuln:PK3005 TypedResults.Problem with the exception
            }
        }).RequireAuthorization();

        app.MapGet("/api/jobs/{id:int}/safe", (int id) =>
        {
            try
            {
                return Results.Ok(checked(id * 1000));
            }
            catch (OverflowException)
            {
                return TypedResults.Problem("Job id out of range.", statusCode: 400); // safe:PK3005 fixed text
            }
        }).RequireAuthorization();
    }
}

public sealed class ChatHub : Hub
{
    public async Task Send(string message)
    {
        try
        {
            await Clients.All.SendAsync("message", message);
        }
        catch (Exception ex)
        {
            throw new HubException(ex.Message); // vuln:PK3005 HubException text always reaches the caller
        }
    }

    public async Task SendSafe(string message)
    {
        try
        {
            await Clients.All.SendAsync("message", message);
        }
        catch (Exception)
        {
            throw new HubException("Message could not be delivered."); // safe:PK3005 fixed text
        }
    }
}
