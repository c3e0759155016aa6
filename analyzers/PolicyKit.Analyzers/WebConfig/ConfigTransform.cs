using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// A small, bounded applier of XML Document Transforms (<c>Web.Release.config</c>) over a copy of the base tree:
/// <c>xdt:Transform</c> = <c>SetAttributes[(a,b)]</c>, <c>RemoveAttributes(a,b)</c>, <c>Replace</c>, <c>Insert</c>,
/// <c>InsertIfMissing</c>, <c>InsertBefore/InsertAfter</c> (as Insert), <c>Remove</c>, <c>RemoveAll</c>; and
/// <c>xdt:Locator</c> = <c>Match(a,b)</c>, <c>Condition(@a='x' and @b='y')</c> or <c>XPath(/configuration/…[@a='x'])</c>
/// (the subset <see cref="ConfigXPath"/> reads). An element whose locator cannot be read matches nothing, so the base
/// value stays judged rather than assumed fixed.
/// </summary>
internal static class ConfigTransform
{
    private const int MaxDepth = 64;

    /// <summary>The base tree with <paramref name="transform"/> applied; the base itself is not changed.</summary>
    public static ConfigNode Apply(ConfigNode baseRoot, ConfigNode transform)
    {
        var result = baseRoot.Clone(withoutTransformAttributes: false);
        if (string.Equals(result.Name, transform.Name, StringComparison.OrdinalIgnoreCase))
        {
            ApplyChildren(result, result, transform, 0);
        }

        return result;
    }

    private static void ApplyChildren(ConfigNode root, ConfigNode target, ConfigNode transform, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var child in transform.Children)
        {
            var verb = child.TransformAttribute("Transform");
            var matches = Matches(root, target, child);
            var (name, arguments) = Split(verb);
            switch (name)
            {
                case "Replace":
                    if (matches.Count > 0)
                    {
                        var (parent, node) = matches[0];
                        parent.Children[parent.Children.IndexOf(node)] = child.Clone(withoutTransformAttributes: true);
                    }

                    continue;
                case "Insert" or "InsertBefore" or "InsertAfter":
                    target.Children.Add(child.Clone(withoutTransformAttributes: true));
                    continue;
                case "InsertIfMissing":
                    if (matches.Count == 0)
                    {
                        target.Children.Add(child.Clone(withoutTransformAttributes: true));
                    }

                    continue;
                case "Remove":
                    if (matches.Count > 0)
                    {
                        matches[0].Parent.Children.Remove(matches[0].Node);
                    }

                    continue;
                case "RemoveAll":
                    foreach (var (parent, node) in matches)
                    {
                        parent.Children.Remove(node);
                    }

                    continue;
                case "SetAttributes":
                    foreach (var match in matches)
                    {
                        SetAttributes(match.Node, child, arguments);
                    }

                    break;
                case "RemoveAttributes":
                    foreach (var match in matches)
                    {
                        match.Node.Attributes.RemoveAll(a => !a.IsTransform && Listed(arguments, a.Name));
                    }

                    break;
            }

            // No verb, or an attribute verb: the transform's children address the matched elements' children.
            foreach (var match in matches)
            {
                ApplyChildren(root, match.Node, child, depth + 1);
            }
        }
    }

    private static void SetAttributes(ConfigNode target, ConfigNode source, string[]? names)
    {
        foreach (var attribute in source.Attributes)
        {
            if (attribute.IsTransform || names is not null && !Listed(names, attribute.Name))
            {
                continue;
            }

            target.Attributes.RemoveAll(a => !a.IsTransform && string.Equals(a.Name, attribute.Name, StringComparison.OrdinalIgnoreCase));
            target.Attributes.Add(attribute);
        }
    }

    private static List<(ConfigNode Parent, ConfigNode Node)> Matches(ConfigNode root, ConfigNode target, ConfigNode transform)
    {
        var result = new List<(ConfigNode, ConfigNode)>();
        var locatorText = transform.TransformAttribute("Locator");
        var (locator, arguments) = Split(locatorText);
        if (locator == "XPath")
        {
            // XPath(/configuration/system.web/customErrors): an absolute path that ignores where the transform element is.
            ConfigXPath.Select(root, Inner(locatorText!), result);
            return result;
        }

        foreach (var candidate in target.Children)
        {
            if (!string.Equals(candidate.Name, transform.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var matched = locator switch
            {
                null => true,
                "Match" => MatchAll(candidate, transform, arguments),
                "Condition" => ConfigXPath.Predicate(candidate, Inner(locatorText!)),
                _ => false,
            };
            if (matched)
            {
                result.Add((target, candidate));
            }
        }

        return result;
    }

    // The text between the locator's outer parentheses: XPath(/a/b[@c='d']) → /a/b[@c='d'].
    private static string Inner(string locator)
    {
        var open = locator.IndexOf('(');
        var close = locator.LastIndexOf(')');
        return open >= 0 && close > open ? locator.Substring(open + 1, close - open - 1) : string.Empty;
    }

    private static bool MatchAll(ConfigNode candidate, ConfigNode transform, string[]? names)
    {
        if (names is null)
        {
            return false;
        }

        foreach (var name in names)
        {
            if (!string.Equals(candidate.Value(name), transform.Value(name), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static (string? Name, string[]? Arguments) Split(string? verb)
    {
        if (verb is null)
        {
            return (null, null);
        }

        var open = verb.IndexOf('(');
        if (open < 0)
        {
            return (verb.Trim(), null);
        }

        var close = verb.LastIndexOf(')');
        var inner = close > open ? verb.Substring(open + 1, close - open - 1) : string.Empty;
        var names = inner.Split(',');
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].Trim();
        }

        return (verb.Substring(0, open).Trim(), names);
    }

    private static bool Listed(string[]? names, string name)
    {
        if (names is null)
        {
            return false;
        }

        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
