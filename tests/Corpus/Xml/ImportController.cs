using System;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Resolvers;
using System.Xml.Schema;
using System.Xml.Serialization;
using System.Xml.XPath;
using System.Xml.Xsl;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Xml;

public sealed class CatalogItem
{
    public string Sku { get; set; } = "";
    public decimal Price { get; set; }
}

[Authorize(Roles = "merchant")]
[ApiController]
[Route("api/import")]
public sealed class ImportController : ControllerBase
{
    [HttpPost("catalog")]
    public IActionResult Catalog()
    {
        using var reader = XmlReader.Create(Request.Body, XmlSettingsFactory.Lenient()); // vuln:PK1008#lenient
        return Ok(XDocument.Load(reader).Descendants("item").Count());
    }

    [HttpPost("catalog-strict")]
    public IActionResult CatalogStrict()
    {
        using var reader = XmlReader.Create(Request.Body, XmlSettingsFactory.Strict()); // safe:PK1008#strict
        return Ok(XDocument.Load(reader).Descendants("item").Count());
    }

    [HttpPost("feed")]
    public IActionResult Feed()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 DTDs parsed, external entities fetched
        using var reader = XmlReader.Create(Request.Body, settings);
        var feed = new XmlDocument();
        feed.Load(reader);
        return Ok(feed.DocumentElement?.Name);
    }

    [HttpPost("feed-default")]
    public IActionResult FeedDefault()
    {
        using var reader = XmlReader.Create(Request.Body); // safe:PK1008 default settings prohibit DTDs
        var feed = new XmlDocument();
        feed.Load(reader);
        return Ok(feed.DocumentElement?.Name);
    }

    [HttpPost("feed-ignore")]
    public IActionResult FeedIgnore()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }; // safe:PK1008 DTD skipped, entities left undefined
        using var reader = XmlReader.Create(Request.Body, settings);
        return Ok(XElement.Load(reader).Name.LocalName);
    }

    [HttpPost("expand")]
    public IActionResult Expand()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 0 }; // vuln:PK1008 unlimited entity expansion (billion laughs)
        using var reader = XmlReader.Create(Request.Body, settings);
        return Ok(XDocument.Load(reader).Root?.Value.Length);
    }

    [HttpPost("document")]
    public IActionResult Document() => Ok(XmlSettingsFactory.LoadDocument(Request.Body).DocumentElement?.Name); // vuln:PK1008#load-document

    [HttpPost("document-safe")]
    public IActionResult DocumentSafe() => Ok(XmlSettingsFactory.LoadDocumentSafely(Request.Body).DocumentElement?.Name); // safe:PK1008#load-document-safe

    [HttpPost("invoice")]
    public IActionResult Invoice()
    {
        var invoice = new XmlDocument { XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 XmlDocument with a resolver parses DTDs and fetches entities
        invoice.Load(Request.Body);
        return Ok(invoice.SelectSingleNode("//total")?.InnerText);
    }

    [HttpPost("invoice-default")]
    public IActionResult InvoiceDefault()
    {
        var invoice = new XmlDocument(); // safe:PK1008 .NET's XmlDocument has no resolver by default
        invoice.Load(Request.Body);
        return Ok(invoice.SelectSingleNode("//total")?.InnerText);
    }

    [HttpPost("invoice-string")]
    public async Task<IActionResult> InvoiceString()
    {
        using var text = new StreamReader(Request.Body);
        var invoice = new XmlDocument { XmlResolver = null }; // safe:PK1008 resolver explicitly null
        invoice.LoadXml(await text.ReadToEndAsync());
        return Ok(invoice.SelectSingleNode("//total")?.InnerText);
    }

    [HttpPost("legacy-reader")]
    public IActionResult LegacyReader()
    {
        var reader = new XmlTextReader(Request.Body) { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 XmlTextReader resolving external entities
        while (reader.Read())
        {
        }

        return Ok();
    }

    [HttpPost("legacy-reader-prohibit")]
    public IActionResult LegacyReaderProhibit()
    {
        var reader = new XmlTextReader(Request.Body) { DtdProcessing = DtdProcessing.Prohibit }; // safe:PK1008 DTDs prohibited
        while (reader.Read())
        {
        }

        return Ok();
    }

    [HttpPost("secure-resolver")]
    public IActionResult SecureResolver()
    {
        var document = new XmlDocument();
        document.XmlResolver = new XmlSecureResolver(new XmlUrlResolver(), "https://partner.example.com/"); // vuln:PK1008 XmlSecureResolver restricts nothing on .NET Core
        document.Load(Request.Body);
        return Ok(document.DocumentElement?.Name);
    }

    [HttpPost("preloaded")]
    public IActionResult Preloaded()
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse, // safe:PK1008 only the preloaded XHTML DTDs resolve, no file or network access
            XmlResolver = new XmlPreloadedResolver(XmlKnownDtds.Xhtml10),
            MaxCharactersFromEntities = 1024,
        };
        using var reader = XmlReader.Create(Request.Body, settings);
        return Ok(XDocument.Load(reader).Root?.Name.LocalName);
    }

    [HttpPost("custom-resolver")]
    public IActionResult CustomResolver()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }; // vuln:PK1008 a subclassed URL resolver fetches entities
        settings.XmlResolver = new ProxyAwareResolver();
        using var reader = XmlReader.Create(Request.Body, settings);
        return Ok(new XPathDocument(reader).CreateNavigator().Name);
    }

    [HttpPost("schema")]
    public IActionResult Schema()
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit }; // safe:PK1008 resolver loads the app's schemas, DTDs stay prohibited
        settings.Schemas.Add(null, "/srv/shop/schemas/catalog.xsd");
        settings.XmlResolver = new XmlUrlResolver();
        using var reader = XmlReader.Create(Request.Body, settings);
        while (reader.Read())
        {
        }

        return Ok();
    }

    [HttpPost("serializer")]
    public IActionResult Serializer() => Ok(new XmlSerializer(typeof(CatalogItem)).Deserialize(Request.Body)); // safe:PK1008 XmlSerializer's own reader prohibits DTDs

    [HttpPost("contract")]
    public IActionResult Contract() => Ok(new DataContractSerializer(typeof(CatalogItem)).ReadObject(Request.Body)); // safe:PK1008 DataContractSerializer does not process DTDs

    [HttpPost("xdocument")]
    public async Task<IActionResult> XDocumentLoad() =>
        Ok((await XDocument.LoadAsync(Request.Body, LoadOptions.None, HttpContext.RequestAborted)).Root?.Name.LocalName); // safe:PK1008 XDocument's default reader

    [HttpPost("xpath")]
    public IActionResult XPath()
    {
        var settings = new XmlReaderSettings();
        settings.DtdProcessing = DtdProcessing.Parse; // vuln:PK1008 property set after construction
        settings.XmlResolver = new XmlUrlResolver();
        using var reader = XmlReader.Create(Request.Body, settings);
        var navigator = new XPathDocument(reader).CreateNavigator();
        return Ok(navigator.SelectSingleNode("/order/id")?.Value);
    }
}

