using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// The part of XPath that XDT locators use in practice: absolute location paths of element names or <c>*</c>
/// (<c>/configuration/system.web/compilation</c>), the descendant step <c>//</c>, and predicates of attribute
/// equalities (<c>[@name='Default']</c>, <c>@a='x' and @b!='y'</c>, <c>or</c>). Anything else (functions, positions,
/// axes, parentheses) is not read and selects nothing, so a transform it cannot follow never hides a finding.
/// </summary>
internal static class ConfigXPath
{
    private const int MaxSteps = 32;

    /// <summary>Adds the elements <paramref name="path"/> selects in the tree under <paramref name="root"/>, each with its parent.</summary>
    public static void Select(ConfigNode root, string path, List<(ConfigNode Parent, ConfigNode Node)> result)
    {
        var text = path.Trim();
        if (!text.StartsWith("/", StringComparison.Ordinal) || !TrySplit(text, out var steps) || steps.Count == 0 || steps.Count > MaxSteps)
        {
            return;
        }

        // The document node's only child is the root element, so the first step tests the root itself.
        var first = steps[0];
        var current = new List<(ConfigNode Parent, ConfigNode Node)>();
        if (first.Descendant)
        {
            Collect(root, root, first, current, 0);
        }
        else if (first.Test(root))
        {
            current.Add((root, root));
        }

        for (var i = 1; i < steps.Count && current.Count > 0; i++)
        {
            var next = new List<(ConfigNode Parent, ConfigNode Node)>();
            foreach (var (_, node) in current)
            {
                foreach (var child in node.Children)
                {
                    if (steps[i].Descendant)
                    {
                        Collect(node, child, steps[i], next, 0);
                    }
                    else if (steps[i].Test(child))
                    {
                        next.Add((node, child));
                    }
                }
            }

            current = next;
        }

        foreach (var match in current)
        {
            // The root element cannot be removed or replaced: a locator selecting it selects nothing usable.
            if (!ReferenceEquals(match.Parent, match.Node) && !result.Contains(match))
            {
                result.Add(match);
            }
        }
    }

    /// <summary>A predicate body such as <c>@name='Default' and @providerName='System.Data.SqlClient'</c>.</summary>
    public static bool Predicate(ConfigNode candidate, string body)
    {
        // "or" binds looser than "and"; no parentheses.
        foreach (var alternative in body.Split(new[] { " or " }, StringSplitOptions.None))
        {
            var all = true;
            foreach (var term in alternative.Split(new[] { " and " }, StringSplitOptions.None))
            {
                if (!Term(candidate, term, out var holds))
                {
                    return false;
                }

                all &= holds;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(ConfigNode parent, ConfigNode node, Step step, List<(ConfigNode Parent, ConfigNode Node)> into, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        if (step.Test(node))
        {
            into.Add((parent, node));
        }

        foreach (var child in node.Children)
        {
            Collect(node, child, step, into, depth + 1);
        }
    }

    // @name='value', @name="value" or @name!='value'; false (not understood) for anything else.
    private static bool Term(ConfigNode candidate, string term, out bool holds)
    {
        holds = false;
        var text = term.Trim();
        var notEqual = text.IndexOf("!=", StringComparison.Ordinal);
        var equal = notEqual >= 0 ? notEqual : text.IndexOf('=');
        if (!text.StartsWith("@", StringComparison.Ordinal) || equal < 2)
        {
            return false;
        }

        var name = text.Substring(1, equal - 1).Trim();
        var literal = text.Substring(equal + (notEqual >= 0 ? 2 : 1)).Trim();
        if (literal.Length < 2 || literal[0] != literal[literal.Length - 1] || (literal[0] != '\'' && literal[0] != '"'))
        {
            return false;
        }

        var value = literal.Substring(1, literal.Length - 2);
        var same = string.Equals(candidate.Value(name), value, StringComparison.Ordinal);
        holds = notEqual >= 0 ? candidate.Value(name) is not null && !same : same;
        return true;
    }

    private static bool TrySplit(string path, out List<Step> steps)
    {
        steps = new List<Step>();
        var index = 0;
        while (index < path.Length)
        {
            if (path[index] != '/')
            {
                return false;
            }

            var descendant = index + 1 < path.Length && path[index + 1] == '/';
            index += descendant ? 2 : 1;
            var start = index;
            var depth = 0;
            while (index < path.Length && (depth > 0 || path[index] != '/'))
            {
                depth += path[index] == '[' ? 1 : path[index] == ']' ? -1 : 0;
                index++;
            }

            if (depth != 0 || !Step.TryParse(path.Substring(start, index - start), descendant, out var step))
            {
                return false;
            }

            steps.Add(step);
        }

        return true;
    }

    private sealed class Step
    {
        private Step(string name, List<string> predicates, bool descendant)
        {
            Name = name;
            Predicates = predicates;
            Descendant = descendant;
        }

        public string Name { get; }

        public List<string> Predicates { get; }

        public bool Descendant { get; }

        public static bool TryParse(string text, bool descendant, out Step step)
        {
            step = null!;
            var open = text.IndexOf('[');
            var name = (open < 0 ? text : text.Substring(0, open)).Trim();
            if (name.Length == 0 || (name != "*" && !IsElementName(name)))
            {
                return false;
            }

            var predicates = new List<string>();
            while (open >= 0)
            {
                var close = text.IndexOf(']', open);
                if (close < 0)
                {
                    return false;
                }

                var body = text.Substring(open + 1, close - open - 1);
                if (body.Trim().Length == 0 || char.IsDigit(body.Trim()[0]))
                {
                    return false;
                }

                predicates.Add(body);
                open = text.IndexOf('[', close);
            }

            step = new Step(name, predicates, descendant);
            return true;
        }

        public bool Test(ConfigNode node)
        {
            if (Name != "*" && !string.Equals(node.Name, Name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var predicate in Predicates)
            {
                if (!Predicate(node, predicate))
                {
                    return false;
                }
            }

            return true;
        }

        // system.web, system.webServer: dots are part of config element names; functions and axes are not.
        private static bool IsElementName(string name)
        {
            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
