using System;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Corpus.Xss;

public sealed record PreviewRequest(string Title, string Markdown);

public sealed class SiteTextOptions
{
    public string FooterHtml { get; set; } = "";
}

public static class XssMinimalApis
{
    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/preview");

        group.MapGet("/hello", (string name) =>
            Results.Content($"<p>Hello {name}</p>", "text/html")); // vuln:PK1002 minimal API query into HTML

        group.MapGet("/hello-safe", (string name) =>
            Results.Content($"<p>Hello {HtmlEncoder.Default.Encode(name)}</p>", "text/html")); // safe:PK1002 encoded

        group.MapGet("/hello-text", (string name) => Results.Text($"Hello {name}")); // safe:PK1002 text/plain default

        group.MapGet("/raw", (string body) => Results.Text(body, "text/html")); // vuln:PK1002 Results.Text with an HTML content type

        group.MapGet("/typed", Ok<string> (string body) => TypedResults.Ok(body)); // safe:PK1002 JSON string

        group.MapGet("/typed-html", (string title) =>
            TypedResults.Content("<title>" + title + "</title>", "text/html")); // vuln:PK1002 TypedResults.Content with markup

        group.MapPost("/markdown", (PreviewRequest request) =>
            Results.Content($"<article><h1>{request.Title}</h1>{request.Markdown}</article>", "text/html")); // vuln:PK1002 JSON DTO rendered raw

        group.MapPost("/markdown-safe", (PreviewRequest request) =>
            Results.Content($"<article><h1>{HttpUtility.HtmlEncode(request.Title)}</h1><pre>{HttpUtility.HtmlEncode(request.Markdown)}</pre></article>", "text/html")); // safe:PK1002 HttpUtility.HtmlEncode

        group.MapGet("/echo", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<p>You searched for {context.Request.Query["q"]}</p>"); // vuln:PK1002 Response.WriteAsync of the query
        });

        group.MapGet("/echo-plain", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"You searched for {context.Request.Query["q"]}"); // safe:PK1002 text/plain response
        });

        group.MapGet("/footer", (IOptions<SiteTextOptions> options) =>
            Results.Content(options.Value.FooterHtml, "text/html")); // safe:PK1002 operator-configured markup, not request data

        group.MapGet("/when", (DateOnly day) => Results.Content($"<time>{day:yyyy-MM-dd}</time>", "text/html")); // safe:PK1002 a date cannot carry markup

        return app;
    }

    public static IApplicationBuilder UseFriendlyNotFound(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<h1>No page at {context.Request.Path}</h1>"); // vuln:PK1002 path reflected in a 404 page
            }
        });

    public static IApplicationBuilder UseSafeFriendlyNotFound(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<h1>No page at {HtmlEncoder.Default.Encode(context.Request.Path.Value ?? "")}</h1>"); // safe:PK1002 encoded path
            }
        });
}

public sealed class GuestbookModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Signature { get; set; }

    public IHtmlContent? Rendered { get; private set; }

    public void OnGet() => Rendered = new HtmlString($"<em>{Signature}</em>"); // vuln:PK1002 bound page property as HtmlString

    public void OnGetEncoded() => Rendered = new HtmlString($"<em>{HtmlEncoder.Default.Encode(Signature ?? "")}</em>"); // safe:PK1002 encoded page property

    public IActionResult OnGetFragment(string section) =>
        Content($"<section id=\"{section}\"></section>", "text/html"); // vuln:PK1002 handler argument in an attribute

    public IActionResult OnGetFragmentById(Guid section) =>
        Content($"<section id=\"s-{section:N}\"></section>", "text/html"); // safe:PK1002 Guid argument
}

public sealed class ReturnMessageModel : PageModel
{
    public IActionResult OnGet(string returnUrl)
    {
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<p>Could not open ");
        builder.AppendHtml(returnUrl); // vuln:PK1002 HtmlContentBuilder.AppendHtml of the argument
        builder.AppendHtml("</p>");
        ViewData["Message"] = builder;
        return Page();
    }

    public IActionResult OnGetSafe(string returnUrl)
    {
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<p>Could not open ");
        builder.Append(returnUrl); // safe:PK1002 Append encodes
        builder.AppendHtml("</p>");
        ViewData["Message"] = builder;
        return Page();
    }
}

public sealed class AnnouncementBox : ComponentBase
{
    [SupplyParameterFromQuery]
    public string? Message { get; set; }

    [SupplyParameterFromQuery]
    public int Count { get; set; }

    protected MarkupString Markup => new($"<div class=\"alert\">{Message}</div>"); // vuln:PK1002 Blazor MarkupString from a query parameter

    protected MarkupString CountMarkup => (MarkupString)$"<span class=\"badge\">{Count}</span>"; // safe:PK1002 integer query parameter

    protected string Plain => Message ?? ""; // safe:PK1002 rendered as text by Blazor
}
