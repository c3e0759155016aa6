using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Redirects;

[Authorize]
[Route("checkout/nav")]
public sealed class CheckoutRedirectsController : Controller
{
    private static readonly Uri Shop = new("https://shop.example.com/");

    [HttpGet("start")]
    public IActionResult Start(string done)
    {
        HttpContext.Session.SetString("checkout.done", done);
        return RedirectToAction(nameof(Pay));
    }

    [HttpGet("pay")]
    public IActionResult Pay() => View();

    [HttpGet("finish")]
    public IActionResult Finish() => Redirect(HttpContext.Session.GetString("checkout.done") ?? "/"); // vuln:PK1005 URL stored from the query by Start, used here

    [HttpGet("finish-checked")]
    public IActionResult FinishChecked()
    {
        var done = HttpContext.Session.GetString("checkout.done");
        return Url.IsLocalUrl(done) ? Redirect(done!) : RedirectToAction("Index", "Home"); // safe:PK1005 checked before use
    }

    [HttpGet("relative-to-shop")]
    public IActionResult RelativeToShop(string path) => Redirect(new Uri(Shop, path).AbsoluteUri); // vuln:PK1005 an absolute "path" replaces the base URI

    [HttpGet("builder")]
    public IActionResult Builder(string path)
    {
        var builder = new UriBuilder(Shop) { Path = "/catalog/" + Uri.EscapeDataString(path) };
        return Redirect(builder.Uri.AbsoluteUri); // safe:PK1005 host fixed, value escaped into the path
    }

    [HttpGet("result-url")]
    public IActionResult ResultUrl(string url)
    {
        var result = new RedirectResult("/");
        result.Url = url; // vuln:PK1005 RedirectResult.Url from the query
        return result;
    }

    [HttpGet("result-permanent")]
    public IActionResult ResultPermanent(string url) => new RedirectResult(url, permanent: true); // vuln:PK1005 permanent RedirectResult

    [HttpGet("local-result")]
    public IActionResult LocalResult(string url) => new LocalRedirectResult(url); // safe:PK1005 LocalRedirectResult refuses other hosts

    [HttpPost("repost")]
    [ValidateAntiForgeryToken]
    public IActionResult Repost(string gateway) => RedirectPermanentPreserveMethod(gateway); // vuln:PK1005 308 to a client-chosen gateway

    [HttpPost("repost-known")]
    [ValidateAntiForgeryToken]
    public IActionResult RepostKnown(string gateway) =>
        RedirectPermanentPreserveMethod(gateway == "card" ? "https://pay.example.com/card" : "https://pay.example.com/bank"); // safe:PK1005 two constant gateways

    [HttpGet("temp")]
    public IActionResult FromTempData()
    {
        var next = TempData["next"] as string;
        return Redirect(next ?? "/"); // vuln:PK1005 TempData set from a query parameter by KeepNext
    }

    [HttpGet("keep")]
    public IActionResult KeepNext(string next)
    {
        TempData["next"] = next;
        return RedirectToAction(nameof(FromTempData));
    }

    [HttpGet("decoded")]
    public IActionResult Decoded(string encoded)
    {
        var target = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        return Redirect(target); // vuln:PK1005 base64 hides the URL, not the redirect
    }

    [HttpGet("decoded-checked")]
    public IActionResult DecodedChecked(string encoded)
    {
        var target = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        return Url.IsLocalUrl(target) ? Redirect(target) : BadRequest(); // safe:PK1005 checked after decoding
    }

    [HttpGet("home")]
    public IActionResult Home() => Redirect(Url.Content("~/")); // safe:PK1005 app root

    [HttpGet("page/{number:int}")]
    public IActionResult Page(int number) => Redirect(Url.Page("/Catalog/Index", new { number })!); // safe:PK1005 Url.Page result

    [HttpGet("help")]
    public IActionResult Help(bool japanese) => Redirect(japanese ? "https://help.example.com/ja" : "https://help.example.com/en"); // safe:PK1005 constant choices
}

public static class RedirectMiddleware
{
    public static IApplicationBuilder UseLegacyRedirects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/r") && context.Request.Query.TryGetValue("u", out var target))
            {
                context.Response.Redirect(target.ToString()); // vuln:PK1005 middleware redirects to any ?u=
                return;
            }

            await next(context);
        });

    public static IApplicationBuilder UseTrailingSlashRedirect(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/'))
            {
                context.Response.Redirect(context.Request.PathBase + path.TrimEnd('/') + context.Request.QueryString, permanent: true); // vuln:PK1005 "//evil.example/" collapses to a protocol-relative URL
                return;
            }

            await next(context);
        });
}
