using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Symbols;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// The tables a constant SQL text reads or writes (<c>FROM</c>, <c>JOIN</c>, <c>UPDATE</c>, <c>INTO</c>), matched to the
/// project's record types by name (<c>Cards</c> → <c>Card</c>), so that a Dapper query returning a scalar or a DTO is
/// still known to touch an owned record.
/// </summary>
internal static class SqlTables
{
    private static readonly string[] TableKeywords = { "FROM", "JOIN", "UPDATE", "INTO" };

    // A statement naming more tables than this is a report query, not a lookup by key.
    private const int MaxTables = 8;

    // One map per compilation, built on first use: most compilations never ask.
    private static readonly ConditionalWeakTable<Compilation, Dictionary<string, ITypeSymbol>> Maps = new();

    /// <summary>The first owned record type (<see cref="OwnedRecordAccess.IsOwned"/>) named by a table of <paramref name="sql"/>.</summary>
    public static ITypeSymbol? OwnedRecordNamedBy(IOperation? sql, Compilation? compilation)
    {
        if (compilation is null || sql?.ConstantValue is not { HasValue: true, Value: string text })
        {
            return null;
        }

        var map = Maps.GetValue(compilation, Build);
        foreach (var table in Names(text))
        {
            foreach (var candidate in Singulars(table))
            {
                if (map.TryGetValue(candidate, out var type) && OwnedRecordAccess.IsOwned(type))
                {
                    return type;
                }
            }
        }

        return null;
    }

    // EF Core's default table is the DbSet property's name; [Table("…")] overrides it; a class name (Card for Cards)
    // is the convention Dapper code follows when there is no DbContext at all.
    private static Dictionary<string, ITypeSymbol> Build(Compilation compilation)
    {
        var map = new Dictionary<string, ITypeSymbol>(StringComparer.OrdinalIgnoreCase);
        foreach (var symbol in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type))
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                continue;
            }

            if (TypeNames.DerivesFrom(type, "Microsoft.EntityFrameworkCore", "DbContext"))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IPropertySymbol { Type: INamedTypeSymbol { Name: "DbSet", TypeArguments.Length: 1 } set })
                    {
                        map[member.Name] = set.TypeArguments[0];
                    }
                }
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "TableAttribute" && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].ValueOrNull() is string { Length: > 0 } name)
                {
                    map[name] = type;
                }
            }

            if (!map.ContainsKey(type.Name))
            {
                map[type.Name] = type;
            }
        }

        return map;
    }

    /// <summary>Table names after the table keywords, without schema, brackets or quotes.</summary>
    public static List<string> Names(string sql)
    {
        var names = new List<string>();
        var index = 0;
        while (index < sql.Length && names.Count < MaxTables)
        {
            var word = ReadWord(sql, ref index);
            if (word.Length == 0)
            {
                index++;
                continue;
            }

            if (!IsTableKeyword(word))
            {
                continue;
            }

            SkipSpace(sql, ref index);
            var name = ReadQualifiedName(sql, ref index);
            if (name.Length > 0 && !IsTableKeyword(name) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static bool IsTableKeyword(string word)
    {
        foreach (var keyword in TableKeywords)
        {
            if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Cards → Cards, Card; Categories → Category; Addresses → Address; dbo.order_items stays as read (no type matches).
    private static IEnumerable<string> Singulars(string table)
    {
        yield return table;
        if (table.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && table.Length > 3)
        {
            yield return table.Substring(0, table.Length - 3) + "y";
        }

        if (table.EndsWith("es", StringComparison.OrdinalIgnoreCase) && table.Length > 2)
        {
            yield return table.Substring(0, table.Length - 2);
        }

        if (table.EndsWith("s", StringComparison.OrdinalIgnoreCase) && table.Length > 1)
        {
            yield return table.Substring(0, table.Length - 1);
        }
    }

    private static string ReadWord(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_'))
        {
            index++;
        }

        return text.Substring(start, index - start);
    }

    private static void SkipSpace(string text, ref int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }
    }

    // [dbo].[Cards], "public"."cards", `shop`.`cards`, dbo.Cards → the last part.
    private static string ReadQualifiedName(string text, ref int index)
    {
        var last = "";
        while (index < text.Length)
        {
            var quoted = text[index] is '[' or '"' or '`';
            if (quoted)
            {
                index++;
            }

            var part = ReadWord(text, ref index);
            if (quoted && index < text.Length && text[index] is ']' or '"' or '`')
            {
                index++;
            }

            if (part.Length == 0)
            {
                break;
            }

            last = part;
            if (index < text.Length && text[index] == '.')
            {
                index++;
                continue;
            }

            break;
        }

        return last;
    }
}
