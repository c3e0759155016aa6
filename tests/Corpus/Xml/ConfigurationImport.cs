using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xml;

/// <summary>Parses uploaded price lists; the parse settings are chosen per format.</summary>
public sealed class PriceListParser
{
    private readonly XmlReaderSettings _legacy;

    public PriceListParser()
    {
        _legacy = new XmlReaderSettings();
        _legacy.DtdProcessing = DtdProcessing.Parse; // vuln:PK1008#price-legacy used for uploaded legacy price lists
        _legacy.XmlResolver = new XmlUrlResolver();
    }

    public int CountLegacy(Stream upload)
    {
        using var reader = XmlReader.Create(upload, _legacy); // vuln:PK1008#price-legacy
        return XDocument.Load(reader).Descendants("price").Count();
    }

    public int CountCurrent(Stream upload)
    {
        using var reader = XmlReader.Create(upload, new XmlReaderSettings { CloseInput = true }); // safe:PK1008 defaults apart from CloseInput
        return XDocument.Load(reader).Descendants("price").Count();
    }
}

[Authorize(Roles = "merchant")]
[ApiController]
[Route("api/pricelists")]
public sealed class PriceListController(PriceListParser parser) : ControllerBase
{
    [HttpPost("legacy")]
    public IActionResult Legacy(IFormFile file) => Ok(parser.CountLegacy(file.OpenReadStream())); // vuln:PK1008#price-legacy

    [HttpPost("current")]
    public IActionResult Current(IFormFile file) => Ok(parser.CountCurrent(file.OpenReadStream())); // safe:PK1008 default parsing

    [HttpPost("fragment")]
    public async Task<IActionResult> Fragment()
    {
        var settings = new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Parse, Async = true }; // vuln:PK1008 DTD parsing on a request body (entity expansion)
        using var reader = XmlReader.Create(Request.Body, settings);
        var count = 0;
        while (await reader.ReadAsync())
        {
            count++;
        }

        return Ok(count);
    }

    [HttpPost("fragment-safe")]
    public async Task<IActionResult> FragmentSafe()
    {
        var settings = new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, Async = true }; // safe:PK1008 DTDs stay prohibited
        using var reader = XmlReader.Create(Request.Body, settings);
        var count = 0;
        while (await reader.ReadAsync())
        {
            count++;
        }

        return Ok(count);
    }

    [HttpPost("nested")]
    public IActionResult Nested()
    {
        var outer = XmlReader.Create(Request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }); // vuln:PK1008 inline settings with a resolver
        using var inner = XmlReader.Create(outer, new XmlReaderSettings { IgnoreWhitespace = true });
        return Ok(XDocument.Load(inner).Root?.Name.LocalName);
    }

    [HttpPost("nested-safe")]
    public IActionResult NestedSafe()
    {
        var outer = XmlReader.Create(Request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }); // safe:PK1008 prohibited at the outer reader
        using var inner = XmlReader.Create(outer, new XmlReaderSettings { IgnoreWhitespace = true });
        return Ok(XDocument.Load(inner).Root?.Name.LocalName);
    }

    [HttpPost("dataset")]
    public IActionResult Dataset()
    {
        var document = new XmlDocument();
        var resolver = new XmlUrlResolver { Credentials = System.Net.CredentialCache.DefaultCredentials };
        document.XmlResolver = resolver; // vuln:PK1008 resolver through a local, even sends the service's credentials
        document.Load(Request.Body);
        return Ok(document.ChildNodes.Count);
    }

    [HttpPost("parse-then-check")]
    public IActionResult ParseThenCheck()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 the DOCTYPE check runs after the entities were fetched
        using var reader = XmlReader.Create(Request.Body, settings);
        var document = XDocument.Load(reader);
        return document.DocumentType is null ? Ok() : BadRequest();
    }
}
