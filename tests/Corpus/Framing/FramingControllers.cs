using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Corpus.Framing;

[Authorize]
[Route("account/embedded")]
public sealed class EmbeddedAccountController : Controller
{
    [HttpGet("wallet")]
    public IActionResult Wallet()
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers["X-Frame-Options"] = "ALLOWALL"; // vuln:PK3007 wallet page (with "pay" buttons) framable by anyone
        return View();
    }

    [HttpGet("wallet-self")]
    public IActionResult WalletSelf()
    {
        Response.Headers["X-Frame-Options"] = "SAMEORIGIN"; // safe:PK3007 only the shop's own pages may frame it
        return View();
    }

    [HttpGet("orders")]
    public IActionResult Orders()
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = "ALLOW-FROM https://partner.example.com"; // vuln:PK3007 ALLOW-FROM is ignored by current browsers: no protection
        return View();
    }

    [HttpGet("orders-partner")]
    public IActionResult OrdersPartner()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors https://partner.example.com"; // safe:PK3007 the modern form of ALLOW-FROM
        return View();
    }

    [HttpGet("settings")]
    [AllowFraming]
    public IActionResult Settings() => View(); // vuln:PK3007#allow-framing settings page with the headers removed

    [HttpGet("settings-partner")]
    [PartnerFraming]
    public IActionResult SettingsPartner() => View(); // safe:PK3007#partner-framing

    [HttpGet("security")]
    [DenyFraming]
    public IActionResult Security() => View(); // safe:PK3007#deny-framing

    [HttpGet("address")]
    public IActionResult Address()
    {
        Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors *"; // vuln:PK3007 wildcard frame-ancestors
        return View();
    }

    [HttpGet("address-self")]
    public IActionResult AddressSelf()
    {
        Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'self'"; // safe:PK3007 self only
        return View();
    }

    [HttpGet("cards")]
    public IActionResult Cards()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors https:"; // vuln:PK3007 any https site may frame it
        return View();
    }

    [HttpGet("cards-wildcard")]
    public IActionResult CardsWildcard()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors https://*"; // vuln:PK3007 any https host
        return View();
    }

    [HttpGet("cards-subdomains")]
    public IActionResult CardsSubdomains()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' https://*.shop.example.com"; // safe:PK3007 the shop's own subdomains
        return View();
    }

    [HttpGet("typo")]
    public IActionResult Typo()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers["X-Frame-Option"] = "DENY"; // vuln:PK3007 misspelt header name is ignored by browsers (default header removed above)
        return View();
    }

    [HttpGet("bad-value")]
    public IActionResult BadValue()
    {
        Response.Headers.XFrameOptions = "DENIED"; // vuln:PK3007 invalid value, browsers ignore the header
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        return View();
    }

    [HttpGet("empty")]
    public IActionResult Empty()
    {
        Response.Headers.XFrameOptions = StringValues.Empty; // vuln:PK3007 empty value replaces the default DENY
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        return View();
    }

    [HttpGet("report-only")]
    public IActionResult ReportOnly()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.ContentSecurityPolicyReportOnly = "frame-ancestors 'none'"; // vuln:PK3007 report-only does not block framing
        return View();
    }

    [HttpGet("meta")]
    public IActionResult Meta()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        return Content("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"frame-ancestors 'none'\"></head><body>Transfer</body></html>", "text/html"); // vuln:PK3007 frame-ancestors is ignored in a meta tag
    }

    [HttpGet("partner-choice")]
    public IActionResult PartnerChoice(string embedder)
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = "ALLOW-FROM " + embedder; // vuln:PK3007 vuln:PK1006 ALLOW-FROM built from the query
        return View();
    }

    [HttpGet("deny-both")]
    public IActionResult DenyBoth()
    {
        Response.Headers.XFrameOptions = "DENY"; // safe:PK3007 explicit DENY
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return View();
    }

    [HttpGet("data")]
    public IActionResult Data()
    {
        Response.Headers.Remove(HeaderNames.XFrameOptions); // safe:PK3007 JSON is not rendered in a frame as a page, nothing to click
        return Json(new { balance = 10 });
    }
}

[AllowAnonymous]
[Route("widgets/ticker")]
public sealed class TickerController : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        Response.Headers.XFrameOptions = "ALLOWALL"; // safe:PK3007 public read-only price ticker: no session, no actions to hijack
        Response.Headers.ContentSecurityPolicy = "frame-ancestors *";
        return View();
    }

    [HttpGet("buy")]
    public IActionResult Buy()
    {
        Response.Headers.ContentSecurityPolicy = "frame-ancestors *"; // vuln:PK3007 the buy button is framable by anyone
        Response.Headers.Remove(HeaderNames.XFrameOptions);
        return View();
    }
}

public sealed class TransferModel : PageModel
{
    public void OnGet()
    {
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
        Response.Headers.XFrameOptions = "ALLOWALL"; // vuln:PK3007 transfer page framable
    }

    public void OnGetSafe() => Response.Headers.XFrameOptions = "DENY"; // safe:PK3007 DENY
}

public sealed class DonateModel : PageModel
{
    public void OnGet() => Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' *"; // vuln:PK3007 the wildcard source admits every site (replaces the default policy)
}

public static class FramingMinimalApis
{
    public static void MapEmbedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/embed/checkout", (HttpContext context) =>
        {
            context.Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
            context.Response.Headers.XFrameOptions = "ALLOWALL"; // vuln:PK3007 checkout HTML framable
            return Results.Content("<form method=post><button>Pay</button></form>", "text/html");
        });
        app.MapGet("/embed/checkout-safe", (HttpContext context) =>
        {
            context.Response.Headers.XFrameOptions = "SAMEORIGIN"; // safe:PK3007 same origin
            return Results.Content("<form method=post><button>Pay</button></form>", "text/html");
        });
        app.MapGet("/embed/status", (HttpContext context) =>
        {
            context.Response.Headers.TryAdd("X-Frame-Options", "DENY"); // safe:PK3007 TryAdd keeps DENY
            return Results.Content("<p>All systems normal</p>", "text/html");
        });
        app.MapGet("/embed/button", (HttpContext context) =>
        {
            context.Response.Headers.Remove("X-Frame-Options"); // vuln:PK3007 HTML button page with protection stripped
            context.Response.Headers.Remove("Content-Security-Policy");
            return Results.Content("<form method=post action=/cart/add><button>Add to cart</button></form>", "text/html");
        });
    }
}
