using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>Looking through the operations that only wrap a value: conversions and parentheses.</summary>
internal static class OperationShapes
{
    /// <summary>The value under any conversions and parentheses (<c>(object)(x)</c> → <c>x</c>).</summary>
    public static IOperation SkipConversionsAndParentheses(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
