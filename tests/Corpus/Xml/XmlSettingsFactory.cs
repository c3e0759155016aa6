using System.IO;
using System.Xml;

namespace Corpus.Xml;

/// <summary>Reader settings shared by the import controllers.</summary>
public static class XmlSettingsFactory
{
    public static XmlReaderSettings Lenient() => new()
    {
        DtdProcessing = DtdProcessing.Parse, // vuln:PK1008#lenient used for uploaded catalogs in ImportController
        XmlResolver = new XmlUrlResolver(),
    };

    public static XmlReaderSettings Strict() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // safe:PK1008#strict
        IgnoreComments = true,
        MaxCharactersInDocument = 10_000_000,
    };

    public static XmlDocument LoadDocument(Stream input)
    {
        var document = new XmlDocument();
        document.XmlResolver = new XmlUrlResolver(); // vuln:PK1008#load-document callers pass request bodies
        document.Load(input);
        return document;
    }

    public static XmlDocument LoadDocumentSafely(Stream input)
    {
        var document = new XmlDocument { XmlResolver = null }; // safe:PK1008#load-document-safe
        using var reader = XmlReader.Create(input, Strict());
        document.Load(reader);
        return document;
    }
}

/// <summary>Resolves entities over HTTP with a proxy: a resolver nonetheless.</summary>
public sealed class ProxyAwareResolver : XmlUrlResolver
{
    public ProxyAwareResolver() => Proxy = System.Net.WebRequest.DefaultWebProxy;
}
