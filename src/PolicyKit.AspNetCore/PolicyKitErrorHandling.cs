using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicyKit.AspNetCore;

/// <summary>Error handling that never shows exception details to users outside Development (MIC-39, measure 2).</summary>
public static class PolicyKitErrorHandling
{
    /// <summary>
    /// In Development, the developer exception page. Elsewhere, an exception handler that answers 500 with a
    /// reference number only (the request's trace identifier, to find the logged exception), or re-executes
    /// <paramref name="errorPath"/> when given, and status-code pages for empty 4xx/5xx responses.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="errorPath">A page to show instead of the plain answer, e.g. <c>/Error</c>; optional.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UsePolicyKitErrorHandling(this IApplicationBuilder app, string? errorPath = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        if (environment.IsDevelopment())
        {
            return app.UseDeveloperExceptionPage();
        }

        if (errorPath is null)
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteGenericErrorAsync });
        }
        else
        {
            app.UseExceptionHandler(errorPath);
        }

        return app.UseStatusCodePages();
    }

    private static Task WriteGenericErrorAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("An error occurred. Reference: " + context.TraceIdentifier);
    }
}
