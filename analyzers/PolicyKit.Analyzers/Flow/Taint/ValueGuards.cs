using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Flow;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Comparisons that pin a value down: equality with a constant (<c>x == "dark"</c>, <c>x is "a" or "b"</c>) for every
/// kind, and for paths a bare-file-name test (<c>Path.GetFileName(x) == x</c>,
/// <c>x.IndexOfAny(Path.GetInvalidFileNameChars()) &lt; 0</c>: no separator can pass). Also says whether a prefix
/// given to <c>StartsWith</c> ends with a directory separator (CWE-22: "/srv/files" also admits "/srv/files-private").
/// </summary>
internal static class ValueGuards
{
    private const int SeparatorDepth = 3;

    /// <summary>The value <paramref name="comparison"/> evaluating to <paramref name="outcome"/> proves safe, or null.</summary>
    public static IOperation? ProvenByComparison(IBinaryOperation comparison, bool outcome, SinkKind kind)
    {
        var left = Unwrap(comparison.LeftOperand);
        var right = Unwrap(comparison.RightOperand);
        switch (comparison.OperatorKind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                if (outcome != (comparison.OperatorKind == BinaryOperatorKind.Equals))
                {
                    return null;
                }

                if (right.ConstantValue is { HasValue: true, Value: string })
                {
                    return left.ConstantValue.HasValue ? null : left;
                }

                if (left.ConstantValue is { HasValue: true, Value: string })
                {
                    return right;
                }

                if ((kind & SinkKind.Path) != 0)
                {
                    return FileNameOf(left, right) ?? FileNameOf(right, left) ?? NoInvalidCharacters(comparison, left, right, outcome);
                }

                return null;
            case BinaryOperatorKind.LessThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.LessThanOrEqual
                when (kind & SinkKind.Path) != 0:
                return NoInvalidCharacters(comparison, left, right, outcome);
            default:
                return null;
        }
    }

    /// <summary>A pattern made only of non-null, non-boolean constants (<c>"a" or "b"</c>).</summary>
    public static bool IsConstantPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => constant.Value.ConstantValue is { HasValue: true, Value: { } value } && value is not bool,
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => IsConstantPattern(either.LeftPattern) && IsConstantPattern(either.RightPattern),
        _ => false,
    };

    /// <summary>True/false when the prefix is known to end (or not) with '/' or '\'; null when it cannot be told.</summary>
    public static bool? EndsWithSeparator(IOperation prefix, DefinitionIndex index, int depth)
    {
        prefix = Unwrap(prefix);
        if (prefix.ConstantValue is { HasValue: true, Value: var constant })
        {
            return constant switch
            {
                string text => text.EndsWith("/", System.StringComparison.Ordinal) || text.EndsWith("\\", System.StringComparison.Ordinal),
                char single => single is '/' or '\\',
                _ => null,
            };
        }

        switch (prefix)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return EndsWithSeparator(concatenation.RightOperand, index, depth);
            case IFieldReferenceOperation { Field.Name: "DirectorySeparatorChar" or "AltDirectorySeparatorChar" }:
                return true;
            case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated:
                var last = interpolated.Parts[interpolated.Parts.Length - 1];
                return last switch
                {
                    IInterpolatedStringTextOperation text => EndsWithSeparator(text.Text, index, depth),
                    IInterpolationOperation hole => EndsWithSeparator(hole.Expression, index, depth),
                    _ => null,
                };
            case IInvocationOperation { TargetMethod.Name: "GetFullPath" or "Combine" or "Join", Arguments.Length: > 0 } path
                when TypeNames.Is(path.TargetMethod.ContainingType, "System.IO", "Path"):
                // GetFullPath and Combine keep a trailing separator of their last part and add none.
                var lastArgument = path.Arguments[path.Arguments.Length - 1].Value;
                return lastArgument.Type?.SpecialType == SpecialType.System_String ? EndsWithSeparator(lastArgument, index, depth) : null;
            case ILocalReferenceOperation local when depth < SeparatorDepth:
                bool? all = null;
                foreach (var definition in index.DefinitionsOf(local.Local))
                {
                    var ends = definition.Shape == DefinitionShape.Value ? EndsWithSeparator(definition.Operation, index, depth + 1) : null;
                    if (ends is null)
                    {
                        return null;
                    }

                    all = (all ?? true) && ends.Value;
                }

                return all;
            case IFieldReferenceOperation field:
                return DeclaredEnding(field.Field);
            default:
                return null;
        }
    }

    // static readonly string Root = Path.GetFullPath("/srv/x") + Path.DirectorySeparatorChar; read as syntax (the
    // declaration may be in another tree).
    private static bool? DeclaredEnding(IFieldSymbol field)
    {
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return value switch
        {
            BinaryExpressionSyntax { Right: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DirectorySeparatorChar" or "AltDirectorySeparatorChar" } } => true,
            BinaryExpressionSyntax { Right: LiteralExpressionSyntax literal } => literal.Token.ValueText is "/" or "\\",
            LiteralExpressionSyntax literal when literal.Token.Value is string text => text.EndsWith("/", System.StringComparison.Ordinal) || text.EndsWith("\\", System.StringComparison.Ordinal),
            _ => null,
        };
    }

    // Path.GetFileName(x) == x: x is a bare file name.
    private static IOperation? FileNameOf(IOperation call, IOperation other) =>
        call is IInvocationOperation { TargetMethod.Name: "GetFileName", Arguments.Length: 1 } fileName
        && TypeNames.Is(fileName.TargetMethod.ContainingType, "System.IO", "Path")
        && SameValue(Unwrap(fileName.Arguments[0].Value), other)
            ? other
            : null;

    // x.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 (or == -1) holds, or >= 0 (!= -1) fails: no separator in x.
    private static IOperation? NoInvalidCharacters(IBinaryOperation comparison, IOperation left, IOperation right, bool outcome)
    {
        if (left is not IInvocationOperation { TargetMethod.Name: "IndexOfAny", Instance: { } text, Arguments.Length: > 0 } search
            || Unwrap(search.Arguments[0].Value) is not IInvocationOperation { TargetMethod.Name: "GetInvalidFileNameChars" }
            || right.ConstantValue is not { HasValue: true, Value: int bound })
        {
            return null;
        }

        // Whether the comparison holding (true) or failing (false) is what proves the index is -1.
        bool? provesWhen = comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan when bound <= 0 => true,
            BinaryOperatorKind.LessThanOrEqual when bound <= -1 => true,
            BinaryOperatorKind.Equals when bound == -1 => true,
            BinaryOperatorKind.GreaterThanOrEqual when bound <= 0 => false,
            BinaryOperatorKind.GreaterThan when bound == -1 => false,
            BinaryOperatorKind.NotEquals when bound == -1 => false,
            _ => null,
        };
        return provesWhen == outcome ? text : null;
    }

    private static bool SameValue(IOperation a, IOperation b) => (a, b) switch
    {
        (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
        (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
        (IPropertyReferenceOperation x, IPropertyReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Property, y.Property),
        (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
        _ => false,
    };

    private static IOperation Unwrap(IOperation operation) => EndpointBuilderFlow.Unwrap(operation);
}
