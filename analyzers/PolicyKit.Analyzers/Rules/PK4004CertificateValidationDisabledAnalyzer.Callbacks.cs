using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// Reads a validation callback written as a lambda: runs its body for the <c>SslPolicyErrors</c> values the platform
/// reports for a bad certificate (untrusted chain, wrong host, none presented) and reports it when one of them is
/// accepted; and recognises callbacks that never look at <c>errors</c> and decide on the certificate's names only.
/// </summary>
public sealed partial class PK4004CertificateValidationDisabledAnalyzer
{
    // SslPolicyErrors: RemoteCertificateNotAvailable = 1, RemoteCertificateNameMismatch = 2, RemoteCertificateChainErrors = 4.
    private static readonly long[] RejectedErrors = { 4, 2, 1, 6, 7 };

    // Certificate members anyone can set when minting a certificate: checking them proves nothing (MN-41).
    private static readonly HashSet<string> NameMembers = new(System.StringComparer.Ordinal)
    {
        "Issuer", "Subject", "IssuerName", "SubjectName", "FriendlyName", "NotAfter", "NotBefore", "Version",
    };

    /// <summary>Why a lambda callback accepts certificates the platform rejected, or null.</summary>
    private static string? AcceptsRejected(IAnonymousFunctionOperation lambda)
    {
        var parameters = lambda.Symbol.Parameters;
        IParameterSymbol? errors = null;
        IParameterSymbol? certificate = null;
        foreach (var parameter in parameters)
        {
            if (parameter.Type.Name == "SslPolicyErrors")
            {
                errors = parameter;
            }
            else if (parameter.Type.Name is "X509Certificate2" or "X509Certificate")
            {
                certificate = parameter;
            }
        }

        if (errors is null)
        {
            return null;
        }

        foreach (var value in RejectedErrors)
        {
            if (new Run(lambda, errors, value, assumeSwitches: false).Result() == Tri.True)
            {
                return "accepts " + Describe(value);
            }
        }

        foreach (var value in RejectedErrors)
        {
            if (new Run(lambda, errors, value, assumeSwitches: true).Result() == Tri.True)
            {
                return "a setting turns validation off";
            }
        }

        return certificate is not null && IgnoresErrorsAndTrustsNames(lambda.Body, errors, certificate, parameters)
            ? "ignores SslPolicyErrors"
            : null;
    }

