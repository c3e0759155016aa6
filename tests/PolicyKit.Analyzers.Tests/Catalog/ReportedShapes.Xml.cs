using System.Threading.Tasks;
using Xxe = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1008XmlExternalEntitiesAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// XML external entity shapes from peers' trackers (PK1008): parsers that are safe by default on modern .NET and were
/// flagged anyway, and resolvers that fetch external entities and were not seen.
/// </summary>
public sealed class ReportedShapesXml
{
    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/1150", "CA3075",
        ReportedAs.FalsePositive, "new XmlDocument() and Load(path) flagged although the default resolver is null since .NET 4.5.2")]
    public Task Ignores_an_xml_document_with_default_settings() => Xxe.Silent("""
        using System.Xml;

        public static class FeedReader
        {
            public static string? Title(string path)
            {
                var document = new XmlDocument();
                document.Load(path);
                return document.SelectSingleNode("/rss/channel/title")?.InnerText;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/129", "Security Code Scan SCS0007",
        ReportedAs.FalsePositive, "XPathDocument built over a default XmlReader.Create reader reported as XXE")]
    public Task Ignores_an_xpath_document_over_a_default_reader() => Xxe.Silent("""
        using System.IO;
        using System.Xml;
        using System.Xml.XPath;

        public static class ManifestQuery
        {
            public static string Version(Stream manifest)
            {
                using var reader = XmlReader.Create(manifest);
                var navigator = new XPathDocument(reader).CreateNavigator();
                return navigator.SelectSingleNode("/manifest/@version")?.Value ?? "";
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/4686", "SonarC# S2755",
        ReportedAs.FalseNegative, "a custom resolver deriving from XmlUrlResolver given to the parser was assumed safe")]
    public Task Flags_a_resolver_derived_from_xml_url_resolver() => Xxe.Flags("""
        using System;
        using System.IO;
        using System.Xml;

        public sealed class CachingResolver : XmlUrlResolver
        {
            public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
                base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }

        public static class ImportReader
        {
            public static XmlDocument Read(Stream upload)
            {
                var document = new XmlDocument { XmlResolver = {|#0:new CachingResolver()|} };
                document.Load(upload);
                return document;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet-security-guard/roslyn-security-guard/issues/13", "Roslyn Security Guard",
        ReportedAs.FalseNegative, "an XML parser configured to resolve external entities not detected")]
    public Task Flags_an_xml_document_given_a_url_resolver() => Xxe.Flags("""
        using System.Xml;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/orders/import")]
        public class OrderImportController : ControllerBase
        {
            [HttpPost]
            public IActionResult Import([FromBody] string xml)
            {
                var document = new XmlDocument { XmlResolver = {|#0:new XmlUrlResolver()|} };
                document.LoadXml(xml);
                return Ok(document.DocumentElement?.ChildNodes.Count);
            }
        }
        """);
}
