using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Xml;

/// <summary>Reader settings registered once and injected (the flaw is in the registration).</summary>
public static class XmlServices
{
    public static IServiceCollection AddXmlParsing(this IServiceCollection services) =>
        services.AddSingleton(new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver(), Async = true }); // vuln:PK1008#di-reader used by SupplierFeedReader on partner XML

    public static IServiceCollection AddStrictXmlParsing(this IServiceCollection services) =>
        services.AddKeyedSingleton("strict", new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true }); // safe:PK1008#di-strict
}

/// <summary>Reads partners' product feeds fetched over HTTP: remote XML is untrusted.</summary>
public sealed class SupplierFeedReader(HttpClient http, XmlReaderSettings settings, [FromKeyedServices("strict")] XmlReaderSettings strict)
{
    public async Task<int> CountItemsAsync(Uri feed, CancellationToken cancellationToken)
    {
        await using var body = await http.GetStreamAsync(feed, cancellationToken);
        using var reader = XmlReader.Create(body, settings); // vuln:PK1008#di-reader
        var count = 0;
        while (await reader.ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "item")
            {
                count++;
            }
        }

        return count;
    }

    public async Task<int> CountItemsStrictAsync(Uri feed, CancellationToken cancellationToken)
    {
        await using var body = await http.GetStreamAsync(feed, cancellationToken);
        using var reader = XmlReader.Create(body, strict); // safe:PK1008#di-strict
        return (await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken)).Descendants("item").Count();
    }

    public XmlDocument LoadRemote(string url)
    {
        var document = new XmlDocument { XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 remote feed parsed with a resolver
        document.Load(url);
        return document;
    }

    public XDocument LoadRemoteSafely(string url) => XDocument.Load(url); // safe:PK1008 XDocument reader prohibits DTDs
}

/// <summary>A document type that always resolves external entities.</summary>
public sealed class ResolvingDocument : XmlDocument
{
    public ResolvingDocument() => XmlResolver = new XmlUrlResolver(); // vuln:PK1008#resolving-doc subclass turns resolution on for every use
}

[Authorize]
[Route("suppliers")]
public sealed class SupplierController(SupplierFeedReader feeds) : Controller
{
    [HttpGet("count")]
    public async Task<IActionResult> Count(int supplierId, CancellationToken cancellationToken) =>
        Ok(await feeds.CountItemsAsync(new Uri($"https://feeds.example.com/{supplierId}.xml"), cancellationToken));

    [HttpPost("invoice")]
    [ValidateAntiForgeryToken]
    public IActionResult Invoice(IFormFile file)
    {
        var document = new ResolvingDocument(); // vuln:PK1008#resolving-doc
        document.Load(file.OpenReadStream());
        return Ok(document.DocumentElement?.GetAttribute("number"));
    }

