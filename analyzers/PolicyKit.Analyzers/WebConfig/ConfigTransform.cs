using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// A small, bounded applier of XML Document Transforms (<c>Web.Release.config</c>) over a copy of the base tree:
/// <c>xdt:Transform</c> = <c>SetAttributes[(a,b)]</c>, <c>RemoveAttributes(a,b)</c>, <c>Replace</c>, <c>Insert</c>,
/// <c>InsertIfMissing</c>, <c>InsertBefore/InsertAfter</c> (as Insert), <c>Remove</c>, <c>RemoveAll</c>; and
/// <c>xdt:Locator</c> = <c>Match(a,b)</c> or <c>Condition(@a='x' and @b='y')</c>. An element with an unsupported
/// locator (XPath) matches nothing, so the base value stays judged rather than assumed fixed.
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
            ApplyChildren(result, transform, 0);
        }

        return result;
    }

    private static void ApplyChildren(ConfigNode target, ConfigNode transform, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var child in transform.Children)
        {
            var verb = child.TransformAttribute("Transform");
            var matches = Matches(target, child);
            var (name, arguments) = Split(verb);
            switch (name)
            {
                case "Replace":
                    if (matches.Count > 0)
                    {
                        target.Children[target.Children.IndexOf(matches[0])] = child.Clone(withoutTransformAttributes: true);
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
                        target.Children.Remove(matches[0]);
                    }

                    continue;
                case "RemoveAll":
                    foreach (var match in matches)
                    {
                        target.Children.Remove(match);
                    }

                    continue;
                case "SetAttributes":
                    foreach (var match in matches)
                    {
                        SetAttributes(match, child, arguments);
                    }

                    break;
                case "RemoveAttributes":
                    foreach (var match in matches)
                    {
                        match.Attributes.RemoveAll(a => !a.IsTransform && Listed(arguments, a.Name));
                    }

                    break;
            }

            // No verb, or an attribute verb: the transform's children address the matched elements' children.
            foreach (var match in matches)
            {
                ApplyChildren(match, child, depth + 1);
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

    private static List<ConfigNode> Matches(ConfigNode target, ConfigNode transform)
    {
        var result = new List<ConfigNode>();
        var (locator, arguments) = Split(transform.TransformAttribute("Locator"));
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
                "Condition" => Condition(candidate, transform.TransformAttribute("Locator")!),
                _ => false,
            };
            if (matched)
            {
                result.Add(candidate);
            }
        }

        return result;
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

    // Condition(@name='Default' and @providerName='System.Data.SqlClient'): equality tests joined by "and" only.
    private static bool Condition(ConfigNode candidate, string locator)
    {
        var open = locator.IndexOf('(');
        var close = locator.LastIndexOf(')');
        if (open < 0 || close <= open)
        {
            return false;
        }

        var body = locator.Substring(open + 1, close - open - 1);
        foreach (var term in body.Split(new[] { " and " }, StringSplitOptions.None))
        {
            var parts = term.Split('=');
            if (parts.Length != 2)
            {
                return false;
            }

            var name = parts[0].Trim();
            var value = parts[1].Trim().Trim('\'', '"');
            if (!name.StartsWith("@", StringComparison.Ordinal) || !string.Equals(candidate.Value(name.Substring(1)), value, StringComparison.Ordinal))
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
