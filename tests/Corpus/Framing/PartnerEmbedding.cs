using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Corpus.Framing;

public sealed class EmbeddingOptions
{
    public string[] PartnerOrigins { get; set; } = { "https://partner.example.com" };
}

/// <summary>Marks actions partners may embed; the filter below rewrites the policy for them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EmbeddableAttribute : Attribute
{
}

public sealed class EmbeddableFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<EmbeddableAttribute>().Any())
        {
            context.HttpContext.Response.Headers.ContentSecurityPolicy = "frame-ancestors *"; // vuln:PK3007#embeddable every [Embeddable] page framable by any site
        }
    }
}

[Authorize]
[Route("partner")]
[TypeFilter(typeof(EmbeddableFilter))]
public sealed class PartnerPortalController(IOptions<EmbeddingOptions> embedding) : Controller
{
    [HttpGet("quote")]
    [Embeddable]
    public IActionResult Quote() => View(); // vuln:PK3007#embeddable quote page with an "accept" button

    [HttpGet("origin")]
    public IActionResult ByOrigin()
    {
        var origin = Request.Headers.Origin.ToString();
        Response.Headers.ContentSecurityPolicy = $"frame-ancestors {origin}"; // vuln:PK3007 vuln:PK1006 reflects whichever site asks
        return View();
    }

    [HttpGet("configured")]
    public IActionResult Configured()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors " + string.Join(' ', embedding.Value.PartnerOrigins); // safe:PK3007 operator-configured partner origins
        return View();
    }

    [HttpGet("requested")]
    public IActionResult Requested([FromQuery] string[] origins)
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors " + string.Join(' ', origins); // vuln:PK3007 vuln:PK1006 the query chooses the allowed framers
        return View();
    }

    [HttpGet("both")]
    public IActionResult Both()
    {
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.ContentSecurityPolicy = "frame-ancestors *"; // vuln:PK3007 CSP overrides the SAMEORIGIN header in modern browsers
        return View();
    }

    [HttpGet("both-strict")]
    public IActionResult BothStrict()
    {
        Response.Headers.XFrameOptions = "ALLOWALL";
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'"; // safe:PK3007 CSP 'self' takes precedence over the X-Frame-Options value
        return View();
    }

    [HttpGet("csp-kept")]
    public IActionResult CspKept()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions); // safe:PK3007 the default CSP frame-ancestors 'none' still applies
        return View();
    }

    [HttpGet("by-path")]
    public IActionResult ByPath(string mode)
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = mode switch { "partner" => "ALLOWALL", _ => "DENY" }; // vuln:PK3007 ALLOWALL one query value away
        return View();
    }

    [HttpGet("export.csv")]
    public IActionResult Csv()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy); // safe:PK3007 a CSV download renders nothing to click
        return File(System.Text.Encoding.UTF8.GetBytes("id,total\n"), "text/csv", "export.csv");
    }

    [HttpGet("logo.png")]
    public IActionResult Logo()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy); // safe:PK3007 an image has no UI to hijack
        return PhysicalFile("/srv/shop/wwwroot/img/logo.png", "image/png");
    }

    [HttpGet("moved")]
    public IActionResult Moved()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy); // safe:PK3007 redirects render no content
        return RedirectToAction(nameof(Quote));
    }

    [HttpGet("ping")]
    public IActionResult Ping()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions); // safe:PK3007 204 has no body
        return NoContent();
    }

    [HttpGet("admin")]
    public IActionResult Admin()
    {
        Response.Headers.Append(HeaderNames.XFrameOptions, "DENY"); // safe:PK3007 duplicate DENY
        return View();
    }

    [HttpGet("lowercase")]
    public IActionResult Lowercase()
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = "allowall"; // vuln:PK3007 ALLOWALL in lower case
        return View();
    }

    [HttpGet("consent")]
    public IActionResult Consent()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' https://partner.example.com http://partner.example.com"; // vuln:PK3007 cleartext origin: anyone on the network path can frame it
        return View();
    }

    [HttpGet("consent-https")]
    public IActionResult ConsentHttps()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' https://partner.example.com"; // safe:PK3007 https partner only
        return View();
    }

    [HttpGet("preview")]
    public IActionResult Preview()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' data: blob: *.cdn.example.net *"; // vuln:PK3007 trailing * admits everyone
        return View();
    }

    [HttpGet("nested-apps")]
    public IActionResult NestedApps()
    {
        Response.Headers.XFrameOptions = "DENY";
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'"; // safe:PK3007 self only, XFO ignored when CSP present
        return View();
    }

    [HttpGet("wallet-frame")]
    public IActionResult WalletFrame(bool partner)
    {
        if (partner)
        {
            Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
            Response.Headers.Remove(HeaderNames.XFrameOptions); // vuln:PK3007 ?partner=true strips both protections
        }

        return View();
    }

    [HttpGet("sameorigin-lower")]
    public IActionResult SameOriginLower()
    {
        Response.Headers.XFrameOptions = "sameorigin"; // safe:PK3007 values are case-insensitive
        return View();
    }
}

public sealed class PartnerSignupModel : PageModel
{
    public void OnGet()
    {
        Response.OnStarting(() =>
        {
            Response.Headers.Remove(HeaderNames.XFrameOptions);
            Response.Headers.Remove(HeaderNames.ContentSecurityPolicy); // vuln:PK3007 signup form stripped of framing protection
            return System.Threading.Tasks.Task.CompletedTask;
        });
    }

    public void OnGetStrict() => Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'; form-action 'self'"; // safe:PK3007 'none'
}

public sealed class MarketingModel : PageModel
{
    public void OnGet()
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = "ALLOWALL"; // safe:PK3007 static marketing page, anonymous, no forms or actions
    }
}

public static class PartnerEmbeddingEndpoints
{
    public static void MapPartnerEmbeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/partner/embed/approve", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors http: https:"; // vuln:PK3007 every web origin
            return Results.Content("<form method=post><button>Approve</button></form>", "text/html");
        }).RequireAuthorization();

        app.MapGet("/partner/embed/approve-safe", (HttpContext context, IOptions<EmbeddingOptions> options) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors " + string.Join(' ', options.Value.PartnerOrigins); // safe:PK3007 configured partners
            return Results.Content("<form method=post><button>Approve</button></form>", "text/html");
        }).RequireAuthorization();

        app.MapGet("/partner/embed/profile", (HttpContext context) =>
        {
            context.Response.Headers.Remove("Content-Security-Policy");
            context.Response.Headers["X-Frame-Options"] = "ALLOW-FROM https://partner.example.com"; // vuln:PK3007 ALLOW-FROM without CSP: no protection
            return Results.Content("<form method=post><button>Save</button></form>", "text/html");
        }).RequireAuthorization();

        app.MapGet("/partner/embed/profile-safe", (HttpContext context) =>
        {
            context.Response.Headers["X-Frame-Options"] = "ALLOW-FROM https://partner.example.com"; // safe:PK3007 the default CSP frame-ancestors 'none' still applies
            return Results.Content("<form method=post><button>Save</button></form>", "text/html");
        }).RequireAuthorization();

        app.MapGet("/partner/embed/json", () => Results.Json(new { ok = true })); // safe:PK3007 JSON with the default headers

        app.MapGet("/partner/embed/cancel", (HttpContext context) =>
        {
            context.Response.Headers.XFrameOptions = "ALLOWALL";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'"; // vuln:PK3007 new CSP drops frame-ancestors and XFO is ALLOWALL
            return Results.Content("<form method=post><button>Cancel subscription</button></form>", "text/html");
        }).RequireAuthorization();
    }
}
