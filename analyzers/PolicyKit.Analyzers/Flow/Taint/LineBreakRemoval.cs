using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Calls that remove CR and LF from text, which is what keeps a value from starting a new header line (IPA Web 7-(ii),
/// 8-(iii)): <c>s.Replace("\r", "").Replace("\n", "")</c> in either order (also across a local), <c>ReplaceLineEndings("")</c>,
/// and <c>Regex.Replace(s, "[\r\n]", "")</c> with a constant pattern that names both. Removing only one of the two is
/// not enough: a lone LF ends a header line for many parsers.
/// </summary>
internal static class LineBreakRemoval
{
    public static bool Removes(IInvocationOperation invocation, DefinitionIndex? index)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Replace" when method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic:
                var removed = Removed(invocation);
                if (removed == Break.None)
                {
                    return false;
                }

                return removed == Break.Both || (Earlier(invocation.Instance, index, depth: 3) | removed) == Break.Both;
            case "ReplaceLineEndings" when method.ContainingType?.SpecialType == SpecialType.System_String:
                // Without an argument it writes Environment.NewLine back in.
                return invocation.Arguments.Length == 1 && IsHarmless(invocation.Arguments[0].Value);
            case "Replace" when method.IsStatic && TypeNames.Is(method.ContainingType, "System.Text.RegularExpressions", "Regex"):
                var pattern = TaintSinks.Argument(invocation.Arguments, "pattern");
                var replacement = TaintSinks.Argument(invocation.Arguments, "replacement");
                return Text(pattern) is { } regex && NamesBoth(regex) && replacement is not null && IsHarmless(replacement);
            default:
                return false;
        }
    }

    [System.Flags]
    private enum Break
    {
        None = 0,
        CarriageReturn = 1,
        LineFeed = 2,
        Both = CarriageReturn | LineFeed,
    }

    /// <summary>Which line break one <c>string.Replace</c> removes (its replacement must not contain one).</summary>
    private static Break Removed(IInvocationOperation replace)
    {
        if (replace.Arguments.Length < 2 || !IsHarmless(replace.Arguments[1].Value))
        {
            return Break.None;
        }

        return replace.Arguments[0].Value.ConstantValue.Value switch
        {
            '\r' or "\r" => Break.CarriageReturn,
            '\n' or "\n" => Break.LineFeed,
            _ => Break.None,
        };
    }

    /// <summary>The line breaks removed by the string-replace calls <paramref name="value"/> was built with.</summary>
    private static Break Earlier(IOperation? value, DefinitionIndex? index, int depth)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return Earlier(conversion.Operand, index, depth);
            case IParenthesizedOperation parenthesized:
                return Earlier(parenthesized.Operand, index, depth);
            case IInvocationOperation { TargetMethod.Name: "Replace" } call when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                return Removed(call) | Earlier(call.Instance, index, depth);
            case ILocalReferenceOperation local when index is not null && depth > 0:
                // var a = s.Replace("\r", ""); var b = a.Replace("\n", ""): every definition of the local must remove it.
                var definitions = index.DefinitionsOf(local.Local);
                if (definitions.Count == 0)
                {
                    return Break.None;
                }

                var common = Break.Both;
                foreach (var definition in definitions)
                {
                    common &= definition.Shape == DefinitionShape.Value ? Earlier(definition.Operation, index, depth - 1) : Break.None;
                }

                return common;
            default:
                return Break.None;
        }
    }

    private static bool NamesBoth(string pattern) =>
        (pattern.IndexOf('\r') >= 0 || pattern.Contains("\\r") || pattern.Contains("\\s"))
        && (pattern.IndexOf('\n') >= 0 || pattern.Contains("\\n") || pattern.Contains("\\s"));

    private static bool IsHarmless(IOperation value)
    {
        if (value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } })
        {
            return true;
        }

        return Text(value) is { } text ? text.IndexOf('\r') < 0 && text.IndexOf('\n') < 0 : value.ConstantValue.Value is char c && c != '\r' && c != '\n';
    }

    private static string? Text(IOperation? value) => value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
}
