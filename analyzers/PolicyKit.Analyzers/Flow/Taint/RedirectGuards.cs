using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Guards seen from the value's side rather than the sink's: a choice <c>check(x) ? x : "/"</c> (inline or in a local),
/// a replacement <c>if (!check(x)) x = "/";</c>, and the hand-written local-path test for redirects
/// (<c>x.StartsWith("/") &amp;&amp; !x.StartsWith("//")</c>, <c>Uri.TryCreate(x, UriKind.Relative, out _)</c>), which is the
/// test <c>Url.IsLocalUrl</c> makes (OWASP Unvalidated Redirects cheat sheet; IPA-091).
/// </summary>
internal static class RedirectGuards
{
    /// <summary>Whether <paramref name="condition"/> evaluating to <paramref name="outcome"/> holds for one of the arm's keys.</summary>
    public delegate bool ConditionHolds(IOperation condition, bool outcome, HashSet<string> keys);

    /// <summary>
    /// True when the value is a conditional (or a local whose every definition is one, or a constant) each of whose
    /// arms is a constant, reads no data, or is taken only when the condition proves it safe.
    /// </summary>
    public static bool ChoosesCheckedValue(IOperation value, DefinitionIndex index, ConditionHolds holds)
    {
        value = Unwrap(value);
        if (value is IConditionalOperation conditional)
        {
            return ArmsChecked(conditional, index, holds);
        }

        if (value is not ILocalReferenceOperation local)
        {
            return false;
        }

        var chosen = false;
        foreach (var definition in index.DefinitionsOf(local.Local))
        {
            if (definition.Shape != DefinitionShape.Value)
            {
                return false;
            }

            var assigned = Unwrap(definition.Operation);
            if (assigned.ConstantValue.HasValue)
            {
                continue;
            }

            if (assigned is not IConditionalOperation choice || !ArmsChecked(choice, index, holds))
            {
                return false;
            }

            chosen = true;
        }

        return chosen;
    }

    private static bool ArmsChecked(IConditionalOperation conditional, DefinitionIndex index, ConditionHolds holds) =>
        conditional.WhenFalse is { } whenFalse && ArmChecked(conditional.Condition, conditional.WhenTrue, true, index, holds)
        && ArmChecked(conditional.Condition, whenFalse, false, index, holds);

    private static bool ArmChecked(IOperation condition, IOperation arm, bool outcome, DefinitionIndex index, ConditionHolds holds)
    {
        arm = Unwrap(arm);
        if (IsFixed(arm))
        {
            return true;
        }

        var keys = TaintGuards.KeysOf(arm, index);
        return keys.Count == 0 || holds(condition, outcome, keys);
    }

    /// <summary>Whether <paramref name="replacement"/> (the body of <c>if (!check(x))</c>) assigns the value read at the sink.</summary>
    public static bool Replaces(IOperation replacement, IOperation value, DefinitionIndex index)
    {
        if (SymbolOf(Unwrap(value)) is not { } target)
        {
            return false;
        }

        var statements = replacement is IBlockOperation block ? block.Operations : System.Collections.Immutable.ImmutableArray.Create(replacement);
        foreach (var statement in statements)
        {
            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                && SymbolEqualityComparer.Default.Equals(SymbolOf(assignment.Target), target)
                && (IsFixed(assignment.Value) || TaintGuards.KeysOf(assignment.Value, index).Count == 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the condition, evaluating to <paramref name="outcome"/>, proves a value starts with one '/' and not with
    /// "//" (both on a value <paramref name="covers"/> accepts), or that it parses as a relative URI.
    /// </summary>
    public static bool TestsLocalPath(IOperation condition, bool outcome, Func<IOperation, bool> covers)
    {
        var facts = new List<(IInvocationOperation Call, bool Holds)>();
        Flatten(condition, outcome, facts);
        var leadingSlash = false;
        var noDoubleSlash = false;
        foreach (var (call, holds) in facts)
        {
            if (holds && IsRelativeUriTest(call) && call.Arguments.Length > 0 && covers(call.Arguments[0].Value))
            {
                return true;
            }

            if (call.TargetMethod.Name != "StartsWith" || call.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String
                || call.Instance is null || call.Arguments.Length == 0 || !covers(call.Instance))
            {
                continue;
            }

            var prefix = call.Arguments[0].Value.ConstantValue.Value switch
            {
                string text => text,
                char single => single.ToString(),
                _ => null,
            };
            leadingSlash |= holds && prefix == "/";
            noDoubleSlash |= !holds && prefix == "//";
        }

        return leadingSlash && noDoubleSlash;
    }

    /// <summary><c>Uri.TryCreate(x, UriKind.Relative, out _)</c> or <c>Uri.IsWellFormedUriString(x, UriKind.Relative)</c>.</summary>
    public static bool IsRelativeUriTest(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("TryCreate" or "IsWellFormedUriString") || !TypeNames.Is(invocation.TargetMethod.ContainingType, "System", "Uri"))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            // UriKind.Relative = 2.
            if (argument.Parameter?.Type.Name == "UriKind" && argument.Value.ConstantValue is { HasValue: true, Value: int kind })
            {
                return kind == 2;
            }
        }

        return false;
    }

    // The calls a condition asserts (true) or denies (false) when it evaluates to outcome: a && b true asserts both,
    // a || b false denies both; other shapes assert nothing.
    private static void Flatten(IOperation condition, bool outcome, List<(IInvocationOperation, bool)> facts)
    {
        switch (condition)
        {
            case IParenthesizedOperation parenthesized:
                Flatten(parenthesized.Operand, outcome, facts);
                break;
            case IConversionOperation conversion:
                Flatten(conversion.Operand, outcome, facts);
                break;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Flatten(not.Operand, !outcome, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when outcome:
                Flatten(both.LeftOperand, true, facts);
                Flatten(both.RightOperand, true, facts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !outcome:
                Flatten(either.LeftOperand, false, facts);
                Flatten(either.RightOperand, false, facts);
                break;
            case IInvocationOperation invocation:
                facts.Add((invocation, outcome));
                break;
        }
    }

    // "/" or Url.Content("~/"), Url.Action("Index", "Home"): a value the program fixes, whatever object it is asked of.
    private static bool IsFixed(IOperation operation)
    {
        operation = Unwrap(operation);
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && !Unwrap(argument.Value).ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation Unwrap(IOperation operation) => OperationShapes.SkipConversionsAndParentheses(operation);

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        _ => null,
    };
}
