using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Checks that validate a value before a sink: the sink sits inside <c>if (check(x))</c> (or the true arm of
/// <c>check(x) ? … : …</c>), or follows <c>if (!check(x)) return/throw …;</c> in an enclosing block. Recognised checks:
/// <c>Url.IsLocalUrl(x)</c> (redirects), <c>Path.GetFullPath(x).StartsWith(root)</c> (paths), and for every kind an
/// allow-list <c>set.Contains(x)</c> (or <c>Array.IndexOf(set, x) &gt;= 0</c>) or <c>Regex.IsMatch(x, pattern)</c>. Values are compared by access path
/// (<c>returnUrl</c>, <c>model.ReturnUrl</c>), following locals back through their definitions a few steps.
/// </summary>
internal static class TaintGuards
{
    private const int ExpansionDepth = 3;

    public static bool IsGuarded(IOperation sink, IOperation value, SinkKind kind, DefinitionIndex index, DeclaredDataFlow? declared = null)
    {
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        Collect(value, keys, index, ExpansionDepth);
        if (keys.Count == 0)
        {
            return false;
        }

        // check(x) ? x : "/" given to the sink directly or through a local assigned only such choices.
        if (RedirectGuards.ChoosesCheckedValue(value, index, (condition, outcome, armKeys) => Holds(condition, outcome, kind, armKeys, index, declared)))
        {
            return true;
        }

        IOperation child = sink;
        for (var parent = sink.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    if (ReferenceEquals(child, conditional.WhenTrue) && Holds(conditional.Condition, true, kind, keys, index, declared))
                    {
                        return true;
                    }

                    if (ReferenceEquals(child, conditional.WhenFalse) && Holds(conditional.Condition, false, kind, keys, index, declared))
                    {
                        return true;
                    }

                    break;
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, child))
                        {
                            break;
                        }

                        if (statement is IConditionalOperation { WhenTrue: { } exit } check && Exits(exit) && Holds(check.Condition, false, kind, keys, index, declared))
                        {
                            return true;
                        }

                        // if (!Url.IsLocalUrl(u)) u = "/";  then the sink: the value that reaches it was checked or replaced.
                        if (statement is IConditionalOperation { WhenTrue: { } replace, WhenFalse: null } replaced
                            && RedirectGuards.Replaces(replace, value, index) && Holds(replaced.Condition, false, kind, keys, index, declared))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>Whether <paramref name="condition"/> evaluating to <paramref name="outcome"/> proves one of the keys safe.</summary>
    private static bool Holds(IOperation condition, bool outcome, SinkKind kind, HashSet<string> keys, DefinitionIndex index, DeclaredDataFlow? declared)
    {
        if ((kind & SinkKind.Redirect) != 0 && condition is IBinaryOperation or IUnaryOperation
            && RedirectGuards.TestsLocalPath(condition, outcome, value => Overlaps(value, keys, index)))
        {
            return true;
        }

        switch (condition)
        {
            case IParenthesizedOperation parenthesized:
                return Holds(parenthesized.Operand, outcome, kind, keys, index, declared);
            case IConversionOperation conversion:
                return Holds(conversion.Operand, outcome, kind, keys, index, declared);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Holds(not.Operand, !outcome, kind, keys, index, declared);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when outcome:
                return Holds(both.LeftOperand, true, kind, keys, index, declared) || Holds(both.RightOperand, true, kind, keys, index, declared);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !outcome:
                return Holds(either.LeftOperand, false, kind, keys, index, declared) || Holds(either.RightOperand, false, kind, keys, index, declared);
            case IBinaryOperation comparison when IndexOfFound(comparison) is { } found:
                // Array.IndexOf(allowed, x) >= 0, list.IndexOf(x) != -1, … < 0 → return: an allow-list lookup.
                return outcome == found.WhenTrue && Overlaps(found.Value, keys, index, (IInvocationOperation)comparison.LeftOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when ValueGuards.ProvenByComparison(comparison, outcome, kind) is { } compared:
                return Overlaps(compared, keys, index);
            case IBinaryOperation comparison when ValueGuards.ProvenByComparison(comparison, outcome, kind) is { } compared:
                return Overlaps(compared, keys, index);
            case IIsPatternOperation pattern when outcome && ValueGuards.IsConstantPattern(pattern.Pattern):
                // x is "default" or "dark": only the listed constants pass.
                return Overlaps(pattern.Value, keys, index);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right })
                {
                    return Holds(comparison.LeftOperand, outcome == (right == equals), kind, keys, index, declared);
                }

                return comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool left }
                    && Holds(comparison.RightOperand, outcome == (left == equals), kind, keys, index, declared);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } pattern:
                return Holds(pattern.Value, outcome == expected, kind, keys, index, declared);
            case IInvocationOperation invocation when outcome:
                return ((declared?.Guarded(invocation, kind) ?? Checked(invocation, kind)) is { } checkedValue && Overlaps(checkedValue, keys, index, invocation))
                    || (ParsedAddress(invocation, kind) is { } parsed && Overlaps(parsed, keys, index, invocation));
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>Array.IndexOf(set, x) OP n</c> or <c>list.IndexOf(x) OP n</c> (a collection, not a string) compared with a
    /// constant: the value looked up, and the outcome of the comparison that means "found".
    /// </summary>
    private static (IOperation Value, bool WhenTrue)? IndexOfFound(IBinaryOperation comparison)
    {
        if (comparison.LeftOperand is not IInvocationOperation { TargetMethod.Name: "IndexOf" } call
            || comparison.RightOperand.ConstantValue is not { HasValue: true, Value: int bound })
        {
            return null;
        }

        IOperation? value;
        if (call.Instance is null)
        {
            value = TypeNames.Is(call.TargetMethod.ContainingType, "System", "Array") && call.Arguments.Length >= 2 ? call.Arguments[1].Value : null;
        }
        else
        {
            value = call.Instance.Type is { SpecialType: not SpecialType.System_String } && call.Arguments.Length >= 1 ? call.Arguments[0].Value : null;
        }

        // IndexOf returns -1 when absent, an index >= 0 when present.
        bool? whenTrue = comparison.OperatorKind switch
        {
            BinaryOperatorKind.GreaterThanOrEqual when bound == 0 => true,
            BinaryOperatorKind.GreaterThan when bound == -1 => true,
            BinaryOperatorKind.NotEquals when bound == -1 => true,
            BinaryOperatorKind.LessThan when bound == 0 => false,
            BinaryOperatorKind.LessThanOrEqual when bound == -1 => false,
            BinaryOperatorKind.Equals when bound == -1 => false,
            _ => null,
        };
        return value is not null && whenTrue is { } outcome ? (value, outcome) : null;
    }

    /// <summary>The value a recognised check validates for <paramref name="kind"/>, or null.</summary>
    private static IOperation? Checked(IInvocationOperation invocation, SinkKind kind)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "IsLocalUrl" when (kind & SinkKind.Redirect) != 0:
                return FirstArgument(invocation);
            case "TryCreate" or "IsWellFormedUriString" when (kind & SinkKind.Redirect) != 0 && RedirectGuards.IsRelativeUriTest(invocation):
                return FirstArgument(invocation);
            case var name when (kind & SinkKind.Redirect) != 0 && name.StartsWith("IsLocal", System.StringComparison.Ordinal)
                                                             && method.ReturnType.SpecialType == SpecialType.System_Boolean:
                // The application's own local-URL test (IsLocal, IsLocalPath, IsLocalReturnUrl) over one URL.
                return FirstArgument(invocation);
            case "StartsWith" when (kind & SinkKind.Path) != 0 && method.ContainingType?.SpecialType == SpecialType.System_String:
                return invocation.Instance;
            case "Contains" when invocation.Instance is { Type: { } receiver } && receiver.SpecialType != SpecialType.System_String:
            case "Contains" when invocation.Instance is null && method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType != SpecialType.System_String:
                // An allow-list: HashSet/array/list Contains (instance or Enumerable.Contains extension).
                return invocation.Arguments.Length > 0 ? invocation.Arguments[invocation.Arguments.Length - 1].Value : null;
            case "IsMatch" when TypeNames.Is(method.ContainingType, "System.Text.RegularExpressions", "Regex"):
                return FirstArgument(invocation);
            case "TryCreate" when (kind & SinkKind.Header) != 0 && TypeNames.Is(method.ContainingType, "System.Net.Mail", "MailAddress"):
                // IPA Web 8: an address that parses as one mail address carries no extra header line or recipient.
                return FirstArgument(invocation);
            default:
                return null;
        }
    }

    /// <summary>The <c>out</c> address of <c>MailAddress.TryCreate(text, out address)</c>: proven as well as the text.</summary>
    private static IOperation? ParsedAddress(IInvocationOperation invocation, SinkKind kind)
    {
        if ((kind & SinkKind.Header) == 0 || invocation.TargetMethod.Name != "TryCreate"
            || !TypeNames.Is(invocation.TargetMethod.ContainingType, "System.Net.Mail", "MailAddress"))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static IOperation? FirstArgument(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;

    private static bool Overlaps(IOperation checkedValue, HashSet<string> keys, DefinitionIndex index)
    {
        var guarded = new HashSet<string>(System.StringComparer.Ordinal);
        Collect(checkedValue, guarded, index, 0);
        foreach (var key in guarded)
        {
            if (keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sink kinds among <paramref name="kinds"/> for which <paramref name="condition"/> evaluating to
    /// <paramref name="outcome"/> proves <paramref name="arm"/> safe: <c>check(x) ? x : throw …</c> in a helper's return.
    /// </summary>
    public static SinkKind ProvenKinds(IOperation condition, bool outcome, IOperation arm, SinkKind kinds, DefinitionIndex index, DeclaredDataFlow? declared)
    {
        var keys = KeysOf(arm, index);
        if (keys.Count == 0)
        {
            return SinkKind.None;
        }

        var proven = SinkKind.None;
        foreach (var kind in CheckedKinds)
        {
            if ((kinds & kind) != 0 && Holds(condition, outcome, kind, keys, index, declared))
            {
                proven |= kind;
            }
        }

        return proven;
    }

    private static readonly SinkKind[] CheckedKinds = { SinkKind.Path, SinkKind.Redirect, SinkKind.Html, SinkKind.Command, SinkKind.Sql, SinkKind.Header };

    /// <summary>The access paths a value reads, following locals back a few steps (for a guard's argument or a choice's arm).</summary>
    public static HashSet<string> KeysOf(IOperation value, DefinitionIndex index)
    {
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        Collect(value, keys, index, ExpansionDepth);
        return keys;
    }

    private static bool Overlaps(IOperation checkedValue, HashSet<string> keys, DefinitionIndex index, IInvocationOperation check)
    {
        var guarded = new HashSet<string>(System.StringComparer.Ordinal);
        Collect(checkedValue, guarded, index, 0);

        // A prefix check only proves a canonical path: Path.GetFullPath(x).StartsWith(root), or a local holding one.
        if (check.TargetMethod.Name == "StartsWith" && !IsCanonical(checkedValue, index, guarded))
        {
            return false;
        }

        // full.StartsWith("/srv/files") also admits "/srv/files-private/…": the root must end with a separator.
        if (check.TargetMethod.Name == "StartsWith" && check.Arguments.Length > 0
            && ValueGuards.EndsWithSeparator(check.Arguments[0].Value, index, 0) == false)
        {
            return false;
        }

        foreach (var key in guarded)
        {
            if (keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCanonical(IOperation value, DefinitionIndex index, HashSet<string> guarded)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return IsCanonical(conversion.Operand, index, guarded);
            case IInvocationOperation { TargetMethod.Name: "GetFullPath" } fullPath when TypeNames.Is(fullPath.TargetMethod.ContainingType, "System.IO", "Path"):
                // The raw input inside GetFullPath(...) is proven too: the check covers what it canonicalises.
                foreach (var argument in fullPath.Arguments)
                {
                    Collect(argument.Value, guarded, index, ExpansionDepth);
                }

                return true;
            case IPropertyReferenceOperation { Property.Name: "FullName" } fullName:
                return TypeNames.InNamespace(fullName.Property.ContainingType?.ContainingNamespace, "System.IO");
            case ILocalReferenceOperation local:
                foreach (var definition in index.DefinitionsOf(local.Local))
                {
                    if (definition.Shape == DefinitionShape.Value && IsCanonical(definition.Operation, index, guarded))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Adds the access paths read by <paramref name="value"/>, following locals back <paramref name="depth"/> steps.</summary>
    private static void Collect(IOperation value, HashSet<string> keys, DefinitionIndex index, int depth)
    {
        if (Path(value) is { } path)
        {
            keys.Add(path);
            if (depth > 0 && value is ILocalReferenceOperation local)
            {
                foreach (var definition in index.DefinitionsOf(local.Local))
                {
                    if (definition.Shape == DefinitionShape.Value)
                    {
                        Collect(definition.Operation, keys, index, depth - 1);
                    }
                }
            }

            return;
        }

        foreach (var child in value.ChildOperations)
        {
            Collect(child, keys, index, depth);
        }
    }

    private static string? Path(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => "L:" + local.Local.Name,
        IParameterReferenceOperation parameter => "P:" + parameter.Parameter.Name,
        IFieldReferenceOperation field => Member(field.Instance, field.Field.Name),
        IPropertyReferenceOperation { Property.IsIndexer: false } property => Member(property.Instance, property.Property.Name),
        _ => null,
    };

    private static string? Member(IOperation? instance, string name) => instance switch
    {
        null or IInstanceReferenceOperation => "T:" + name,
        _ => Path(instance) is { } root ? root + "." + name : null,
    };
}
