using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Corpus.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Xss;

public sealed record CommentForm(string Author, string Body, int Rating);

public enum Highlight { None, Bold, Italic }

[Route("search")]
public sealed class SearchController(ShopDbContext db, ProfileCardRenderer cards) : Controller
{
    private static readonly HashSet<string> Themes = new(StringComparer.Ordinal) { "light", "dark", "contrast" };

    [HttpGet("")]
    public IActionResult Results(string q) =>
        Content($"<h1>Results for {q}</h1>", "text/html"); // vuln:PK1002 query echoed into HTML

    [HttpGet("encoded")]
    public IActionResult ResultsEncoded(string q) =>
        Content($"<h1>Results for {HtmlEncoder.Default.Encode(q)}</h1>", "text/html"); // safe:PK1002 HtmlEncoder on the query

    [HttpGet("plain")]
    public IActionResult ResultsPlain(string q) => Content($"Results for {q}"); // safe:PK1002 text/plain response

    [HttpGet("tags/{tag}")]
    public IActionResult Tag(string tag) => Content("<h2>" + tag + "</h2>", "text/html"); // vuln:PK1002 route value concatenated into markup

    [HttpGet("tags/{id:int}/count")]
    public IActionResult TagCount(int id) => Content($"<h2>Tag #{id}</h2>", "text/html"); // safe:PK1002 integer route value

    [HttpGet("view")]
    public IActionResult WithView(string q)
    {
        ViewData["Query"] = q; // safe:PK1002 Razor encodes ViewData output
        return View();
    }

    [HttpGet("banner")]
    public IActionResult Banner(string message)
    {
        ViewBag.Banner = new HtmlString(message); // vuln:PK1002 HtmlString from a query value
        return View();
    }

    [HttpGet("notice")]
    public IActionResult Notice()
    {
        ViewBag.Banner = new HtmlString("<strong>Maintenance tonight 22:00–23:00</strong>"); // safe:PK1002 constant markup
        return View();
    }

    [HttpGet("shout")]
    public IActionResult Shout(string message)
    {
        ViewBag.Banner = message.ToBanner(); // vuln:PK1002#banner-ext query reaches the extension's HtmlString
        return View();
    }

    [HttpGet("shout-safe")]
    public IActionResult ShoutSafe(string message)
    {
        ViewBag.Banner = message.ToSafeBanner(); // safe:PK1002#safe-banner-ext extension encodes
        return View();
    }

    [HttpGet("card")]
    public IActionResult Card(string name, string city)
    {
        ViewBag.Card = cards.Render(name, city); // vuln:PK1002#card-service query values reach the renderer
        return View();
    }

    [HttpGet("card-safe")]
    public IActionResult CardSafe(string name, string city)
    {
        ViewBag.Card = cards.RenderEncoded(name, city); // safe:PK1002#card-service-encoded renderer encodes
        return View();
    }

    [HttpGet("path")]
    public IActionResult Path(string[] segments) =>
        Content(HtmlFragments.Breadcrumbs(segments), "text/html"); // vuln:PK1002 breadcrumb items appended raw

    [HttpGet("path-safe")]
    public IActionResult PathSafe(string[] segments) =>
        Content(HtmlFragments.SafeBreadcrumbs(segments, HtmlEncoder.Default), "text/html"); // safe:PK1002 breadcrumb items encoded

    [HttpGet("list")]
    public IActionResult List(string items)
    {
        var ul = new TagBuilder("ul");
        foreach (var item in items.Split(','))
        {
            var li = new TagBuilder("li");
            li.InnerHtml.AppendHtml(item); // vuln:PK1002 AppendHtml of a request value
            ul.InnerHtml.AppendHtml(li);
        }

        return View(ul);
    }

    [HttpGet("list-safe")]
    public IActionResult ListSafe(string items)
    {
        var ul = new TagBuilder("ul");
        foreach (var item in items.Split(','))
        {
            var li = new TagBuilder("li");
            li.InnerHtml.Append(item); // safe:PK1002 Append encodes its text
            ul.InnerHtml.AppendHtml(li);
        }

        return View(ul);
    }

    [HttpGet("format")]
    public IActionResult Format(string text, Highlight style)
    {
        var html = style switch
        {
            Highlight.Bold => $"<b>{text}</b>",
            Highlight.Italic => $"<i>{text}</i>",
            _ => text,
        };
        return Content(html, "text/html"); // vuln:PK1002 every arm keeps the raw text
    }

    [HttpGet("format-safe")]
    public IActionResult FormatSafe(Highlight style)
    {
        var html = style switch
        {
            Highlight.Bold => "<b>Bold sample</b>",
            Highlight.Italic => "<i>Italic sample</i>",
            _ => "Plain sample",
        };
        return Content(html, "text/html"); // safe:PK1002 constant arms only
    }

    [HttpGet("theme")]
    public IActionResult Theme(string theme)
    {
        if (!Themes.Contains(theme))
        {
            return BadRequest();
        }

        return Content($"<link rel=\"stylesheet\" href=\"/css/{theme}.css\">", "text/html"); // safe:PK1002 allow-listed theme
    }