    [HttpPost("docx")]
    [ValidateAntiForgeryToken]
    public IActionResult Docx(IFormFile file)
    {
        using var zip = new ZipArchive(file.OpenReadStream());
        using var part = zip.GetEntry("word/document.xml")!.Open();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }; // vuln:PK1008 DTD in an uploaded Office part
        settings.XmlResolver = new XmlUrlResolver();
        using var reader = XmlReader.Create(part, settings);
        return Ok(XDocument.Load(reader).Descendants().Count());
    }

    [HttpPost("docx-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult DocxSafe(IFormFile file)
    {
        using var zip = new ZipArchive(file.OpenReadStream());
        using var part = zip.GetEntry("word/document.xml")!.Open();
        using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = 50_000_000 }); // safe:PK1008 prohibited, size-capped
        return Ok(XDocument.Load(reader).Descendants().Count());
    }

    [HttpPost("svg")]
    [ValidateAntiForgeryToken]
    public IActionResult Svg(IFormFile image)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver(), IgnoreComments = true }; // vuln:PK1008 uploaded SVG with its DOCTYPE processed
        using var reader = XmlReader.Create(image.OpenReadStream(), settings);
        var svg = XDocument.Load(reader);
        return Ok(svg.Root?.Attribute("width")?.Value);
    }

    [HttpPost("svg-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult SvgSafe(IFormFile image)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true }; // safe:PK1008 DTD ignored, no resolver
        using var reader = XmlReader.Create(image.OpenReadStream(), settings);
        var svg = XDocument.Load(reader);
        return Ok(svg.Root?.Attribute("width")?.Value);
    }

    [HttpPost("soap")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Soap()
    {
        using var text = new StreamReader(Request.Body);
        var envelope = new XmlDocument();
        envelope.XmlResolver = new XmlUrlResolver(); // vuln:PK1008 SOAP envelope parsed with a resolver
        envelope.LoadXml(await text.ReadToEndAsync());
        var ns = new XmlNamespaceManager(envelope.NameTable);
        ns.AddNamespace("s", "http://schemas.xmlsoap.org/soap/envelope/");
        return Ok(envelope.SelectSingleNode("/s:Envelope/s:Body", ns)?.FirstChild?.Name);
    }

    [HttpPost("soap-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SoapSafe()
    {
        using var text = new StreamReader(Request.Body);
        var envelope = new XmlDocument { PreserveWhitespace = false }; // safe:PK1008 default XmlDocument (no resolver)
        envelope.LoadXml(await text.ReadToEndAsync());
        var ns = new XmlNamespaceManager(envelope.NameTable);
        ns.AddNamespace("s", "http://schemas.xmlsoap.org/soap/envelope/");
        return Ok(envelope.SelectSingleNode("/s:Envelope/s:Body", ns)?.FirstChild?.Name);
    }

    [HttpPost("saml")]
    [ValidateAntiForgeryToken]
    public IActionResult Saml([FromForm] string samlResponse)
    {
        var xml = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse));
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }; // vuln:PK1008 SAML response parsed with DTDs (entity expansion before signature checks)
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(reader);
        return Ok(document.DocumentElement?.LocalName);
    }

    [HttpPost("saml-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult SamlSafe([FromForm] string samlResponse)
    {
        var xml = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse));
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // safe:PK1008 DTDs prohibited before signature checks
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.Load(reader);
        return Ok(document.DocumentElement?.LocalName);
    }

    [HttpPost("text-reader")]
    [ValidateAntiForgeryToken]
    public IActionResult TextReader()
    {
        using var reader = new XmlTextReader(new StreamReader(Request.Body));
        reader.DtdProcessing = DtdProcessing.Parse; // vuln:PK1008 XmlTextReader set to parse DTDs
        reader.XmlResolver = new XmlUrlResolver();
        return Ok(XDocument.Load(reader).Root?.Name.LocalName);
    }

    [HttpPost("text-reader-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult TextReaderSafe()
    {
        using var reader = new XmlTextReader(new StreamReader(Request.Body));
        reader.DtdProcessing = DtdProcessing.Prohibit; // safe:PK1008 XmlTextReader with DTDs prohibited
        return Ok(XDocument.Load(reader).Root?.Name.LocalName);
    }

    [HttpPost("navigate")]
    [ValidateAntiForgeryToken]
    public IActionResult Navigate()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 XPathDocument over an entity-resolving reader
        var navigator = new XPathDocument(XmlReader.Create(Request.Body, settings)).CreateNavigator();
        return Ok(navigator.Evaluate("count(//line)"));
    }

    [HttpPost("navigate-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult NavigateSafe()
    {
        var navigator = new XPathDocument(Request.Body).CreateNavigator(); // safe:PK1008 XPathDocument's default reader prohibits DTDs
        return Ok(navigator.Evaluate("count(//line)"));
    }

    [HttpPost("config-import")]
    [ValidateAntiForgeryToken]
    public IActionResult ConfigImport(IFormFile file, bool allowDtd)
    {
        var settings = new XmlReaderSettings { DtdProcessing = allowDtd ? DtdProcessing.Parse : DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 the client decides whether DTDs are parsed
        using var reader = XmlReader.Create(file.OpenReadStream(), settings);
        return Ok(XDocument.Load(reader).Root?.Name.LocalName);
    }

    [HttpPost("merge")]
    [ValidateAntiForgeryToken]
    public IActionResult Merge(IFormFile first, IFormFile second)
    {
        var a = XDocument.Load(first.OpenReadStream()); // safe:PK1008 XDocument.Load(Stream) defaults
        var b = XDocument.Load(second.OpenReadStream()); // safe:PK1008 XDocument.Load(Stream) defaults
        a.Root?.Add(b.Root?.Elements());
        return Content(a.ToString(), "application/xml");
    }
}

public sealed class UploadFeedModel : PageModel
{
    [BindProperty]
    public IFormFile? Feed { get; set; }

    public IActionResult OnPost()
    {
        var document = new XmlDocument();
        document.XmlResolver = new XmlUrlResolver(); // vuln:PK1008 Razor Page upload parsed with a resolver
        document.Load(Feed!.OpenReadStream());
        return Page();
    }

    public IActionResult OnPostStrict()
    {
        var document = new XmlDocument();
        using var reader = XmlReader.Create(Feed!.OpenReadStream(), new XmlReaderSettings()); // safe:PK1008 default XmlReaderSettings
        document.Load(reader);
        return Page();
    }

    public IActionResult OnPostTrusted()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // safe:PK1008 the app's own file, not input
        using var reader = XmlReader.Create("/srv/shop/config/feed-mapping.xml", settings);
        return Page();
    }
}
