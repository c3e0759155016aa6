using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Whether code only runs in the Development environment: inside <c>if (env.IsDevelopment())</c>, in the
/// <c>else</c> of <c>if (!app.Environment.IsDevelopment())</c> (not of <c>if (env.IsProduction())</c>: staging is
/// reachable too), after
/// <c>if (!env.IsDevelopment()) return;</c>, or in a Startup <c>ConfigureDevelopment</c> method.
/// </summary>
internal static class EnvironmentGuard
{
    private const int MaxDepth = 4;

    /// <summary>True when <paramref name="operation"/> is reached only in Development.</summary>
    public static bool IsDevelopmentOnly(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    if ((child == conditional.WhenTrue && Implies(conditional.Condition, true, 0))
                        || (child == conditional.WhenFalse && Implies(conditional.Condition, false, 0)))
                    {
                        return true;
                    }

                    break;
                case IBlockOperation block when AfterEarlyExit(block, child):
                    return true;
            }
        }

        return IsInDevelopmentStartupMethod(operation);
    }

    /// <summary>Whether <paramref name="condition"/> having <paramref name="value"/> means the environment is Development.</summary>
    public static bool Implies(IOperation condition, bool value, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (EndpointBuilderFlow.Unwrap(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, !value, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return value
                    ? Implies(and.LeftOperand, true, depth + 1) || Implies(and.RightOperand, true, depth + 1)
                    : Implies(and.LeftOperand, false, depth + 1) && Implies(and.RightOperand, false, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return value
                    ? Implies(or.LeftOperand, true, depth + 1) && Implies(or.RightOperand, true, depth + 1)
                    : Implies(or.LeftOperand, false, depth + 1) || Implies(or.RightOperand, false, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return ImpliesComparison(comparison, value, depth);

            case IInvocationOperation invocation:
                return ImpliesEnvironment(KindOf(invocation), value);

            case ILocalReferenceOperation local when local.Local.Type?.SpecialType == SpecialType.System_Boolean:
                // var isDevelopment = app.Environment.IsDevelopment(); if (isDevelopment) { ... }
                return LocalInitializer(local) is { } initializer && Implies(initializer, value, depth + 1);

            default:
                return false;
        }
    }

    private enum EnvironmentKind
    {
        Unknown,
        Development,
        Production,
    }

    // Only Development counts: "not Production" still includes staging and test servers, which are reachable too.
    private static bool ImpliesEnvironment(EnvironmentKind kind, bool value) => kind == EnvironmentKind.Development && value;

    private static EnvironmentKind KindOf(IInvocationOperation invocation)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "IsDevelopment":
                return EnvironmentKind.Development;
            case "IsProduction":
                return EnvironmentKind.Production;
            case "IsEnvironment":
            case "Equals":
                foreach (var argument in invocation.Arguments)
                {
                    if (EnvironmentName(argument.Value) is { } name)
                    {
                        return KindOfName(name);
                    }
                }

                return EnvironmentKind.Unknown;
            default:
                return EnvironmentKind.Unknown;
        }
    }

    private static EnvironmentKind KindOfName(string name) =>
        string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase) ? EnvironmentKind.Development
        : string.Equals(name, "Production", StringComparison.OrdinalIgnoreCase) ? EnvironmentKind.Production
        : EnvironmentKind.Unknown;

    private static bool ImpliesComparison(IBinaryOperation comparison, bool value, int depth)
    {
        var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
        var left = EndpointBuilderFlow.Unwrap(comparison.LeftOperand);
        var right = EndpointBuilderFlow.Unwrap(comparison.RightOperand);
        if (right.ConstantValue is { HasValue: true, Value: bool rightBool })
        {
            return Implies(left, equals ? value == rightBool : value != rightBool, depth + 1);
        }

        if (left.ConstantValue is { HasValue: true, Value: bool leftBool })
        {
            return Implies(right, equals ? value == leftBool : value != leftBool, depth + 1);
        }

        // env.EnvironmentName == "Development" / Environments.Development
        var name = EnvironmentName(right) ?? EnvironmentName(left);
        return name is not null && ImpliesEnvironment(KindOfName(name), equals ? value : !value);
    }

    // "Development", or Environments.Development (a static readonly field, not a constant).
    private static string? EnvironmentName(IOperation value)
    {
        value = EndpointBuilderFlow.Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return value is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType.Name: "Environments" } field } ? field.Name : null;
    }

    private static IOperation? LocalInitializer(ILocalReferenceOperation local)
    {
        foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
        {
            if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            {
                return initializer.Value;
            }
        }

        return null;
    }

    // if (!env.IsDevelopment()) { return; } ... the rest of the block runs only in Development.
    private static bool AfterEarlyExit(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } conditional
                && AlwaysExits(conditional.WhenTrue)
                && Implies(conditional.Condition, false, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation operation) => operation switch
    {
        IReturnOperation => true,
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    // ASP.NET Core calls Startup.ConfigureDevelopment / ConfigureDevelopmentServices only in Development.
    private static bool IsInDevelopmentStartupMethod(IOperation operation)
    {
        var model = operation.SemanticModel;
        if (model is null || operation.Syntax is null)
        {
            return false;
        }

        for (var symbol = model.GetEnclosingSymbol(operation.Syntax.SpanStart); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return method.Name is "ConfigureDevelopment" or "ConfigureDevelopmentServices";
            }
        }

        return false;
    }
}
