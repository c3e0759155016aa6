using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Finds exception details in a value about to reach a user: <c>ex.Message</c>, <c>ex.StackTrace</c>,
/// <c>ex.ToString()</c>, <c>ex.Source</c>, <c>ex.TargetSite</c>, or an exception object itself (serialised or
/// interpolated, it carries message and stack), through string concatenation, interpolation, <c>string.Format</c>,
/// anonymous objects, DTO initialisers and locals assigned in the same method.
/// </summary>
/// <remarks>
/// Values passed through any other method (a localiser, a sanitiser, <c>ex.GetType().Name</c>) are treated as
/// safe: a type name leaks little, and guessing what user methods return would cost precision.
/// </remarks>
internal static class ExceptionDetailFlow
{
    private const int MaxDepth = 6;

    /// <summary>The exception detail in <paramref name="value"/>, or null.</summary>
    public static IOperation? Find(IOperation? value, INamedTypeSymbol exception, INamedTypeSymbol? problemDetails) =>
        Find(value, exception, problemDetails, 0);

    public static bool IsException(ITypeSymbol? type, INamedTypeSymbol exception) =>
        type is not null && type.TypeKind != TypeKind.Error && AuthorizationSymbols.InheritsFrom(type, exception);

    /// <summary>
    /// True for validation exceptions (DataAnnotations' and FluentValidation's <c>ValidationException</c>, and the
    /// application's own <c>…ValidationException</c> types): their message is the rule the input broke, written for the
    /// user, not a detail of the server (MIC-39 asks that internal details stay hidden, not that validation stays mute).
    /// </summary>
    public static bool IsUserMessageException(ITypeSymbol? type) =>
        type is not null && type.Name.EndsWith("ValidationException", System.StringComparison.Ordinal);

    private static IOperation? Find(IOperation? value, INamedTypeSymbol exception, INamedTypeSymbol? problemDetails, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        value = EndpointBuilderFlow.Unwrap(value);
        switch (value)
        {
            case IPropertyReferenceOperation property:
                if (property.Property.Name is "Message" or "StackTrace" or "Source" or "TargetSite" && IsException(property.Instance?.Type, exception)
                    && !(property.Property.Name == "Message" && IsUserMessageException(property.Instance?.Type)))
                {
                    return property;
                }

                break;

            case IInvocationOperation invocation:
                return FindInInvocation(invocation, exception, problemDetails, depth);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                return Find(add.LeftOperand, exception, problemDetails, depth + 1) ?? Find(add.RightOperand, exception, problemDetails, depth + 1);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && Find(interpolation.Expression, exception, problemDetails, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IConditionalOperation conditional:
                // env.IsDevelopment() ? ex.ToString() : "An error occurred": the detailed branch is Development-only.
                var whenTrue = EnvironmentGuard.Implies(conditional.Condition, true, 0) ? null : Find(conditional.WhenTrue, exception, problemDetails, depth + 1);
                return whenTrue ?? (EnvironmentGuard.Implies(conditional.Condition, false, 0) ? null : Find(conditional.WhenFalse, exception, problemDetails, depth + 1));

            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, exception, problemDetails, depth + 1) ?? Find(coalesce.WhenNull, exception, problemDetails, depth + 1);

            case IConditionalAccessOperation access:
                // Report ex.InnerException?.Message as written, not its member-binding tail.
                return Find(access.WhenNotNull, exception, problemDetails, depth + 1) is null ? null : access;

            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment && Find(assignment.Value, exception, problemDetails, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IObjectCreationOperation creation:
                // ProblemDetails.Detail/Title assignments are reported where they are written.
                return AuthorizationSymbols.InheritsFrom(creation.Type, problemDetails) || IsException(creation.Type, exception)
                    ? null
                    : FindInCreation(creation, exception, problemDetails, depth);

            case IArrayCreationOperation { Initializer: { } items }:
                foreach (var item in items.ElementValues)
                {
                    if (Find(item, exception, problemDetails, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case ILocalReferenceOperation local when !IsException(local.Type, exception):
                return FindInLocal(local, exception, problemDetails, depth);
        }

        return IsException(value.Type, exception) ? value : null;
    }

    private static IOperation? FindInInvocation(IInvocationOperation invocation, INamedTypeSymbol exception, INamedTypeSymbol? problemDetails, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && IsException(invocation.Instance?.Type, exception))
        {
            return invocation;
        }

        if (method.Name == "GetBaseException" && IsException(invocation.Type, exception))
        {
            return invocation;
        }

        // string.Format, string.Concat, string.Join, ex.Message.Trim() …: the text passes through.
        if (method.ContainingType?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if (Find(invocation.Instance, exception, problemDetails, depth + 1) is { } fromInstance)
        {
            return fromInstance;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (Find(argument.Value, exception, problemDetails, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static IOperation? FindInCreation(IObjectCreationOperation creation, INamedTypeSymbol exception, INamedTypeSymbol? problemDetails, int depth)
    {
        foreach (var argument in creation.Arguments)
        {
            if (Find(argument.Value, exception, problemDetails, depth + 1) is { } found)
            {
                return found;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation assignment && Find(assignment.Value, exception, problemDetails, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static IOperation? FindInLocal(ILocalReferenceOperation local, INamedTypeSymbol exception, INamedTypeSymbol? problemDetails, int depth)
    {
        foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
        {
            IOperation? definition = operation switch
            {
                IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => initializer.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment.Value,
                ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound
                    when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => compound.Value,
                _ => null,
            };
            // string detail = "Error"; if (env.IsDevelopment()) detail = ex.ToString(); — the detailed value is Development-only.
            if (definition is not null && !EnvironmentGuard.IsDevelopmentOnly(operation) && Find(definition, exception, problemDetails, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
