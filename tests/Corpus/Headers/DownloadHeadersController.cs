using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Corpus.Headers;

public sealed class ExportOptions
{
    public string DefaultFileName { get; set; } = "export.csv";
    public string CacheProfile { get; set; } = "private, max-age=60";
}

[Authorize]
[Route("exports")]
public sealed class DownloadHeadersController(IOptions<ExportOptions> options, ResponseHeaderWriter writer) : Controller
{
    private static readonly HashSet<string> Languages = new(StringComparer.OrdinalIgnoreCase) { "ja-JP", "en-US", "en-GB" };

    [HttpGet("csv")]
    public IActionResult Csv(string fileName)
    {
        Response.Headers["Content-Disposition"] = "attachment; filename=\"" + fileName + "\""; // vuln:PK1006 query file name straight into Content-Disposition
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-clean")]
    public IActionResult CsvClean(string fileName)
    {
        var clean = fileName.Replace("\r", string.Empty).Replace("\n", string.Empty);
        Response.Headers["Content-Disposition"] = $"attachment; filename=\"{clean}\""; // safe:PK1006 CR and LF removed
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-lf")]
    public IActionResult CsvLfOnly(string fileName)
    {
        var partly = fileName.Replace("\n", "");
        Response.Headers.ContentDisposition = "attachment; filename=" + partly; // vuln:PK1006 only LF removed, a lone CR still splits the header
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-crlf")]
    public IActionResult CsvCrLfPair(string fileName)
    {
        Response.Headers.ContentDisposition = "attachment; filename=" + fileName.Replace("\r\n", "_"); // vuln:PK1006 removes only the CRLF pair, a bare LF survives
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-trim")]
    public IActionResult CsvTrimmed(string fileName)
    {
        Response.Headers.ContentDisposition = "attachment; filename=" + fileName.Trim(); // vuln:PK1006 Trim only strips the ends
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-escaped")]
    public IActionResult CsvEscaped(string fileName)
    {
        Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(fileName); // safe:PK1006 percent-encoded (RFC 5987)
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-html")]
    public IActionResult CsvHtmlEncoded(string fileName)
    {
        Response.Headers.ContentDisposition = "attachment; filename=" + WebUtility.HtmlEncode(fileName); // vuln:PK1006 HTML encoding leaves CR and LF alone
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-typed")]
    public IActionResult CsvTyped(string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.FileName = fileName; // vuln:PK1006 typed header value fed the raw name
        Response.Headers.ContentDisposition = disposition.ToString();
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("csv-default")]
    public IActionResult CsvDefault()
    {
        Response.Headers.ContentDisposition = "attachment; filename=" + options.Value.DefaultFileName; // safe:PK1006 name from configuration
        return Content("id,total\n", "text/csv");
    }

    [HttpGet("lang")]
    public IActionResult Language(string lang)
    {
        Response.Headers.ContentLanguage = lang; // vuln:PK1006 Content-Language echoed from the query
        return View();
    }

    [HttpGet("lang-listed")]
    public IActionResult LanguageListed(string lang)
    {
        if (!Languages.Contains(lang))
        {
            return BadRequest();
        }

        Response.Headers.ContentLanguage = lang; // safe:PK1006 allow-listed
        return View();
    }

    [HttpGet("lang-switch")]
    public IActionResult LanguageSwitch(string lang)
    {
        var header = lang switch
        {
            "ja" => "ja-JP",
            "en" => "en-US",
            _ => "en-US",
        };
        Response.Headers.ContentLanguage = header; // safe:PK1006 only constant switch arms reach the header
        return View();
    }

    [HttpGet("page/{page:int}")]
    public IActionResult Page(int page, int size)
    {
        Response.Headers["X-Page"] = page.ToString(CultureInfo.InvariantCulture); // safe:PK1006 a number
        Response.Headers.Append("X-Page-Size", size.ToString(CultureInfo.InvariantCulture)); // safe:PK1006 a number
        return Ok();
    }

    [HttpGet("trace")]
    public IActionResult Trace()
    {
        var correlation = Request.Headers["X-Correlation-Id"].ToString();
        Response.Headers.Append("X-Correlation-Id", correlation); // vuln:PK1006 request header reflected into the response
        return Ok();
    }

    [HttpGet("trace-guid")]
    public IActionResult TraceGuid()
    {
        var correlation = Guid.Parse(Request.Headers["X-Correlation-Id"].ToString());
        Response.Headers.Append("X-Correlation-Id", correlation.ToString("D")); // safe:PK1006 parsed as a Guid
        return Ok();
    }

    [HttpGet("type")]
    public IActionResult Typed(string format)
    {
        Response.ContentType = "text/" + format; // vuln:PK1006 content type built from the query
        return Content("...");
    }

    [HttpGet("cache")]
    public IActionResult Cache()
    {
        Response.Headers.CacheControl = options.Value.CacheProfile; // safe:PK1006 configuration value
        return Ok();
    }

    [HttpGet("tag")]
    public IActionResult Tag([FromQuery(Name = "tag")] string campaign)
    {
        Response.Headers.Add("X-Campaign", campaign); // vuln:PK1006 IDictionary.Add with a query value
        return Ok();
    }

    [HttpGet("tag-regex")]
    public IActionResult TagRegex(string campaign)
    {
        var flat = Regex.Replace(campaign, @"[\r\n]", "");
        Response.Headers.Append("X-Campaign", flat); // safe:PK1006 regex removes CR and LF
        return Ok();
    }

    [HttpGet("vary")]
    public IActionResult Vary(string varyOn)
    {
        Response.Headers.AppendCommaSeparatedValues("Vary", varyOn); // vuln:PK1006 comma-separated append of a query value
        return Ok();
    }

    [HttpGet("named")]
    public IActionResult Named(string header, string value)
    {
        Response.Headers[header.ReplaceLineEndings("")] = value; // vuln:PK1006 the name is cleaned but the value is not
        return Ok();
    }

    [HttpGet("report/{title}")]
    public IActionResult Report(string title)
    {
        writer.Title(Response, title); // vuln:PK1006#headers-writer-title title passed to a header helper in another file
        return Ok();
    }

    [HttpGet("report-clean/{title}")]
    public IActionResult ReportClean(string title)
    {
        writer.Title(Response, title.ReplaceLineEndings(" ")); // safe:PK1006 line endings replaced before the helper
        return Ok();
    }

    [HttpGet("report-id/{id:int}")]
    public IActionResult ReportId(int id)
    {
        writer.Title(Response, "Report " + id.ToString(CultureInfo.InvariantCulture)); // safe:PK1006 constant text and a number
        return Ok();
    }

    [HttpPost("request-echo")]
    public IActionResult RequestEcho(string tenant)
    {
        Request.Headers["X-Tenant"] = tenant; // safe:PK1006 a request header, never sent to the client
        return Ok();
    }
}
