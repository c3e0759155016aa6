using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow.Taint;

namespace PolicyKit.Analyzers.Flow;

/// <summary>One data access keyed by a value: the key's symbol, the record type, and a name for the message.</summary>
internal readonly struct KeyedAccess
{
    public KeyedAccess(ISymbol key, ITypeSymbol entity, string name)
    {
        Key = key;
        Entity = entity;
        Name = name;
    }

    /// <summary>The parameter (or bound property) used as the key.</summary>
    public ISymbol Key { get; }

    public ITypeSymbol Entity { get; }

    public string Name { get; }
}

/// <summary>
/// The shapes PK1009 reasons about: reads, updates and deletes of a record by key (EF Core <c>Find</c>, LINQ predicates
/// comparing a member to the key, <c>ExecuteDelete/ExecuteUpdate</c>, Dapper <c>Query&lt;T&gt;</c> with the key as a
/// parameter), records that belong to someone (an owner, user or tenant property), and the checks that tie an access
/// to the caller (an owner comparison, a user-derived argument, <c>AuthorizeAsync</c>, <c>Forbid</c>).
/// All matching is by name and namespace, so that it works without resolving each library type.
/// </summary>
internal static class OwnedRecordAccess
{
    private static readonly string[] OwnerSuffixes = { "UserId", "OwnerId", "TenantId", "CustomerId", "AccountId", "AuthorId", "CreatedById", "OwnerUserId" };
    private static readonly string[] OwnerNames = { "CreatedBy", "Owner", "User", "Tenant", "Customer", "Author", "ApplicationUser", "UserName", "OwnerEmail" };

