using System;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Corpus.Headers;

public static class HeaderEndpoints
{
    public static IEndpointRouteBuilder MapHeaderEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/files");

        files.MapGet("/get", (string name, HttpContext context) =>
        {
            context.Response.Headers.ContentDisposition = $"inline; filename={name}"; // vuln:PK1006 minimal API query into Content-Disposition
            return Results.Bytes(Array.Empty<byte>(), "application/pdf");
        });

        files.MapGet("/get-safe", (string name, HttpContext context) =>
        {
            context.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{WebUtility.UrlEncode(name)}"; // safe:PK1006 URL-encoded
            return Results.Bytes(Array.Empty<byte>(), "application/pdf");
        });

        files.MapGet("/moved", (HttpRequest request, HttpResponse response) =>
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = "/files/" + request.Query["path"]; // vuln:PK1006 Location built from the query string
        });

        files.MapGet("/moved/{id:guid}", (Guid id, HttpResponse response) =>
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = "/files/" + id.ToString("N"); // safe:PK1006 route Guid
        });

        files.MapPost("/upload", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            context.Response.Headers["X-Uploaded-As"] = form["displayName"].ToString(); // vuln:PK1006 form field into a response header
            return Results.Ok();
        });

        files.MapPost("/upload-flat", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var display = form["displayName"].ToString();
            var noCr = display.Replace('\r', ' ');
            var flat = noCr.Replace('\n', ' ');
            context.Response.Headers["X-Uploaded-As"] = flat; // safe:PK1006 CR and LF replaced across two locals
            return Results.Ok();
        });

        app.MapGet("/lang/{culture}", (string culture, HttpResponse response) =>
        {
            response.Cookies.Append("lang", "set");
            response.Headers.Append("Content-Language", culture); // vuln:PK1006 route value into Content-Language
            return Results.NoContent();
        });

        app.MapGet("/rate", (int remaining, HttpResponse response) =>
        {
            response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture); // safe:PK1006 bound as int
            return Results.NoContent();
        });

        app.MapGet("/origin", (HttpContext context) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            context.Response.Headers.AccessControlAllowOrigin = origin; // vuln:PK1006 request Origin reflected into a response header
            return Results.NoContent();
        });

        app.MapGet("/banner", (IOptions<ExportOptions> options, HttpResponse response) =>
        {
            response.Headers["X-Export-Default"] = options.Value.DefaultFileName; // safe:PK1006 configuration
            return Results.NoContent();
        });

        app.MapGet("/link", LinkHeaders.Preload);
        app.MapGet("/link-fixed", LinkHeaders.PreloadFixed);

        return app;
    }
}

public static class LinkHeaders
{
    public static IResult Preload(string asset, HttpResponse response)
    {
        response.Headers.Link = "</assets/" + asset + ">; rel=preload"; // vuln:PK1006 method-group handler writes a query value into Link
        return Results.NoContent();
    }

    public static IResult PreloadFixed(string asset, HttpResponse response)
    {
        var file = asset == "app.css" ? "app.css" : "site.css";
        response.Headers.Link = "</assets/" + file + ">; rel=preload"; // safe:PK1006 only constants selected by the query
        return Results.NoContent();
    }
}

public sealed class InvoicePdfModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public IActionResult OnGet()
    {
        Response.Headers.ContentDisposition = "attachment; filename=invoice-" + Reference + ".pdf"; // vuln:PK1006 bound page property into Content-Disposition
        return new EmptyResult();
    }

    public IActionResult OnGetClean()
    {
        Response.Headers.ContentDisposition = "attachment; filename=invoice-" + Reference?.ReplaceLineEndings(string.Empty) + ".pdf"; // safe:PK1006 line endings removed
        return new EmptyResult();
    }
}

public sealed class RefreshModel : PageModel
{
    public void OnGet(string next)
    {
        Response.Headers["Refresh"] = "5; url=" + next; // vuln:PK1006 handler parameter into Refresh
    }

    public void OnGetNumber(int seconds)
    {
        Response.Headers["Refresh"] = seconds.ToString(CultureInfo.InvariantCulture); // safe:PK1006 a number
    }

    public void OnPostTitle(string title)
    {
        Response.Headers["X-Title"] = Uri.EscapeDataString(title); // safe:PK1006 percent-encoded
    }
}
