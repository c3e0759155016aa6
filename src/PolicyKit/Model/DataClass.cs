using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>A class of data (<c>dataClasses[]</c>) and how to recognise it in code.</summary>
public sealed record DataClass
{
    /// <summary>The class name (<c>personal</c>, <c>mynumber</c>…).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Attribute names that mark members of this class (<c>PersonalData</c>).</summary>
    public IReadOnlyList<string> Attributes { get; init; } = Array.Empty<string>();

    /// <summary>Member names that hold this class (<c>Email</c>, <c>MyNumber</c>).</summary>
    public IReadOnlyList<string> MemberNames { get; init; } = Array.Empty<string>();

    /// <summary>Type names that hold this class.</summary>
    public IReadOnlyList<string> TypeNames { get; init; } = Array.Empty<string>();

    /// <summary>Where the class comes from.</summary>
    public Provenance Source { get; init; } = Provenance.Adopter;
}