    private static string Describe(long errors) => errors switch
    {
        4 => "RemoteCertificateChainErrors",
        2 => "RemoteCertificateNameMismatch",
        1 => "RemoteCertificateNotAvailable",
        _ => "SslPolicyErrors " + errors.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // "certificate is not null", "certificate.Issuer.Contains(…)", "certificate.Subject == …": never reads errors or the
    // chain, never hands the certificate to a check, never compares a pin (thumbprint, key, hash, raw data).
    private static bool IgnoresErrorsAndTrustsNames(IOperation body, IParameterSymbol errors, IParameterSymbol certificate,
        System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
    {
        var returnsSomething = false;
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            switch (current)
            {
                case IThrowOperation:
                    return false;
                case IReturnOperation { ReturnedValue: { } value }:
                    returnsSomething |= value.ConstantValue is not { HasValue: true, Value: false };
                    break;
                case IParameterReferenceOperation reference:
                    if (SymbolEqualityComparer.Default.Equals(reference.Parameter, errors))
                    {
                        return false;
                    }

                    if (SymbolEqualityComparer.Default.Equals(reference.Parameter, certificate))
                    {
                        if (!OnlyNamesRead(reference))
                        {
                            return false;
                        }
                    }
                    else if (parameters.Contains(reference.Parameter) && reference.Parameter.Type.Name == "X509Chain")
                    {
                        return false;
                    }

                    break;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return returnsSomething;
    }

    private static bool OnlyNamesRead(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IConditionalAccessOperation access)
        {
            return access.WhenNotNull is IPropertyReferenceOperation accessed && NameMembers.Contains(accessed.Property.Name);
        }

        return parent switch
        {
            IIsPatternOperation { Pattern: var pattern } => IsNullPattern(pattern),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison =>
                comparison.LeftOperand.ConstantValue is { HasValue: true, Value: null }
                || comparison.RightOperand.ConstantValue is { HasValue: true, Value: null },
            IPropertyReferenceOperation property => NameMembers.Contains(property.Property.Name),
            IInvocationOperation invocation => invocation.TargetMethod.Name == "GetNameInfo",
            _ => false,
        };
    }

    private static bool IsNullPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => constant.Value.ConstantValue is { HasValue: true, Value: null },
        INegatedPatternOperation negated => IsNullPattern(negated.Pattern),
        _ => false,
    };

    private enum Tri
    {
        Unknown,
        True,
        False,
    }

    /// <summary>One evaluation of a callback body for a fixed <c>errors</c> value.</summary>
    private sealed class Run
    {
        private readonly IAnonymousFunctionOperation lambda;
        private readonly IParameterSymbol errors;
        private readonly long errorsValue;
        private readonly bool assumeSwitches;
        private int steps;

        public Run(IAnonymousFunctionOperation lambda, IParameterSymbol errors, long errorsValue, bool assumeSwitches)
        {
            this.lambda = lambda;
            this.errors = errors;
            this.errorsValue = errorsValue;
            this.assumeSwitches = assumeSwitches;
        }

        public Tri Result() => Statements(lambda.Body, out var result) ? result : Tri.Unknown;

        // Returns true when the statements end the callback (return/throw), with the answer in "result".
        private bool Statements(IBlockOperation block, out Tri result)
        {
            foreach (var statement in block.Operations)
            {
                if (Statement(statement, out result))
                {
                    return true;
                }
            }

            result = Tri.Unknown;
            return false;
        }

        private bool Statement(IOperation statement, out Tri result)
        {
            result = Tri.Unknown;
            if (++steps > 64)
            {
                return true;
            }

            switch (statement)
            {
                case IReturnOperation { ReturnedValue: { } value }:
                    result = Value(value).Bool;
                    return true;
                case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                    result = Tri.False;
                    return true;
                case IExpressionStatementOperation or IVariableDeclarationGroupOperation or IEmptyOperation:
                    return false;
                case IBlockOperation block:
                    return Statements(block, out result);
                case IConditionalOperation conditional:
                    switch (Value(conditional.Condition).Bool)
                    {
                        case Tri.True:
                            return Statement(conditional.WhenTrue, out result);
                        case Tri.False:
                            return conditional.WhenFalse is { } otherwise && Statement(otherwise, out result);
                        default:
                            // Unknown branch: the answer is unknown, whatever follows.
                            return true;
                    }

                default:
                    return true;
            }
        }

        private Val Value(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation.ConstantValue is { HasValue: true, Value: var constant })
            {
                return constant switch
                {
                    bool flag => Val.Of(flag),
                    int number => Val.Of(number),
                    long number => Val.Of(number),
                    _ => Val.Unknown,
                };
            }

            switch (operation)
            {
                case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, errors):
                    return Val.Of(errorsValue);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Val.Of(Negate(Value(not.Operand).Bool));
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } complement:
                    return Value(complement.Operand) is { IsNumber: true } inner ? Val.Of(~inner.Number) : Val.Unknown;
                case IBinaryOperation binary:
                    return Binary(binary);
                case IIsPatternOperation isPattern:
                    return Val.Of(Matches(Value(isPattern.Value), isPattern.Pattern));
            }

            if (assumeSwitches && operation.Type?.SpecialType == SpecialType.System_Boolean && IsSwitch(operation))
            {
                return Val.Of(true);
            }

