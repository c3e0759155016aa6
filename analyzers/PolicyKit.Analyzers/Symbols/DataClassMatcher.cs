using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Recognises the policy's data classes (<c>dataClasses[]</c>) in code: a member, parameter or local named in a
/// class's <c>memberNames</c>, a property or field carrying one of its <c>attributes</c> (with or without the
/// <c>Attribute</c> suffix, any namespace), and types named in its <c>typeNames</c>. Built once per compilation.
/// </summary>
/// <remarks>
/// A member matched only by an attribute stays out when it is a flag (<c>bool</c>), a key (<c>Id</c>, <c>UserId</c>)
/// or a user name: ASP.NET Core Identity marks <c>IdentityUser.Id</c>, <c>UserName</c> and <c>EmailConfirmed</c> as
/// personal data, yet these are what audit trails record (A.10.10.1) and reporting them would drown the real findings.
/// A policy that wants them names them in <c>memberNames</c>, which always wins.
/// </remarks>
internal sealed class DataClassMatcher
{
    private const string NoClass = "";

    private readonly List<Entry> entries;
    private readonly ConcurrentDictionary<ITypeSymbol, string> typeClasses = new(SymbolEqualityComparer.Default);

    private DataClassMatcher(List<Entry> entries) => this.entries = entries;

    /// <summary>Whether the policy declares any recognisable data class.</summary>
    public bool IsEmpty => entries.Count == 0;

    /// <summary>The data classes of <paramref name="dataClasses"/> that can be recognised in code.</summary>
    public static DataClassMatcher Create(IReadOnlyList<DataClass> dataClasses)
    {
        var list = new List<Entry>(dataClasses.Count);
        foreach (var dataClass in dataClasses)
        {
            if (string.IsNullOrWhiteSpace(dataClass.Name))
            {
                continue;
            }

            var attributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in dataClass.Attributes)
            {
                attributes.Add(AttributeKey(attribute));
            }

            var members = new HashSet<string>(dataClass.MemberNames, StringComparer.OrdinalIgnoreCase);
            var types = new HashSet<string>(dataClass.TypeNames, StringComparer.OrdinalIgnoreCase);
            if (attributes.Count + members.Count + types.Count > 0)
            {
                list.Add(new Entry(dataClass.Name, attributes, members, types));
            }
        }

        return new DataClassMatcher(list);
    }

    /// <summary>
    /// The data class held by a property, field, parameter or local, judged by its name and attributes; null if none.
    /// </summary>
    public string? ClassOfMember(ISymbol symbol)
    {
        var name = symbol.Name;
        foreach (var entry in entries)
        {
            if (entry.MemberNames.Contains(name))
            {
                return entry.Name;
            }
        }

        if (symbol is not (IPropertySymbol or IFieldSymbol or IParameterSymbol) || IsAuditIdentifier(symbol))
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass)
            {
                continue;
            }

            var key = AttributeKey(attributeClass.Name);
            foreach (var entry in entries)
            {
                if (entry.Attributes.Contains(key))
                {
                    return entry.Name;
                }
            }
        }

        return null;
    }

    /// <summary>The data class a type is named as in <c>typeNames</c> (itself or a base type); null if none.</summary>
    public string? ClassOfTypeName(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType != SpecialType.None)
            {
                return null;
            }

            foreach (var entry in entries)
            {
                if (entry.TypeNames.Count > 0
                    && (entry.TypeNames.Contains(current.Name) || entry.TypeNames.Contains(current.ToDisplayString())))
                {
                    return entry.Name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The data class a whole object of <paramref name="type"/> carries: its type is named in <c>typeNames</c>, or one of
    /// its own or inherited instance properties or fields holds a class; for arrays and generic collections, the same of
    /// the element type. Null if none. Cached per type.
    /// </summary>
    public string? ClassOfObject(ITypeSymbol type)
    {
        if (entries.Count == 0 || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Error)
        {
            return null;
        }

        if (!typeClasses.TryGetValue(type, out var cached))
        {
            cached = typeClasses.GetOrAdd(type, ComputeClassOfObject(type, depth: 0) ?? NoClass);
        }

        return cached.Length == 0 ? null : cached;
    }

    /// <summary>Each data class held by the instance properties and fields of <paramref name="type"/> (inherited ones too).</summary>
    public void CollectMemberClasses(INamedTypeSymbol type, ICollection<string> classes)
    {
        if (ClassOfTypeName(type) is { } own && !classes.Contains(own))
        {
            classes.Add(own);
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (DataMemberType(member) is not { } memberType)
                {
                    continue;
                }

                var found = ClassOfMember(member) ?? ClassOfTypeName(memberType);
                if (found is not null && !classes.Contains(found))
                {
                    classes.Add(found);
                }
            }
        }
    }

    private static string AttributeKey(string name)
    {
        var dot = name.LastIndexOf('.');
        var simple = dot >= 0 ? name.Substring(dot + 1) : name;
        return simple.EndsWith("Attribute", StringComparison.Ordinal) && simple.Length > "Attribute".Length
            ? simple.Substring(0, simple.Length - "Attribute".Length)
            : simple;
    }

    /// <summary>The type of an instance property (not an indexer) or of a declared instance field; null for anything else.</summary>
    public static ITypeSymbol? DataMemberType(ISymbol member) => member switch
    {
        IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
        IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, IsConst: false } field => field.Type,
        _ => null,
    };

    // Flags, keys and user names: see the remarks on the class.
    private static bool IsAuditIdentifier(ISymbol symbol)
    {
        var type = symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (type is { SpecialType: SpecialType.System_Boolean }
            || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean))
        {
            return true;
        }

        var words = CredentialNames.Split(symbol.Name);
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        return last == "id" || (last == "name" && words.Count >= 2 && words[words.Count - 2] == "user") || last == "username";
    }

    private string? ComputeClassOfObject(ITypeSymbol type, int depth)
    {
        if (type is IArrayTypeSymbol array)
        {
            return depth < 2 && array.ElementType.SpecialType == SpecialType.None ? ComputeClassOfObject(array.ElementType, depth + 1) : null;
        }

        if (type is not INamedTypeSymbol named || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        if (ClassOfTypeName(named) is { } byName)
        {
            return byName;
        }

        // Only source and metadata types the application models: framework plumbing (HttpContext, ILogger, Exception)
        // has no members marked with the policy's attributes, and walking it would be wasted work.
        if (named.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return null;
        }

        if (named.IsGenericType && depth < 2)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (argument.SpecialType == SpecialType.None && ComputeClassOfObject(argument, depth + 1) is { } element)
                {
                    return element;
                }
            }
        }

        for (var current = named; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.DeclaredAccessibility == Accessibility.Public && DataMemberType(member) is not null && ClassOfMember(member) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private sealed class Entry
    {
        public Entry(string name, HashSet<string> attributes, HashSet<string> memberNames, HashSet<string> typeNames)
        {
            Name = name;
            Attributes = attributes;
            MemberNames = memberNames;
            TypeNames = typeNames;
        }

        public string Name { get; }

        public HashSet<string> Attributes { get; }

        public HashSet<string> MemberNames { get; }

        public HashSet<string> TypeNames { get; }
    }
}
