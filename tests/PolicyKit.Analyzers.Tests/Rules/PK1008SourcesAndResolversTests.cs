using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1008XmlExternalEntitiesAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1008: DTD processing chosen at run time, stylesheets from input, preloaded DTDs and the app's own files.</summary>
public sealed class PK1008SourcesAndResolversTests
{
    [Fact]
    public Task Flags_dtd_processing_chosen_by_a_flag() => Verify.Analyzer("""
        using System.Xml;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class CatalogController : ControllerBase
        {
            [HttpPost]
            public IActionResult Import(IFormFile upload, bool legacy)
            {
                var settings = new XmlReaderSettings { DtdProcessing = [|legacy ? DtdProcessing.Parse : DtdProcessing.Ignore|] };
                using var reader = XmlReader.Create(upload.OpenReadStream(), settings);
                while (reader.Read()) { }
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Flags_an_uploaded_stylesheet_loaded_with_a_url_resolver() => Verify.Analyzer("""
        using System.Xml;
        using System.Xml.Xsl;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ReportController : ControllerBase
        {
            [HttpPost]
            public IActionResult Render(IFormFile template)
            {
                var transform = new XslCompiledTransform();
                using var stylesheet = XmlReader.Create(template.OpenReadStream());
                [|transform.Load(stylesheet, XsltSettings.Default, new XmlUrlResolver())|];
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_the_apps_own_stylesheet_and_a_null_resolver() => Verify.Analyzer("""
        using System.Xml;
        using System.Xml.Xsl;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ReportController : ControllerBase
        {
            [HttpPost]
            public IActionResult Render(IFormFile template)
            {
                var own = new XslCompiledTransform();
                own.Load("/srv/app/templates/invoice.xslt", XsltSettings.Default, new XmlUrlResolver());

                var uploaded = new XslCompiledTransform();
                using var stylesheet = XmlReader.Create(template.OpenReadStream());
                uploaded.Load(stylesheet, XsltSettings.Default, null);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_dtds_resolved_only_from_the_preloaded_set() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;
        using System.Xml.Resolvers;

        public static class XhtmlReader
        {
            public static XmlReader Open(Stream input)
            {
                var settings = new XmlReaderSettings
                {
                    DtdProcessing = DtdProcessing.Parse,
                    XmlResolver = new XmlPreloadedResolver(XmlKnownDtds.Xhtml10),
                    MaxCharactersFromEntities = 4096,
                };
                return XmlReader.Create(input, settings);
            }
        }
        """);

    [Fact]
    public Task Flags_a_preloaded_resolver_that_falls_back_to_the_network() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;
        using System.Xml.Resolvers;

        public static class XhtmlReader
        {
            public static XmlReader Open(Stream input)
            {
                var settings = new XmlReaderSettings
                {
                    DtdProcessing = [|DtdProcessing.Parse|],
                    XmlResolver = new XmlPreloadedResolver(new XmlUrlResolver(), XmlKnownDtds.Xhtml10),
                };
                return XmlReader.Create(input, settings);
            }
        }
        """);

    [Fact]
    public Task Ignores_settings_that_only_read_a_constant_path() => Verify.Analyzer("""
        using System.Xml;

        public static class MappingFile
        {
            public static int CountRules()
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() };
                using var reader = XmlReader.Create("/srv/app/config/mapping.xml", settings);
                var count = 0;
                while (reader.Read()) { count++; }
                return count;
            }
        }
        """);

    [Fact]
    public Task Flags_settings_that_read_a_constant_path_and_a_stream() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;

        public static class MappingFile
        {
            public static void Read(Stream upload)
            {
                var settings = new XmlReaderSettings { DtdProcessing = [|DtdProcessing.Parse|], XmlResolver = new XmlUrlResolver() };
                using var own = XmlReader.Create("/srv/app/config/mapping.xml", settings);
                using var theirs = XmlReader.Create(upload, settings);
            }
        }
        """);
}
