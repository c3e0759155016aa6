using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// Reads a Web.config, App.config or transform into <see cref="ConfigNode"/>s with line and column: DTDs prohibited,
/// no resolver (no external entity is ever fetched, CWE-611), and bounded in depth and size so that a hostile file
/// in a delivery cannot exhaust the build. A malformed file yields what was read before the error.
/// </summary>
internal static class ConfigReader
{
    /// <summary>The namespace of <c>xdt:Transform</c> and <c>xdt:Locator</c>.</summary>
    public const string TransformNamespace = "http://schemas.microsoft.com/XML-Document-Transform";

    private const int MaxDepth = 64;
    private const int MaxNodes = 20000;

    public static ConfigNode? Read(string path, SourceText text)
    {
        var source = new ConfigSource(path, text);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = 16 * 1024 * 1024,
        };

        ConfigNode? root = null;
        var stack = new Stack<ConfigNode>();
        var count = 0;
        using var reader = XmlReader.Create(new StringReader(text.ToString()), settings);
        var info = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (++count > MaxNodes || stack.Count >= MaxDepth)
                {
                    break;
                }

                var node = new ConfigNode(reader.LocalName, new ConfigSite(source, info.LineNumber, info.LinePosition));
                var empty = reader.IsEmptyElement;
                ReadAttributes(reader, info, source, node);
                if (stack.Count == 0)
                {
                    if (root is not null)
                    {
                        break;
                    }

                    root = node;
                }
                else
                {
                    stack.Peek().Children.Add(node);
                }

                if (!empty)
                {
                    stack.Push(node);
                }
            }
        }
        catch (XmlException)
        {
            // A malformed or DTD-bearing file: judge what was read before the error (PK9001-like reporting is not ours).
        }

        return root;
    }

    private static void ReadAttributes(XmlReader reader, IXmlLineInfo info, ConfigSource source, ConfigNode node)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns")
            {
                continue;
            }

            var site = new ConfigSite(source, info.LineNumber, info.LinePosition);
            var isTransform = reader.NamespaceURI == TransformNamespace;
            node.Attributes.Add(new ConfigAttribute(reader.LocalName, reader.Value, isTransform, site, AttributeLength(source.Text, site)));
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    // name="value" as written: from the name to the closing quote, on the same line or not.
    private static int AttributeLength(SourceText text, ConfigSite site)
    {
        if (site.Line < 1 || site.Line > text.Lines.Count)
        {
            return 0;
        }

        var start = text.Lines[site.Line - 1].Start + site.Column - 1;
        var position = start;
        var limit = Math.Min(text.Length, start + 8192);
        while (position < limit && text[position] != '=')
        {
            position++;
        }

        while (position < limit && text[position] != '"' && text[position] != '\'')
        {
            position++;
        }

        if (position >= limit)
        {
            return 0;
        }

        var quote = text[position++];
        while (position < limit && text[position] != quote)
        {
            position++;
        }

        return Math.Min(position + 1, text.Length) - start;
    }
}