            return Val.Unknown;
        }

        private Val Binary(IBinaryOperation binary)
        {
            var kind = binary.OperatorKind;
            if (kind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd)
            {
                var left = Value(binary.LeftOperand).Bool;
                var right = Value(binary.RightOperand).Bool;
                return kind == BinaryOperatorKind.ConditionalOr ? Val.Of(Or(left, right)) : Val.Of(And(left, right));
            }

            var l = Value(binary.LeftOperand);
            var r = Value(binary.RightOperand);
            if (l.IsNumber && r.IsNumber)
            {
                return kind switch
                {
                    BinaryOperatorKind.Equals => Val.Of(l.Number == r.Number),
                    BinaryOperatorKind.NotEquals => Val.Of(l.Number != r.Number),
                    BinaryOperatorKind.And => Val.Of(l.Number & r.Number),
                    BinaryOperatorKind.Or => Val.Of(l.Number | r.Number),
                    BinaryOperatorKind.ExclusiveOr => Val.Of(l.Number ^ r.Number),
                    _ => Val.Unknown,
                };
            }

            return kind switch
            {
                BinaryOperatorKind.And => Val.Of(And(l.Bool, r.Bool)),
                BinaryOperatorKind.Or => Val.Of(Or(l.Bool, r.Bool)),
                BinaryOperatorKind.Equals when l.IsBool && r.IsBool => Val.Of(l.Bool == r.Bool),
                BinaryOperatorKind.NotEquals when l.IsBool && r.IsBool => Val.Of(l.Bool != r.Bool),
                _ => Val.Unknown,
            };
        }

        private Tri Matches(Val value, IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    var expected = Value(constant.Value);
                    if (value.IsNumber && expected.IsNumber)
                    {
                        return value.Number == expected.Number ? Tri.True : Tri.False;
                    }

                    return value.IsBool && expected.IsBool ? (value.Bool == expected.Bool ? Tri.True : Tri.False) : Tri.Unknown;
                case INegatedPatternOperation negated:
                    return Negate(Matches(value, negated.Pattern));
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    return Or(Matches(value, or.LeftPattern), Matches(value, or.RightPattern));
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                    return And(Matches(value, and.LeftPattern), Matches(value, and.RightPattern));
                default:
                    return Tri.Unknown;
            }
        }

        // A condition that reads none of the callback's parameters or locals (a captured setting, an options field):
        // when it holds, the certificate is never looked at. Development-only switches are left to review.
        private bool IsSwitch(IOperation operation)
        {
            if (EnvironmentGuard.Implies(operation, true, 0))
            {
                return false;
            }

            var stack = new Stack<IOperation>();
            stack.Push(operation);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                switch (current)
                {
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, lambda.Symbol):
                        return false;
                    case ILocalReferenceOperation local when IsDeclaredInside(local.Local):
                        return false;
                    case IInvocationOperation or IAnonymousFunctionOperation:
                        // A call may validate (IsTrusted(certificate, root)); only plain values are switches.
                        return false;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return true;
        }

        private bool IsDeclaredInside(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (lambda.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static Tri Negate(Tri value) => value switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    private static Tri Or(Tri left, Tri right) =>
        left == Tri.True || right == Tri.True ? Tri.True : left == Tri.False && right == Tri.False ? Tri.False : Tri.Unknown;

    private static Tri And(Tri left, Tri right) =>
        left == Tri.False || right == Tri.False ? Tri.False : left == Tri.True && right == Tri.True ? Tri.True : Tri.Unknown;

    private readonly struct Val
    {
        private Val(bool isBool, Tri flag, bool isNumber, long number)
        {
            IsBool = isBool;
            Bool = flag;
            IsNumber = isNumber;
            Number = number;
        }

        public static Val Unknown => default;

        public bool IsBool { get; }

        public Tri Bool { get; }

        public bool IsNumber { get; }

        public long Number { get; }

        public static Val Of(bool flag) => new(true, flag ? Tri.True : Tri.False, false, 0);

        public static Val Of(Tri flag) => flag == Tri.Unknown ? Unknown : new(true, flag, false, 0);

        public static Val Of(long number) => new(false, Tri.Unknown, true, number);
    }
}
