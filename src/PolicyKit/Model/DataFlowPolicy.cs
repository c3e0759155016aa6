using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>
/// The adopter's own taint sources, sinks, sanitizers and guards (<c>dataFlow</c>), so that PolicyKit understands an
/// application's data-access helpers and validators without code: PK1001–PK1006 report request data reaching a
/// declared sink, and stay silent after a declared sanitizer or inside a declared guard.
/// </summary>
public sealed record DataFlowPolicy
{
    /// <summary>Methods whose result (or, with a parameter, whose parameter inside the method) is untrusted input.</summary>
    public IReadOnlyList<DataFlowMethod> Sources { get; init; } = Array.Empty<DataFlowMethod>();

    /// <summary>Methods whose parameter must not receive untrusted input of the given kinds.</summary>
    public IReadOnlyList<DataFlowMethod> Sinks { get; init; } = Array.Empty<DataFlowMethod>();

    /// <summary>Methods whose result is safe for the given kinds whatever their input.</summary>
    public IReadOnlyList<DataFlowMethod> Sanitizers { get; init; } = Array.Empty<DataFlowMethod>();

    /// <summary>Boolean methods that, when true, prove their argument safe for the given kinds.</summary>
    public IReadOnlyList<DataFlowMethod> Guards { get; init; } = Array.Empty<DataFlowMethod>();

    /// <summary>Whether nothing is declared.</summary>
    public bool IsEmpty => Sources.Count == 0 && Sinks.Count == 0 && Sanitizers.Count == 0 && Guards.Count == 0;
}

/// <summary>One method of <see cref="DataFlowPolicy"/>: <c>{ "method": "Acme.Data.Db.Raw", "parameter": "sql", "kinds": ["sql"] }</c>.</summary>
public sealed record DataFlowMethod
{
    /// <summary>The injection kinds a declaration may name, one per rule family.</summary>
    public static IReadOnlyList<string> KindNames { get; } = new[] { "sql", "xss", "command", "path", "redirect", "header" };

    /// <summary>
    /// The method's full name, like a documentation-comment id without prefix and signature: namespace, type (nested
    /// types joined with <c>.</c>, no generic arity) and method name, e.g. <c>Acme.Data.Db.Raw</c>; <c>#ctor</c> names a
    /// constructor (<c>Acme.Data.SqlText.#ctor</c>). Every overload matches.
    /// </summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The parameter meant, by name; with neither this nor <see cref="ParameterIndex"/>, every string parameter (sinks) or the first (guards).</summary>
    public string? Parameter { get; init; }

    /// <summary>The parameter meant, by 0-based position (the receiver of an extension method is 0).</summary>
    public int? ParameterIndex { get; init; }

    /// <summary>The kinds (<see cref="KindNames"/>); empty on a source means every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = Array.Empty<string>();

    /// <summary>Why the declaration exists (shown to reviewers).</summary>
    public string? Note { get; init; }

    /// <summary>Whether <paramref name="name"/> has the shape of a method name this section accepts.</summary>
    /// <param name="name">The name to check.</param>
    /// <returns>True for two or more dot-separated identifiers, the last possibly <c>#ctor</c>.</returns>
    public static bool IsWellFormedMethod(string name)
    {
        var parts = name.Split('.');
        if (parts.Length < 2)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!IsIdentifier(parts[i]) && !(i == parts.Length - 1 && parts[i] == "#ctor"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string part)
    {
        if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
