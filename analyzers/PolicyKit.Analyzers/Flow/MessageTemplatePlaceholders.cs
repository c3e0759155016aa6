using System;
using System.Collections.Generic;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// The holes of a structured-logging message template (<c>"Login {@Request} from {Ip}"</c>), in order, with whether
/// each destructures its value (<c>@</c>: Serilog, and Microsoft.Extensions.Logging behind a Serilog provider, write
/// the object's public members instead of its <c>ToString()</c>). Escaped braces (<c>{{</c>) are not holes.
/// </summary>
internal static class MessageTemplatePlaceholders
{
    /// <summary>A hole: its name (without <c>@</c>/<c>$</c> and format) and whether it destructures.</summary>
    public readonly struct Hole
    {
        public Hole(string name, bool destructures)
        {
            Name = name;
            Destructures = destructures;
        }

        public string Name { get; }

        public bool Destructures { get; }
    }

    /// <summary>The holes of <paramref name="template"/>, in order.</summary>
    public static List<Hole> Parse(string template)
    {
        var holes = new List<Hole>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var body = template.Substring(i + 1, end - i - 1);
            var destructures = body.StartsWith("@", StringComparison.Ordinal);
            if (destructures || body.StartsWith("$", StringComparison.Ordinal))
            {
                body = body.Substring(1);
            }

            var stop = body.IndexOfAny(new[] { ':', ',' });
            holes.Add(new Hole(stop >= 0 ? body.Substring(0, stop) : body, destructures));
            i = end;
        }

        return holes;
    }

    /// <summary>Whether the hole named <paramref name="name"/> (any case) destructures.</summary>
    public static bool DestructuresNamed(List<Hole> holes, string name)
    {
        foreach (var hole in holes)
        {
            if (hole.Destructures && string.Equals(hole.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