[Authorize(Roles = "merchant")]
[Route("reports/xslt")]
public sealed class XsltController : Controller
{
    [HttpPost("render")]
    [ValidateAntiForgeryToken]
    public IActionResult Render(IFormFile stylesheet, IFormFile data)
    {
        var transform = new XslCompiledTransform();
        using var xslt = XmlReader.Create(stylesheet.OpenReadStream());
        transform.Load(xslt, XsltSettings.TrustedXslt, new XmlUrlResolver()); // vuln:PK1008 uploaded stylesheet with document() and scripts enabled
        using var input = XmlReader.Create(data.OpenReadStream());
        var output = new StringWriter();
        transform.Transform(input, null, output);
        return Content(output.ToString(), "text/xml");
    }

    [HttpPost("render-default")]
    [ValidateAntiForgeryToken]
    public IActionResult RenderDefault(IFormFile stylesheet, IFormFile data)
    {
        var transform = new XslCompiledTransform();
        using var xslt = XmlReader.Create(stylesheet.OpenReadStream());
        transform.Load(xslt, XsltSettings.Default, null); // safe:PK1008 document() and scripts off, no resolver
        using var input = XmlReader.Create(data.OpenReadStream());
        var output = new StringWriter();
        transform.Transform(input, null, output);
        return Content(output.ToString(), "text/xml");
    }

    [HttpPost("render-document")]
    [ValidateAntiForgeryToken]
    public IActionResult RenderWithDocument(IFormFile stylesheet)
    {
        var transform = new XslCompiledTransform();
        using var xslt = XmlReader.Create(stylesheet.OpenReadStream());
        transform.Load(xslt, new XsltSettings { EnableDocumentFunction = true }, new XmlUrlResolver()); // vuln:PK1008 document() reads any URL
        return Ok();
    }

    [HttpPost("render-settings")]
    [ValidateAntiForgeryToken]
    public IActionResult RenderWithSettings(IFormFile stylesheet)
    {
        var transform = new XslCompiledTransform();
        using var xslt = XmlReader.Create(stylesheet.OpenReadStream());
        transform.Load(xslt, new XsltSettings(true, false), new XmlUrlResolver()); // vuln:PK1008 enableDocumentFunction: true
        return Ok();
    }

    [HttpPost("render-nodoc")]
    [ValidateAntiForgeryToken]
    public IActionResult RenderWithoutDocument(IFormFile stylesheet)
    {
        var transform = new XslCompiledTransform();
        using var xslt = XmlReader.Create(stylesheet.OpenReadStream());
        transform.Load(xslt, new XsltSettings(false, false), new XmlUrlResolver()); // vuln:PK1008 document() is off, but xsl:import/include in an uploaded stylesheet still fetch any URL through the resolver
        return Ok();
    }
}

public static class XmlMinimalApis
{
    public static void MapXmlEndpoints(this IEndpointRouteBuilder app)
    {
        var xml = app.MapGroup("/api/xml").RequireAuthorization();
        xml.MapPost("/order", (HttpRequest request) =>
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 minimal API body with external entities
            using var reader = XmlReader.Create(request.Body, settings);
            return XElement.Load(reader).Element("id")?.Value;
        });
        xml.MapPost("/order-safe", (HttpRequest request) =>
        {
            using var reader = XmlReader.Create(request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }); // safe:PK1008 prohibited
            return XElement.Load(reader).Element("id")?.Value;
        });
        xml.MapPost("/sitemap", async (HttpRequest request) =>
        {
            var text = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            return XElement.Parse(text).Elements().Count(); // safe:PK1008 XElement.Parse prohibits DTDs
        });
    }
}
