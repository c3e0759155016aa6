using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// EF Core and ASP.NET Core Identity types that tell which classes are persisted entities and how they are deleted:
/// <c>DbContext</c>, <c>DbSet&lt;T&gt;</c>, <c>ModelBuilder</c>, <c>IEntityTypeConfiguration&lt;T&gt;</c>,
/// <c>EntityEntry</c>/<c>EntityState</c> and <c>UserManager&lt;TUser&gt;</c>. Resolved once per compilation.
/// </summary>
internal sealed class EntityDeletionSymbols
{
    private EntityDeletionSymbols(Compilation compilation, INamedTypeSymbol dbContext)
    {
        DbContext = dbContext;
        DbSet = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
        ModelBuilder = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder");
        EntityTypeConfiguration = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
        EntityState = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.EntityState");
        EntityEntryOfT = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry`1");
        UserManager = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.UserManager`1");
        OwnedAttribute = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.OwnedAttribute");
        ComplexTypeAttribute = WellKnownTypes.Get(compilation, "System.ComponentModel.DataAnnotations.Schema.ComplexTypeAttribute");
    }

    public INamedTypeSymbol DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? ModelBuilder { get; }

    public INamedTypeSymbol? EntityTypeConfiguration { get; }

    public INamedTypeSymbol? EntityState { get; }

    public INamedTypeSymbol? EntityEntryOfT { get; }

    public INamedTypeSymbol? UserManager { get; }

    /// <summary><c>[Owned]</c>: the type's columns live in the table of every entity that holds it.</summary>
    public INamedTypeSymbol? OwnedAttribute { get; }

    /// <summary><c>[ComplexType]</c>: a value object mapped into its owner's table (EF Core 8 complex properties).</summary>
    public INamedTypeSymbol? ComplexTypeAttribute { get; }

    /// <summary>Whether <paramref name="type"/> is marked <c>[Owned]</c> or <c>[ComplexType]</c>.</summary>
    public bool IsMarkedOwned(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass
                && (SymbolEqualityComparer.Default.Equals(attributeClass, OwnedAttribute)
                    || SymbolEqualityComparer.Default.Equals(attributeClass, ComplexTypeAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The symbols, or null when EF Core is not referenced.</summary>
    public static EntityDeletionSymbols? TryCreate(Compilation compilation) =>
        WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.DbContext") is { } dbContext
            ? new EntityDeletionSymbols(compilation, dbContext)
            : null;

    /// <summary>Whether <paramref name="type"/> is <paramref name="definition"/> or a construction of it.</summary>
    public static bool IsConstructionOf(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        definition is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);

    /// <summary>Whether <paramref name="type"/> derives from <c>DbContext</c>.</summary>
    public bool IsDbContext(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, DbContext))
            {
                return true;
            }
        }

        return false;
    }
}