    /// <summary>The access <paramref name="invocation"/> makes with one of <paramref name="keys"/> as its key, if any.</summary>
    public static KeyedAccess? Keyed(IInvocationOperation invocation, Func<ISymbol, bool> isKey)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        switch (method.Name)
        {
            case "Find" or "FindAsync" when IsEf(type) && (type.Name is "DbSet" or "DbContext" || TypeNames.DerivesFrom(type, "Microsoft.EntityFrameworkCore", "DbContext")):
                var entity = type.Name == "DbSet" && type is INamedTypeSymbol { TypeArguments.Length: 1 } set ? set.TypeArguments[0]
                    : method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
                if (entity is not null && KeyArgument(invocation.Arguments, isKey) is { } found)
                {
                    return new KeyedAccess(found, entity, entity.Name + "." + method.Name);
                }

                return null;
            case "Query" or "QueryAsync" or "QueryFirst" or "QueryFirstAsync" or "QueryFirstOrDefault" or "QueryFirstOrDefaultAsync"
                or "QuerySingle" or "QuerySingleAsync" or "QuerySingleOrDefault" or "QuerySingleOrDefaultAsync"
                when TypeNames.Is(type, "Dapper", "SqlMapper") && method.TypeArguments.Length >= 1:
                var sql = TaintSinks.Argument(invocation.Arguments, "sql");
                if (TaintSinks.Argument(invocation.Arguments, "param") is { } parameters && KeyInObject(parameters, isKey) is { } key
                    && !SqlNamesOwner(sql))
                {
                    // QuerySingle<string>("SELECT Last4 FROM Cards WHERE Id = @id"): a scalar or DTO result still reads
                    // the record of the table the SQL names.
                    var record = IsOwned(method.TypeArguments[0]) ? method.TypeArguments[0] : SqlTables.OwnedRecordNamedBy(sql, invocation.SemanticModel?.Compilation) ?? method.TypeArguments[0];
                    return new KeyedAccess(key, record, record.Name + "." + method.Name);
                }

                return null;
            default:
                return IsQueryOperator(method) && !IsInnerOfChain(invocation) && ChainKey(invocation, isKey) is { } chain ? chain : null;
        }
    }

    private static bool IsEf(INamedTypeSymbol type) => TypeNames.UnderNamespace(type, "Microsoft") && TypeNames.InNamespace(type.ContainingNamespace, "Microsoft.EntityFrameworkCore");

    /// <summary>LINQ and EF Core query operators (<c>Where</c>, <c>FirstOrDefaultAsync</c>, <c>ExecuteDeleteAsync</c>, …).</summary>
    private static bool IsQueryOperator(IMethodSymbol method) =>
        method.IsExtensionMethod
        && (TypeNames.Is(method.ContainingType, "System.Linq", "Queryable")
            || (method.ContainingType.Name.EndsWith("QueryableExtensions", StringComparison.Ordinal)
                && TypeNames.InNamespace(method.ContainingType.ContainingNamespace, "Microsoft.EntityFrameworkCore")));

    /// <summary>Whether the result of <paramref name="invocation"/> feeds another query operator (only the outermost call is reported).</summary>
    private static bool IsInnerOfChain(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation outer } argument
            && IsQueryOperator(outer.TargetMethod) && outer.Arguments.Length > 0 && ReferenceEquals(outer.Arguments[0], argument);
    }

    /// <summary>A query chain with a predicate comparing a member of the record to a key.</summary>
    private static KeyedAccess? ChainKey(IInvocationOperation outermost, Func<ISymbol, bool> isKey)
    {
        ITypeSymbol? entity = null;
        ISymbol? key = null;
        for (IOperation? current = outermost; current is IInvocationOperation call && IsQueryOperator(call.TargetMethod); current = Unwrap(call.Arguments.Length > 0 ? call.Arguments[0].Value : null))
        {
            // The innermost operator's source element is the record (Where<Order>); an outer Select<Order, decimal> or
            // SingleAsync<decimal> only names what the projection returns.
            if (call.TargetMethod.TypeArguments.Length > 0)
            {
                entity = call.TargetMethod.TypeArguments[0];
            }

            for (var i = 1; i < call.Arguments.Length && key is null; i++)
            {
                var lambda = Unwrap(call.Arguments[i].Value) switch
                {
                    IDelegateCreationOperation { Target: IAnonymousFunctionOperation target } => target,
                    IAnonymousFunctionOperation direct => direct,
                    _ => null,
                };
                if (lambda is not null)
                {
                    key = KeyComparison(lambda, isKey);
                }
            }
        }

        return key is not null && entity is not null ? new KeyedAccess(key, entity, entity.Name + "." + outermost.TargetMethod.Name) : null;
    }

    private static ISymbol? KeyComparison(IAnonymousFunctionOperation lambda, Func<ISymbol, bool> isKey)
    {
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison)
            {
                var left = KeySymbol(comparison.LeftOperand, isKey);
                var right = KeySymbol(comparison.RightOperand, isKey);
                if ((left ?? right) is { } key && (left is null || right is null))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static ISymbol? KeyArgument(IEnumerable<IArgumentOperation> arguments, Func<ISymbol, bool> isKey)
    {
        foreach (var argument in arguments)
        {
            if (KeySymbol(argument.Value, isKey) is { } key)
            {
                return key;
            }

            if (Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (KeySymbol(element, isKey) is { } inArray)
                    {
                        return inArray;
                    }
                }
            }
        }

        return null;
    }

    private static ISymbol? KeyInObject(IOperation parameters, Func<ISymbol, bool> isKey)
    {
        if (Unwrap(parameters) is IAnonymousObjectCreationOperation anonymous)
        {
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is IAssignmentOperation assignment && KeySymbol(assignment.Value, isKey) is { } key)
                {
                    return key;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The key symbol <paramref name="value"/> reads: a parameter or a bound property, through conversions, a
    /// <c>Parse</c> of it (<c>long.Parse(id)</c>, <c>Guid.Parse(id)</c>) and locals assigned once from such a value.
    /// </summary>
    public static ISymbol? KeySymbol(IOperation value, Func<ISymbol, bool> isKey) => KeySymbol(value, isKey, MaxKeySteps);

    // var orderId = long.Parse(id); var key = orderId; … — a few steps at most, so a long chain of locals costs nothing.
    private const int MaxKeySteps = 4;

    private static ISymbol? KeySymbol(IOperation value, Func<ISymbol, bool> isKey, int steps) => Unwrap(value) switch
    {
        IParameterReferenceOperation parameter when isKey(parameter.Parameter) => parameter.Parameter,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property when isKey(property.Property) => property.Property,
        IPropertyReferenceOperation { Property.Name: "Value", Instance: { } inner } when KeySymbol(inner, isKey, steps) is { } nullable => nullable,
        IInvocationOperation { TargetMethod: { Name: "Parse", IsStatic: true }, Arguments: { Length: > 0 } arguments } when steps > 0
            && KeySymbol(arguments[0].Value, isKey, steps - 1) is { } parsed => parsed,
        ILocalReferenceOperation local when steps > 0
            && InitialValue.Of(local, mutableContents: false, System.Threading.CancellationToken.None) is { } initial
            && KeySymbol(initial, isKey, steps - 1) is { } assigned => assigned,
        _ => null,
    };

    private static bool SqlNamesOwner(IOperation? sql)
    {
        if (sql?.ConstantValue is not { HasValue: true, Value: string text })
        {
            return false;
        }

        foreach (var suffix in OwnerSuffixes)
        {
            if (text.IndexOf(suffix, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A record with a member that says whose it is (<c>UserId</c>, <c>OwnerId</c>, <c>TenantId</c>, an Identity user).</summary>
    public static bool IsOwned(ITypeSymbol entity)
    {
        for (var type = entity; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && (IsOwnerName(property.Name) || TypeNames.DerivesFrom(property.Type, "Microsoft.AspNetCore.Identity", "IdentityUser")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsOwnerName(string name)
    {
        foreach (var suffix in OwnerSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var owner in OwnerNames)
        {
            if (name == owner)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="body"/> ties its accesses to the caller: an owner or user comparison that is not the key
    /// comparison itself, a call given a user-derived argument (<c>ForUser(userId)</c>), <c>AuthorizeAsync</c>,
    /// or a <c>Forbid</c>/<c>Challenge</c> result.
    /// </summary>
    public static bool ChecksCaller(IOperation body, Func<ISymbol, bool> isKey)
    {
        var userLocals = UserLocals(body);
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "AuthorizeAsync" or "Forbid" or "Challenge" }:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when IsCallerCheck(comparison.LeftOperand, comparison.RightOperand, isKey, userLocals):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Equals" } equals when equals.Arguments.Length >= 1
                    && IsCallerCheck(equals.Instance ?? equals.Arguments[0].Value, equals.Instance is null ? (equals.Arguments.Length > 1 ? equals.Arguments[1].Value : equals.Arguments[0].Value) : equals.Arguments[0].Value, isKey, userLocals):
                    return true;
                case IInvocationOperation call when call.TargetMethod.Name is not ("LogInformation" or "LogWarning" or "LogDebug" or "LogError" or "Log"):
                    foreach (var argument in call.Arguments)
                    {
                        if (IsUserDerived(argument.Value, userLocals))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsCallerCheck(IOperation left, IOperation right, Func<ISymbol, bool> isKey, HashSet<ISymbol> userLocals)
    {
        if (ReadsKey(left, isKey) || ReadsKey(right, isKey))
        {
            return false;
        }

        return ReadsOwner(left) || ReadsOwner(right) || IsUserDerived(left, userLocals) || IsUserDerived(right, userLocals);
    }

    private static bool ReadsKey(IOperation value, Func<ISymbol, bool> isKey)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (KeySymbol(operation, isKey) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsOwner(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Instance: not null } property && IsOwnerName(property.Property.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Locals assigned from the caller's identity (<c>var userId = _users.GetUserId(User);</c>).</summary>
    private static HashSet<ISymbol> UserLocals(IOperation body)
    {
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && declarator.GetVariableInitializer() is { } initializer
                    && IsUserDerived(initializer.Value, locals))
                {
                    locals.Add(declarator.Symbol);
                }
                else if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment && IsUserDerived(assignment.Value, locals))
                {
                    locals.Add(target.Local);
                }
            }
        }

        return locals;
    }

    /// <summary>
    /// A value that identifies the caller: the <c>ClaimsPrincipal</c> (<c>User</c>), claims, <c>UserManager.GetUserId</c>,
    /// or a member of an injected current-user or tenant service.
    /// </summary>
    public static bool IsUserDerived(IOperation value, HashSet<ISymbol> userLocals)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when userLocals.Contains(local.Local):
                    return true;
                case IInvocationOperation invocation when IsIdentityCall(invocation.TargetMethod.Name):
                    return true;
                case IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation when IsIdentityType(operation.Type):
                    return true;
            }
        }

        return false;
    }

    private static bool IsIdentityCall(string name) =>
        name.StartsWith("GetUser", StringComparison.Ordinal) || name.StartsWith("GetCurrentUser", StringComparison.Ordinal)
        || name.StartsWith("FindFirst", StringComparison.Ordinal) || name.StartsWith("GetTenant", StringComparison.Ordinal)
        || name.StartsWith("GetCurrentTenant", StringComparison.Ordinal);

    private static bool IsIdentityType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (TypeNames.DerivesFrom(type, "System.Security.Claims", "ClaimsPrincipal") || TypeNames.Is(type, "System.Security.Claims", "ClaimsIdentity")
            || TypeNames.Is(type, "System.Security.Principal", "IIdentity"))
        {
            return true;
        }

        var name = type.Name;
        return name.IndexOf("CurrentUser", StringComparison.Ordinal) >= 0 || name.IndexOf("UserContext", StringComparison.Ordinal) >= 0
            || name.IndexOf("UserAccessor", StringComparison.Ordinal) >= 0 || name.IndexOf("TenantContext", StringComparison.Ordinal) >= 0
            || name.IndexOf("TenantProvider", StringComparison.Ordinal) >= 0 || name.IndexOf("CurrentTenant", StringComparison.Ordinal) >= 0;
    }

    private static IOperation? Unwrap(IOperation? value)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        return value;
    }
}
