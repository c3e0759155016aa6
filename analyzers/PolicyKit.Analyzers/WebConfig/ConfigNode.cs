using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>Where a config element or attribute was written: a file and a 1-based line and column.</summary>
internal readonly struct ConfigSite
{
    public ConfigSite(ConfigSource source, int line, int column)
    {
        Source = source;
        Line = line;
        Column = column;
    }

    public ConfigSource Source { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A location in the config file covering <paramref name="length"/> characters from the site, or the rest of the line.</summary>
    public Location ToLocation(int length)
    {
        var text = Source.Text;
        if (Line < 1 || Line > text.Lines.Count)
        {
            return Location.Create(Source.Path, new TextSpan(0, 0), new LinePositionSpan(default, default));
        }

        var line = text.Lines[Line - 1];
        var start = Math.Min(line.Start + Math.Max(Column - 1, 0), line.End);
        var end = Math.Min(start + Math.Max(length, 0), text.Length);
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(Source.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}

/// <summary>One config file as read: its path, file name and text.</summary>
internal sealed class ConfigSource
{
    public ConfigSource(string path, SourceText text)
    {
        Path = path;
        Text = text;
        FileName = System.IO.Path.GetFileName(path);
    }

    public string Path { get; }

    public string FileName { get; }

    public SourceText Text { get; }
}

/// <summary>An attribute with the site of its name; <see cref="Length"/> covers <c>name="value"</c>.</summary>
internal sealed class ConfigAttribute
{
    public ConfigAttribute(string name, string value, bool isTransform, ConfigSite site, int length)
    {
        Name = name;
        Value = value;
        IsTransform = isTransform;
        Site = site;
        Length = length;
    }

    /// <summary>The local name (<c>mode</c>, <c>Transform</c>).</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>An <c>xdt:</c> attribute of a transform file.</summary>
    public bool IsTransform { get; }

    public ConfigSite Site { get; }

    public int Length { get; }

    public Location Location => Site.ToLocation(Length);
}

/// <summary>
/// An element of a Web.config/App.config (or of a transform), with its attributes and children. Transforms work on
/// copies, so one base tree can be laid under several transforms; every node keeps the site it was written at, in the
/// base or in the transform that put it there.
/// </summary>
internal sealed class ConfigNode
{
    public ConfigNode(string name, ConfigSite site)
    {
        Name = name;
        Site = site;
    }

    public string Name { get; }

    public ConfigSite Site { get; }

    public List<ConfigAttribute> Attributes { get; } = new();

    public List<ConfigNode> Children { get; } = new();

    public Location Location => Site.ToLocation(Name.Length);

    /// <summary>The attribute named <paramref name="name"/> (case-insensitive, as ASP.NET reads them), ignoring xdt attributes.</summary>
    public ConfigAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (!attribute.IsTransform && string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public string? Value(string name) => Attribute(name)?.Value;

    /// <summary>The xdt attribute named <paramref name="name"/> (<c>Transform</c>, <c>Locator</c>).</summary>
    public string? TransformAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.IsTransform && attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The first child named <paramref name="name"/>.</summary>
    public ConfigNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The node at <paramref name="path"/> of child names, or null.</summary>
    public ConfigNode? Descendant(params string[] path)
    {
        ConfigNode? current = this;
        foreach (var name in path)
        {
            current = current?.Child(name);
        }

        return current;
    }

    /// <summary>A deep copy; <paramref name="withoutTransformAttributes"/> drops xdt attributes (a transform's inserted elements).</summary>
    public ConfigNode Clone(bool withoutTransformAttributes)
    {
        var copy = new ConfigNode(Name, Site);
        foreach (var attribute in Attributes)
        {
            if (!withoutTransformAttributes || !attribute.IsTransform)
            {
                copy.Attributes.Add(attribute);
            }
        }

        foreach (var child in Children)
        {
            copy.Children.Add(child.Clone(withoutTransformAttributes));
        }

        return copy;
    }
}
