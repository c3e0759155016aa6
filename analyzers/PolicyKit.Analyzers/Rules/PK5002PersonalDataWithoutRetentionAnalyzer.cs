using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK5002: an EF Core entity holding a data class the policy gives no retention period, or never deletes (A.15.1.3, MN-39).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK5002PersonalDataWithoutRetentionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.PersonalDataWithoutRetention,
        RuleCategory.DataHandling,
        DiagnosticSeverity.Warning,
        cwe: new[] { 359 },
        controls: new[] { "A.15.1.3", "MN-39" },
        reportedAtCompilationEnd: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        if (EntityDeletionSymbols.TryCreate(start.Compilation) is not { } symbols)
        {
            return;
        }

        var policy = AnalyzerPolicy.Get(start).Policy;
        var matcher = DataClassMatcher.Create(policy.DataClasses);
        if (matcher.IsEmpty)
        {
            return;
        }

        var analysis = new Analysis(symbols, matcher, policy.Retention);
        start.RegisterSymbolAction(analysis.AnalyzeType, SymbolKind.NamedType);
        start.RegisterSymbolAction(analysis.AnalyzeMethod, SymbolKind.Method);
        start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterCompilationEndAction(analysis.Report);
    }

    /// <summary>What one compilation declares and deletes, gathered from every callback and judged at the end.</summary>
    private sealed class Analysis
    {
        // Words of methods that dispose of personal data without Remove (MN-39 allows deletion or anonymisation).
        // Owned types nest rarely more than two deep; the bound keeps a self-referencing model from looping.
        private const int MaxOwnedParts = 32;

        private static readonly string[] DisposalWords = { "anonymi", "pseudonymi", "purge", "erase", "scrub", "forget" };

        private readonly EntityDeletionSymbols symbols;
        private readonly DataClassMatcher matcher;
        private readonly RetentionPolicy retention;
        private readonly ConcurrentDictionary<INamedTypeSymbol, byte> entities = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, byte> deleted = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, string> setNames = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, byte> owned = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<string> deleteSql = new();
        private int deletesAnything;
        private int writesEntities;

        public Analysis(EntityDeletionSymbols symbols, DataClassMatcher matcher, RetentionPolicy retention)
        {
            this.symbols = symbols;
            this.matcher = matcher;
            this.retention = retention;
        }

        // DbSet<T> properties of a DbContext (inherited ones too: IdentityDbContext<TUser>.Users), and
        // IEntityTypeConfiguration<T> implementations.
        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (symbols.IsMarkedOwned(type))
            {
                owned.TryAdd(type, 0);
            }

            if (type.TypeKind != TypeKind.Class)
            {
                return;
            }

            if (symbols.IsDbContext(type))
            {
                for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, symbols.DbContext); current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is IPropertySymbol { Type: INamedTypeSymbol set } property
                            && EntityDeletionSymbols.IsConstructionOf(set, symbols.DbSet)
                            && set.TypeArguments[0] is INamedTypeSymbol entity)
                        {
                            entities.TryAdd(entity, 0);
                            setNames.TryAdd(entity, property.Name);
                        }
                    }
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (EntityDeletionSymbols.IsConstructionOf(implemented, symbols.EntityTypeConfiguration)
                    && implemented.TypeArguments[0] is INamedTypeSymbol configured)
                {
                    entities.TryAdd(configured, 0);
                }
            }
        }

        // AnonymiseCustomer(Customer c), PurgeExpired(IEnumerable<Order>), Customer.Anonymize().
        public void AnalyzeMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.MethodKind != MethodKind.Ordinary || !NamesDisposal(method.Name))
            {
                return;
            }

            if (method.Parameters.IsEmpty && method.ContainingType is { } owner)
            {
                deleted.TryAdd(owner, 0);
            }

            foreach (var parameter in method.Parameters)
            {
                MarkDeleted(parameter.Type);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var owner = method.ContainingType;
            switch (method.Name)
            {
                case "Entity" when SymbolEqualityComparer.Default.Equals(owner, symbols.ModelBuilder) && method.TypeArguments.Length == 1:
                    if (method.TypeArguments[0] is INamedTypeSymbol entity)
                    {
                        entities.TryAdd(entity, 0);
                    }

                    return;
                case "Remove" or "RemoveRange":
                    if (EntityDeletionSymbols.IsConstructionOf(owner, symbols.DbSet))
                    {
                        MarkDeleted(owner.TypeArguments[0]);
                    }
                    else if (symbols.IsDbContext(owner))
                    {
                        MarkDeletedArguments(invocation);
                    }

                    return;
                case "ExecuteDelete" or "ExecuteDeleteAsync" when method.TypeArguments.Length == 1:
                    MarkDeleted(method.TypeArguments[0]);
                    return;
                // builder.OwnsOne(c => c.Bank), OwnsMany<Address>(…), ComplexProperty(o => o.Billing): columns of the owner.
                case "OwnsOne" or "OwnsMany" or "ComplexProperty" or "ComplexCollection"
                    when method.TypeArguments.Length >= 1 && IsModelBuilding(owner):
                    owned.TryAdd(method.TypeArguments[0], 0);
                    return;
                case "DeleteAsync" when EntityDeletionSymbols.IsConstructionOf(owner, symbols.UserManager):
                    MarkDeleted(owner.TypeArguments[0]);
                    return;
                case "SaveChanges" or "SaveChangesAsync" or "Add" or "AddAsync" or "AddRange" or "AddRangeAsync"
                    when symbols.IsDbContext(owner) || EntityDeletionSymbols.IsConstructionOf(owner, symbols.DbSet):
                    Interlocked.Exchange(ref writesEntities, 1);
                    return;
            }

            if (method.Name.StartsWith("Execute", StringComparison.Ordinal) || method.Name.StartsWith("SqlQuery", StringComparison.Ordinal))
            {
                CollectDeleteSql(invocation);
            }
        }

        // context.Entry(customer).State = EntityState.Deleted;
        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "State", Instance: { } entry }
                || assignment.Value is not IFieldReferenceOperation { Field: { Name: "Deleted" } field }
                || !SymbolEqualityComparer.Default.Equals(field.ContainingType, symbols.EntityState))
            {
                return;
            }

            if (EntityDeletionSymbols.IsConstructionOf(entry.Type, symbols.EntityEntryOfT))
            {
                MarkDeleted(((INamedTypeSymbol)entry.Type!).TypeArguments[0]);
            }
            else if (entry is IInvocationOperation { Arguments.Length: 1 } entryCall)
            {
                MarkDeleted(Unwrap(entryCall.Arguments[0].Value).Type);
            }
            else
            {
                Interlocked.Exchange(ref deletesAnything, 1);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            var classes = new List<string>();
            foreach (var entity in entities.Keys)
            {
                if (entity.IsAbstract || FirstSourceLocation(entity) is not { } location)
                {
                    continue;
                }

                classes.Clear();
                matcher.CollectMemberClasses(entity, classes);
                foreach (var part in OwnedParts(entity))
                {
                    matcher.CollectMemberClasses(part, classes);
                }
                foreach (var dataClass in classes)
                {
                    if (Reason(entity, dataClass) is { } reason)
                    {
                        // A missing period is reported where the classified data is declared, so that the finding
                        // points at what must be retained; a missing deletion path belongs to the entity as a whole.
                        var at = retention.For(dataClass) is null ? FirstMemberOfClass(entity, dataClass) ?? location : location;
                        context.Report(Rule, at, entity, null, null, entity.Name, dataClass, reason);
                    }
                }
            }
        }

        private LocalizableString? Reason(INamedTypeSymbol entity, string dataClass)
        {
            // A.15.1.3, MN-39: every class of personal data needs a declared period.
            if (retention.For(dataClass) is not { } period)
            {
                return new LocalizableResourceString("PK5002ReasonNoPeriod", Resources.ResourceManager, typeof(Resources));
            }

            // A declared maximum must be enforceable: report only when this project both writes entities (so it is
            // the application, not a model library whose jobs live elsewhere) and has no way to delete this one.
            if (period.MaximumKeepDays is not { } days || period.LegalHold == true || period.Deletion == DeletionMethod.Archive
                || Volatile.Read(ref writesEntities) == 0 || Volatile.Read(ref deletesAnything) == 1 || HasDeletionPath(entity))
            {
                return null;
            }

            return new LocalizableResourceString(
                "PK5002ReasonNoDeletion", Resources.ResourceManager, typeof(Resources), days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private bool HasDeletionPath(INamedTypeSymbol entity)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                if (deleted.ContainsKey(current))
                {
                    return true;
                }
            }

            if (deleteSql.IsEmpty)
            {
                return false;
            }

            setNames.TryGetValue(entity, out var table);
            foreach (var sql in deleteSql)
            {
                if (sql.IndexOf(entity.Name, StringComparison.OrdinalIgnoreCase) >= 0
                    || (table is not null && sql.IndexOf(table, StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        // The first property or field declared in source (the entity's own first, then its bases) holding the class.
        private Location? FirstMemberOfClass(INamedTypeSymbol entity, string dataClass)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.Kind is SymbolKind.Property or SymbolKind.Field && !member.IsImplicitlyDeclared
                        && string.Equals(matcher.ClassOfMember(member), dataClass, StringComparison.Ordinal)
                        && FirstSourceLocation(member) is { } location)
                    {
                        return location;
                    }
                }
            }

            foreach (var part in OwnedParts(entity))
            {
                if (FirstMemberOfClass(part, dataClass) is { } inPart)
                {
                    return inPart;
                }
            }

            return null;
        }

        // The owned and complex types an entity holds (directly or as a collection), and theirs in turn: EF Core maps
        // their columns into the owner's table (or a table that lives and dies with it), so their data is the owner's.
        private List<INamedTypeSymbol> OwnedParts(INamedTypeSymbol entity)
        {
            var parts = new List<INamedTypeSymbol>();
            if (owned.IsEmpty)
            {
                return parts;
            }

            var pending = new Stack<INamedTypeSymbol>();
            pending.Push(entity);
            while (pending.Count > 0 && parts.Count < MaxOwnedParts)
            {
                var holder = pending.Pop();
                for (var current = holder; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (OwnedTypeOf(DataClassMatcher.DataMemberType(member)) is { } part && !SymbolEqualityComparer.Default.Equals(part, entity) && !Contains(parts, part))
                        {
                            parts.Add(part);
                            pending.Push(part);
                        }
                    }
                }
            }

            return parts;
        }

        private INamedTypeSymbol? OwnedTypeOf(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (type is INamedTypeSymbol named && owned.ContainsKey(named))
            {
                return named;
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } collection && IsCollection(collection)
                && collection.TypeArguments[0] is INamedTypeSymbol element && owned.ContainsKey(element)
                ? element
                : null;
        }

        private static bool Contains(List<INamedTypeSymbol> parts, INamedTypeSymbol part)
        {
            foreach (var existing in parts)
            {
                if (SymbolEqualityComparer.Default.Equals(existing, part))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsModelBuilding(INamedTypeSymbol? owner) =>
            owner?.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore.Metadata.Builders";

        private static Location? FirstSourceLocation(ISymbol entity)
        {
            foreach (var location in entity.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }

            return null;
        }

        private static bool NamesDisposal(string name)
        {
            foreach (var word in DisposalWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unwrap(IOperation operation) =>
            operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

        private void MarkDeletedArguments(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.TypeArguments.Length == 1)
            {
                MarkDeleted(invocation.TargetMethod.TypeArguments[0]);
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        MarkDeleted(Unwrap(element).Type);
                    }
                }
                else
                {
                    MarkDeleted(Unwrap(argument.Value).Type);
                }
            }
        }

        // A repository's DbSet<T>.Remove(entity) or context.Remove((object)x) can delete any entity.
        private void MarkDeleted(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return;
                case ITypeParameterSymbol:
                case { SpecialType: SpecialType.System_Object }:
                    Interlocked.Exchange(ref deletesAnything, 1);
                    return;
                case IArrayTypeSymbol array:
                    MarkDeleted(array.ElementType);
                    return;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } collection when collection.TypeArguments[0].TypeKind != TypeKind.Error && collection.SpecialType == SpecialType.None && IsCollection(collection):
                    MarkDeleted(collection.TypeArguments[0]);
                    return;
                default:
                    deleted.TryAdd(type, 0);
                    return;
            }
        }

        private static bool IsCollection(INamedTypeSymbol type)
        {
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return true;
                }
            }

            return false;
        }

        // ExecuteSqlRaw("DELETE FROM Customers WHERE …"), Dapper's Execute($"delete from orders …").
        private void CollectDeleteSql(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var text = argument.Value.ConstantValue is { HasValue: true, Value: string constant }
                    ? constant
                    : Unwrap(argument.Value) is IInterpolatedStringOperation interpolated ? TextOf(interpolated) : null;
                if (text is not null && text.IndexOf("delete", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    deleteSql.Add(text);
                }
            }
        }

        private static string TextOf(IInterpolatedStringOperation interpolated)
        {
            var text = string.Empty;
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string piece } })
                {
                    text += piece;
                }
            }

            return text;
        }
    }
}
