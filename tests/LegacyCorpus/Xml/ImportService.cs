using System;
using System.IO;
using System.Xml;
using System.Xml.Xsl;

namespace LegacyCorpus.Xml
{
    /// <summary>Supplier price-list import (.NET Framework 4.8 XML defaults: XmlDocument and XmlTextReader resolve no external entities since 4.5.2).</summary>
    public class PriceListImport
    {
        public XmlDocument LoadWithResolver(Stream upload)
        {
            var document = new XmlDocument();
            document.XmlResolver = new XmlUrlResolver(); // vuln:PK1008 external entities resolved
            document.Load(upload);
            return document;
        }

        public XmlDocument LoadDefault(Stream upload)
        {
            var document = new XmlDocument(); // safe:PK1008 net48 default: no resolver
            document.Load(upload);
            return document;
        }

        public XmlDocument LoadNullResolver(Stream upload)
        {
            var document = new XmlDocument { XmlResolver = null }; // safe:PK1008 resolver removed explicitly
            document.Load(upload);
            return document;
        }

        public string ReadWithTextReader(Stream upload)
        {
            var reader = new XmlTextReader(upload);
            reader.DtdProcessing = DtdProcessing.Parse; // vuln:PK1008#textreader DTDs parsed with the resolver below
            reader.XmlResolver = new XmlUrlResolver(); // vuln:PK1008#textreader external entities fetched
            reader.MoveToContent();
            return reader.ReadOuterXml();
        }

        public string ReadWithTextReaderProhibit(Stream upload)
        {
            var reader = new XmlTextReader(upload) { DtdProcessing = DtdProcessing.Prohibit }; // safe:PK1008 DTD rejected
            reader.MoveToContent();
            return reader.ReadOuterXml();
        }

        public string ReadWithSettings(Stream upload)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 settings parse DTDs and resolve
            using (var reader = XmlReader.Create(upload, settings))
            {
                reader.MoveToContent();
                return reader.ReadOuterXml();
            }
        }

        public string ReadWithSafeSettings(Stream upload)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }; // safe:PK1008 DTD ignored
            using (var reader = XmlReader.Create(upload, settings))
            {
                reader.MoveToContent();
                return reader.ReadOuterXml();
            }
        }

        public void TransformUntrusted(string stylesheetPath, string input, string output)
        {
            var xslt = new XslCompiledTransform();
            xslt.Load(stylesheetPath, XsltSettings.TrustedXslt, new XmlUrlResolver()); // vuln:PK1008 script and document() enabled for an uploaded stylesheet
            xslt.Transform(input, output);
        }

        public void TransformDefault(string stylesheetPath, string input, string output)
        {
            var xslt = new XslCompiledTransform();
            xslt.Load(stylesheetPath); // safe:PK1008 default XsltSettings
            xslt.Transform(input, output);
        }

        public string ReadDefaultReader(Stream upload)
        {
            using (var reader = XmlReader.Create(upload)) // safe:PK1008 XmlReader defaults prohibit DTDs
            {
                reader.MoveToContent();
                return reader.ReadOuterXml();
            }
        }

        public string ReadLegacySettings(Stream upload)
        {
            var settings = new XmlReaderSettings();
            settings.ProhibitDtd = false; // vuln:PK1008#prohibitdtd obsolete switch that enables DTDs
            settings.XmlResolver = new XmlUrlResolver(); // vuln:PK1008#prohibitdtd with a resolving resolver
            using (var reader = XmlReader.Create(upload, settings))
            {
                reader.MoveToContent();
                return reader.ReadOuterXml();
            }
        }

        public XmlDocument LoadWithCredentials(Stream upload)
        {
            var resolver = new XmlUrlResolver { Credentials = System.Net.CredentialCache.DefaultCredentials };
            var document = new XmlDocument { XmlResolver = resolver }; // vuln:PK1008 resolver with the app pool's credentials
            document.Load(upload);
            return document;
        }

        public XmlDocument LoadTextReaderDocument(Stream upload)
        {
            var document = new XmlDocument();
            var reader = new XmlTextReader(upload) { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln:PK1008 XmlTextReader resolving entities for the document
            document.Load(reader);
            return document;
        }

        public XmlDocument LoadTextReaderNoResolver(Stream upload)
        {
            var document = new XmlDocument();
            var reader = new XmlTextReader(upload) { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // safe:PK1008 DTD prohibited, no resolver
            document.Load(reader);
            return document;
        }
    }
}
