using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1008XmlExternalEntitiesAnalyzer, PolicyKit.CodeFixes.Rules.PK1008XmlExternalEntitiesFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1008XmlExternalEntitiesTests
{
    // ---- flagged ----

    [Fact]
    public Task Flags_reader_settings_that_parse_dtds_with_a_resolver() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/feeds")]
        public class FeedController : ControllerBase
        {
            [HttpPost]
            public IActionResult Import([FromBody] Stream body)
            {
                var settings = new XmlReaderSettings { DtdProcessing = [|DtdProcessing.Parse|], XmlResolver = new XmlUrlResolver() };
                using var reader = XmlReader.Create(body, settings);
                while (reader.Read()) { }
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Flags_reader_settings_that_parse_dtds_without_a_resolver() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;

        public static class InvoiceParser
        {
            public static XmlReader Open(Stream stream)
            {
                var settings = new XmlReaderSettings();
                settings.DtdProcessing = [|DtdProcessing.Parse|];
                return XmlReader.Create(stream, settings);
            }
        }
        """);

    [Fact]
    public Task Flags_xml_document_with_an_url_resolver() => Verify.Analyzer("""
        using System.Xml;

        public class SamlReader
        {
            public XmlDocument Load(string xml)
            {
                var document = new XmlDocument { XmlResolver = [|new XmlUrlResolver()|] };
                document.LoadXml(xml);
                return document;
            }
        }
        """);

    [Fact]
    public Task Flags_xml_document_resolver_assigned_after_construction() => Verify.Analyzer("""
        using System.Net;
        using System.Xml;

        public class ConfigLoader
        {
            public XmlDocument Load(string path)
            {
                var document = new XmlDocument();
                var resolver = new XmlUrlResolver { Credentials = CredentialCache.DefaultCredentials };
                document.XmlResolver = [|resolver|];
                document.Load(path);
                return document;
            }
        }
        """);

    [Fact]
    public Task Flags_xml_text_reader_that_parses_dtds() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;

        public static class LegacyImport
        {
            public static XmlTextReader Open(Stream stream) => new XmlTextReader(stream) { DtdProcessing = [|DtdProcessing.Parse|] };
        }
        """);

    [Fact]
    public Task Flags_xml_text_reader_with_a_resolver() => Verify.Analyzer("""
        using System.IO;
        using System.Xml;

        public static class LegacyImport
        {
            public static XmlTextReader Open(TextReader text)
            {
                var reader = new XmlTextReader(text);
                reader.XmlResolver = [|new XmlUrlResolver()|];
                return reader;
            }
        }
        """);

    [Fact]
    public Task Flags_prohibit_dtd_false() => Verify.Analyzer("""
        #pragma warning disable CS0618
        using System.IO;
        using System.Xml;

        public static class LegacyImport
        {
            public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings { ProhibitDtd = [|false|] });
        }
        """);

    [Fact]
    public Task Flags_secure_resolver_on_a_document() => Verify.Analyzer("""
        using System.Xml;

        public static class Loader
        {
            public static void Configure(XmlDocument document) =>
                document.XmlResolver = [|new XmlSecureResolver(new XmlUrlResolver(), "https://partner.example.com/")|];
        }
        """);

    [Fact]
    public Task Flags_trusted_xslt_with_a_resolver() => Verify.Analyzer("""
        using System.Xml;
        using System.Xml.Xsl;

        public class ReportRenderer
        {
            public XslCompiledTransform Load(string stylesheetUri)
            {
                var transform = new XslCompiledTransform();
                [|transform.Load(stylesheetUri, XsltSettings.TrustedXslt, new XmlUrlResolver())|];
                return transform;
            }
        }
        """);

    [Fact]
    public Task Flags_document_function_enabled_on_a_local_with_a_resolver() => Verify.Analyzer("""
        using System.Xml;
        using System.Xml.Xsl;

        public class ReportRenderer
        {
            public XslCompiledTransform Load(XmlReader stylesheet)
            {
                var settings = new XsltSettings { EnableDocumentFunction = true };
                var transform = new XslCompiledTransform();
                [|transform.Load(stylesheet, settings, new XmlUrlResolver())|];
                return transform;
            }
        }
        """);

    [Fact]
    public Task Flags_parse_in_a_field_initializer() => Verify.Analyzer("""
        using System.Xml;

        public class SitemapReader
        {
            private static readonly XmlReaderSettings Settings = new() { DtdProcessing = [|DtdProcessing.Parse|], IgnoreComments = true };
            public XmlReaderSettings Current => Settings;
        }
        """);

    // ---- silent ----

    [Fact]
    public Task Ignores_default_reader() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Xml;

        public static class FeedParser
        {
            public static int Count(Stream stream)
            {
                var count = 0;
                using var reader = XmlReader.Create(stream);
                while (reader.Read()) { count++; }
                return count;
            }
        }
        """);

    [Fact]
    public Task Ignores_prohibit_and_ignore() => Verify.NoDiagnostic("""
        using System.Xml;

        public static class Settings
        {
            public static readonly XmlReaderSettings Strict = new() { DtdProcessing = DtdProcessing.Prohibit };
            public static readonly XmlReaderSettings Lenient = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        }
        """);

    [Fact]
    public Task Ignores_null_resolver_on_a_document() => Verify.NoDiagnostic("""
        using System.Xml;

        public static class Loader
        {
            public static XmlDocument Load(string xml)
            {
                var document = new XmlDocument { XmlResolver = null };
                document.LoadXml(xml);
                return document;
            }
        }
        """);

    [Fact]
    public Task Ignores_default_xml_document() => Verify.NoDiagnostic("""
        using System.Xml;

        public static class Loader
        {
            public static string? Title(string xml)
            {
                var document = new XmlDocument();
                document.LoadXml(xml);
                return document.SelectSingleNode("/rss/channel/title")?.InnerText;
            }
        }
        """);

    [Fact]
    public Task Ignores_resolver_on_reader_settings_that_prohibit_dtds() => Verify.NoDiagnostic("""
        using System.Xml;
        using System.Xml.Schema;

        public static class SchemaValidation
        {
            public static XmlReaderSettings Create(XmlSchemaSet schemas) => new()
            {
                ValidationType = ValidationType.Schema,
                Schemas = schemas,
                XmlResolver = new XmlUrlResolver(),
            };
        }
        """);

    [Fact]
    public Task Ignores_preloaded_resolver() => Verify.NoDiagnostic("""
        using System.Xml;
        using System.Xml.Resolvers;

        public static class XhtmlLoader
        {
            public static XmlDocument Create() => new XmlDocument { XmlResolver = new XmlPreloadedResolver(XmlKnownDtds.Xhtml10) };
        }
        """);

    [Fact]
    public Task Ignores_default_xslt_settings_with_a_resolver() => Verify.NoDiagnostic("""
        using System.Xml;
        using System.Xml.Xsl;

        public static class Renderer
        {
            public static XslCompiledTransform Load(string uri)
            {
                var transform = new XslCompiledTransform();
                transform.Load(uri, XsltSettings.Default, new XmlUrlResolver());
                transform.Load(uri, new XsltSettings(enableDocumentFunction: false, enableScript: false), new XmlUrlResolver());
                return transform;
            }
        }
        """);

    [Fact]
    public Task Ignores_trusted_xslt_without_a_resolver() => Verify.NoDiagnostic("""
        using System.Xml.Xsl;

        public static class Renderer
        {
            public static XslCompiledTransform Load(string uri)
            {
                var transform = new XslCompiledTransform();
                transform.Load(uri, XsltSettings.TrustedXslt, null);
                return transform;
            }
        }
        """);

    [Fact]
    public Task Ignores_prohibit_dtd_true_and_a_user_property_named_dtd_processing() => Verify.NoDiagnostic("""
        #pragma warning disable CS0618
        using System.Xml;

        public class ImportOptions { public string DtdProcessing { get; set; } = "Parse"; }

        public static class Settings
        {
            public static readonly XmlReaderSettings Strict = new() { ProhibitDtd = true };
            public static readonly ImportOptions Options = new() { DtdProcessing = "Parse" };
        }
        """);

    [Fact]
    public Task Ignores_parse_value_read_from_configuration() => Verify.NoDiagnostic("""
        using System.Xml;

        public static class Settings
        {
            public static XmlReaderSettings Create(DtdProcessing configured) => new() { DtdProcessing = configured };
        }
        """);

    // ---- fix ----

    [Fact]
    public Task Fix_replaces_parse_with_prohibit() => Verify.Fix(
        """
        using System.Xml;

        public static class Settings
        {
            public static readonly XmlReaderSettings Reader = new() { DtdProcessing = [|DtdProcessing.Parse|] };
        }
        """,
        """
        using System.Xml;

        public static class Settings
        {
            public static readonly XmlReaderSettings Reader = new() { DtdProcessing = DtdProcessing.Prohibit };
        }
        """);

    [Fact]
    public Task Fix_replaces_parse_in_a_statement() => Verify.Fix(
        """
        using System.Xml;

        public static class Settings
        {
            public static void Harden(XmlReaderSettings settings)
            {
                settings.DtdProcessing = [|System.Xml.DtdProcessing.Parse|];
            }
        }
        """,
        """
        using System.Xml;

        public static class Settings
        {
            public static void Harden(XmlReaderSettings settings)
            {
                settings.DtdProcessing = System.Xml.DtdProcessing.Prohibit;
            }
        }
        """);
}
