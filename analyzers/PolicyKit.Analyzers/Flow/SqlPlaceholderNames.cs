using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Recognises the element of a generated placeholder list, <c>ids.Select((_, i) =&gt; "@id" + i)</c> or
/// <c>$":p{i}"</c>: a parameter marker (<c>@</c>, <c>:</c>, <c>?</c>, <c>$</c>) followed only by constants and integers.
/// Joined into <c>IN (…)</c>, such names add placeholders, never values, so the statement stays parameterised
/// (a shape SAST rules flag, e.g. n24q02m/wet-mcp PR #1347, closed as a false positive).
/// </summary>
internal static class SqlPlaceholderNames
{
    /// <summary>Whether the lambda behind <paramref name="selector"/> returns only placeholder names.</summary>
    public static bool IsPlaceholderSelector(IOperation selector)
    {
        if (Unwrap(selector) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            return false;
        }

        var any = false;
        foreach (var operation in lambda.Body.Operations)
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                if (!IsPlaceholderName(returned))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool IsPlaceholderName(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return StartsWithMarker(constant);
        }

        var first = true;
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return IsPlaceholderName(binary.LeftOperand) && IsConstantOrInteger(binary.RightOperand);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    var ok = part switch
                    {
                        IInterpolatedStringTextOperation text => !first || text.Text.ConstantValue.Value is string s && StartsWithMarker(s),
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => !first && IsConstantOrInteger(hole.Expression),
                        _ => false,
                    };
                    if (!ok)
                    {
                        return false;
                    }

                    first = false;
                }

                return !first;
            default:
                return false;
        }
    }

    private static bool IsConstantOrInteger(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        switch (value.Type?.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return true;
            default:
                return false;
        }
    }

    private static bool StartsWithMarker(string text) =>
        text.Length > 0 && text[0] is '@' or ':' or '?' or '$';

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
