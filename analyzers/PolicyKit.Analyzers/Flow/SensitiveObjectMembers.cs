using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>How a whole object is turned into text by the sink that receives it.</summary>
internal enum ObjectRendering
{
    /// <summary><c>ToString()</c>: only a record's compiler-written <c>ToString</c> prints its members.</summary>
    Text,

    /// <summary>Member by member: structured-logging destructuring (<c>{@Request}</c>) or JSON serialisation.</summary>
    Members,
}

/// <summary>
/// Whether printing a whole object shows a sensitive member: a public instance property or field whose name is a
/// credential (<see cref="SensitiveValueFinder.CredentialReason"/>) or other sensitive text (<see cref="SensitiveDataNames"/>),
/// or that holds one of the policy's data classes; nested objects are followed one level down. Members marked to be
/// left out (<c>[JsonIgnore]</c>, <c>[IgnoreDataMember]</c>, Destructurama's <c>[NotLogged]</c> and <c>[LogMasked]</c>)
/// are skipped when the object is rendered member by member; a record that writes its own <c>ToString</c> or
/// <c>PrintMembers</c> prints nothing by itself. Results are cached per type.
/// </summary>
internal sealed class SensitiveObjectMembers
{
    private const string None = "";

    // Attribute names (without the suffix) that keep a member out of serialised or destructured output.
    private static readonly HashSet<string> OmittingAttributes = new(StringComparer.Ordinal)
    {
        "JsonIgnore", "IgnoreDataMember", "NotLogged", "LogMasked", "LogReplaced", "LogIgnore", "DoNotLog", "NotLoggable",
        "Redacted", "Masked", "SensitiveData", "PrivateData", "LogRedacted",
    };

    private readonly DataClassMatcher dataClasses;
    private readonly ConcurrentDictionary<ITypeSymbol, string> printed = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, string> destructured = new(SymbolEqualityComparer.Default);

    public SensitiveObjectMembers(DataClassMatcher dataClasses) => this.dataClasses = dataClasses;

    /// <summary>Why rendering a <paramref name="type"/> object as <paramref name="rendering"/> shows sensitive data, or null.</summary>
    public string? Reason(ITypeSymbol type, ObjectRendering rendering)
    {
        if (type.SpecialType != SpecialType.None || type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return null;
        }

        if (rendering == ObjectRendering.Text && !PrintsMembers(named))
        {
            return null;
        }

        var cache = rendering == ObjectRendering.Text ? printed : destructured;
        if (!cache.TryGetValue(type, out var reason))
        {
            reason = cache.GetOrAdd(type, Compute(named, rendering, depth: 0) ?? None);
        }

        return reason.Length == 0 ? null : reason;
    }

    /// <summary>True for a record whose <c>ToString</c> and <c>PrintMembers</c> are the compiler's.</summary>
    public static bool PrintsMembers(INamedTypeSymbol type)
    {
        if (!type.IsRecord)
        {
            return false;
        }

        foreach (var member in type.GetMembers("ToString"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsImplicitlyDeclared: false })
            {
                return false;
            }
        }

        foreach (var member in type.GetMembers("PrintMembers"))
        {
            if (member is IMethodSymbol { IsImplicitlyDeclared: false })
            {
                return false;
            }
        }

        return true;
    }

    private string? Compute(INamedTypeSymbol type, ObjectRendering rendering, int depth)
    {
        // Framework types (HttpContext, Exception, streams) are plumbing, not the application's data.
        if (type.ContainingNamespace?.ToDisplayString() is { } ns
            && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal))
            && !ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal))
        {
            return null;
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (MemberType(member) is not { } memberType
                    || member.DeclaredAccessibility != Accessibility.Public
                    || (rendering == ObjectRendering.Members && IsOmitted(member)))
                {
                    continue;
                }

                if (IsText(memberType)
                    && (SensitiveValueFinder.CredentialReason(member.Name) ?? SensitiveDataNames.Reason(member.Name)) is { } byName)
                {
                    return member.Name + ": " + byName;
                }

                if (!dataClasses.IsEmpty && memberType.SpecialType != SpecialType.System_Boolean && dataClasses.ClassOfMember(member) is { } byClass)
                {
                    return member.Name + ": " + byClass;
                }

                if (depth == 0 && memberType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } nested
                    && (rendering == ObjectRendering.Members || PrintsMembers(nested))
                    && !SymbolEqualityComparer.Default.Equals(nested, type)
                    && Compute(nested, rendering, depth + 1) is { } inner)
                {
                    return member.Name + "." + inner;
                }
            }
        }

        return null;
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property => property.Type,
        IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, IsConst: false } field => field.Type,
        _ => null,
    };

    private static bool IsOmitted(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name ?? string.Empty;
            if (name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            if (OmittingAttributes.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    // Text, or a collection of text (string[] RecoveryCodes, List<string> BackupCodes).
    private static bool IsText(ITypeSymbol type)
    {
        if (SensitiveValueFinder.IsStringLike(type))
        {
            return true;
        }

        return type switch
        {
            IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } => true,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic => generic.TypeArguments[0].SpecialType == SpecialType.System_String,
            _ => false,
        };
    }
}