    [HttpGet("link")]
    public IActionResult Link(string website, string label) =>
        Content(string.Format("<a href=\"{0}\">{1}</a>", website, label), "text/html"); // vuln:PK1002 string.Format into an anchor

    [HttpGet("link-encoded")]
    public IActionResult LinkEncoded(string website) =>
        Content($"<a href=\"{HtmlEncoder.Default.Encode(website)}\">homepage</a>", "text/html"); // vuln:PK1002 encoding does not stop a javascript: URL in href

    [HttpGet("link-checked")]
    public IActionResult LinkChecked(string website)
    {
        if (!Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return BadRequest();
        }

        return Content($"<a href=\"{HtmlEncoder.Default.Encode(uri.AbsoluteUri)}\">homepage</a>", "text/html"); // safe:PK1002 https-only URL, encoded
    }

    [HttpGet("jsonp")]
    public IActionResult Jsonp(string callback)
    {
        var payload = JsonSerializer.Serialize(new { status = "ok" });
        return Content($"{callback}({payload});", "application/javascript"); // vuln:PK1002 attacker-chosen JSONP callback runs as script
    }

    [HttpGet("jsonp-checked")]
    public IActionResult JsonpChecked(string callback)
    {
        if (!Regex.IsMatch(callback, "^[A-Za-z_][A-Za-z0-9_]{0,30}$"))
        {
            return BadRequest();
        }

        var payload = JsonSerializer.Serialize(new { status = "ok" });
        return Content($"{callback}({payload});", "application/javascript"); // safe:PK1002 callback limited to an identifier
    }

    [HttpGet("ua")]
    public IActionResult WhoAmI() =>
        Content($"<p>Your browser: {Request.Headers.UserAgent}</p>", "text/html"); // vuln:PK1002 User-Agent header reflected

    [HttpGet("ua-safe")]
    public IActionResult WhoAmISafe() =>
        Content($"<p>Your browser: {WebUtility.HtmlEncode(Request.Headers.UserAgent.ToString())}</p>", "text/html"); // safe:PK1002 WebUtility.HtmlEncode

    [HttpGet("greeting")]
    public IActionResult Greeting()
    {
        var nickname = Request.Cookies["nickname"] ?? "guest";
        return View(model: new HtmlString($"Welcome back, {nickname}!")); // vuln:PK1002 cookie value as raw markup
    }

    [HttpGet("greeting-length")]
    public IActionResult GreetingLength(string nickname) =>
        Content($"<p>Your nickname has {nickname.Length} characters</p>", "text/html"); // safe:PK1002 only the length is written

    [HttpPost("preview")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Preview()
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var markup = await reader.ReadToEndAsync();
        return new ContentResult { ContentType = "text/html; charset=utf-8", Content = markup }; // vuln:PK1002 request body served as HTML
    }

    [HttpPost("comment")]
    [ValidateAntiForgeryToken]
    public IActionResult Comment(CommentForm form) =>
        Content($"<blockquote>{form.Body}<footer>{form.Author}</footer></blockquote>", "text/html"); // vuln:PK1002 bound record echoed

    [HttpPost("comment-json")]
    [ValidateAntiForgeryToken]
    public IActionResult CommentJson(CommentForm form) => Json(new { form.Author, form.Body }); // safe:PK1002 JSON response

    [HttpPost("comment-rating")]
    [ValidateAntiForgeryToken]
    public IActionResult CommentRating(CommentForm form) =>
        Content($"<p>Rated {form.Rating} of 5</p>", "text/html"); // safe:PK1002 integer property only

    [HttpGet("table")]
    public async Task<IActionResult> Table(string term)
    {
        var rows = await db.Products.Where(p => p.Name.Contains(term)).Select(p => p.Name).ToListAsync();
        var html = new StringBuilder();
        html.Append("<caption>Matches for ").Append(term).Append("</caption>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(HtmlEncoder.Default.Encode(row)).Append("</td></tr>");
        }

        return Content($"<table>{html}</table>", "text/html"); // vuln:PK1002 term appended raw to the caption
    }

    [HttpGet("table-safe")]
    public async Task<IActionResult> TableSafe(string term)
    {
        var rows = await db.Products.Where(p => p.Name.Contains(term)).Select(p => p.Name).ToListAsync();
        var html = new StringBuilder();
        html.Append("<caption>Matches for ").Append(HtmlEncoder.Default.Encode(term)).Append("</caption>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(HtmlEncoder.Default.Encode(row)).Append("</td></tr>");
        }

        return Content($"<table>{html}</table>", "text/html"); // safe:PK1002 every piece encoded
    }

    [HttpGet("product/{id:int}/raw")]
    public async Task<IActionResult> ProductDescription(int id)
    {
        var product = await db.Products.FindAsync(id);
        return Content($"<h1>{product!.Name}</h1>", "text/html"); // vuln:PK1002 stored XSS: seller-supplied product name written raw
    }

    [HttpGet("product/{id:int}")]
    public async Task<IActionResult> ProductPage(int id)
    {
        var product = await db.Products.FindAsync(id);
        return Content($"<h1>{HtmlEncoder.Default.Encode(product!.Name)}</h1>", "text/html"); // safe:PK1002 stored value encoded
    }
}
