using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// The value an options property is set to, when the source fixes it: a constant, a local or readonly field
/// initialised with one, <c>TimeSpan.FromMinutes(30)</c>, <c>new TimeSpan(0, 30, 0)</c>, or
/// <c>DateTimeOffset.UtcNow.AddDays(7)</c> (as a duration from now). Anything else (configuration, method results)
/// is unknown: the rules that use this stay silent rather than guess.
/// </summary>
internal static class ConfiguredValue
{
    private const int MaxDepth = 4;

    /// <summary>The constant a value has (conversions removed, locals followed), or no value.</summary>
    public static Optional<object?> Constant(IOperation value, CancellationToken cancellationToken) =>
        Constant(value, cancellationToken, 0);

    /// <summary>A constant <see cref="int"/>.</summary>
    public static bool TryInt(IOperation value, CancellationToken cancellationToken, out int result)
    {
        var constant = Constant(value, cancellationToken);
        if (constant is { HasValue: true, Value: int number })
        {
            result = number;
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary>A constant <see cref="bool"/>.</summary>
    public static bool TryBool(IOperation value, CancellationToken cancellationToken, out bool result)
    {
        var constant = Constant(value, cancellationToken);
        if (constant is { HasValue: true, Value: bool flag })
        {
            result = flag;
            return true;
        }

        result = false;
        return false;
    }

    /// <summary>The underlying value of a constant enum member (<c>CookieSecurePolicy.None</c> → 2).</summary>
    public static bool TryEnum(IOperation value, CancellationToken cancellationToken, out long result)
    {
        var constant = Constant(value, cancellationToken);
        if (constant.HasValue && constant.Value is int or long or byte or short or uint or ushort or sbyte)
        {
            result = Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary>A fixed <see cref="TimeSpan"/>, in minutes.</summary>
    public static bool TryMinutes(IOperation value, CancellationToken cancellationToken, out double minutes) =>
        TryMinutes(value, cancellationToken, 0, out minutes);

    /// <summary>
    /// A point in time given as "now plus a fixed duration" (<c>DateTimeOffset.UtcNow.AddDays(7)</c>,
    /// <c>DateTime.Now.AddMinutes(30)</c>, <c>DateTimeOffset.UtcNow + TimeSpan.FromHours(1)</c>), as minutes from now.
    /// </summary>
    public static bool TryMinutesFromNow(IOperation value, CancellationToken cancellationToken, out double minutes) =>
        TryMinutesFromNow(value, cancellationToken, 0, out minutes);

    private static Optional<object?> Constant(IOperation value, CancellationToken cancellationToken, int depth)
    {
        var operation = EndpointBuilderFlow.Unwrap(value);
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue;
        }

        if (depth < MaxDepth && InitialValue.Of(operation, mutableContents: false, cancellationToken) is { } initial)
        {
            return Constant(initial, cancellationToken, depth + 1);
        }

        return default;
    }

    private static bool TryMinutes(IOperation value, CancellationToken cancellationToken, int depth, out double minutes)
    {
        minutes = 0;
        var operation = EndpointBuilderFlow.Unwrap(value);
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } call
                when IsTimeSpan(method.ContainingType) && UnitOf(method.Name) is { } unit:
                return TryScaledFirstArgument(call, unit, cancellationToken, out minutes);

            case IObjectCreationOperation { Constructor: { } constructor } creation when IsTimeSpan(constructor.ContainingType):
                return TryConstruct(creation, cancellationToken, out minutes);

            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsTimeSpan(field.ContainingType):
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary
                when depth < MaxDepth && IsTimeSpan(binary.Type):
                if (TryMinutes(binary.LeftOperand, cancellationToken, depth + 1, out var left)
                    && TryMinutes(binary.RightOperand, cancellationToken, depth + 1, out var right))
                {
                    minutes = binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
                    return true;
                }

                return false;
        }

        if (depth < MaxDepth && InitialValue.Of(operation, mutableContents: false, cancellationToken) is { } initial)
        {
            return TryMinutes(initial, cancellationToken, depth + 1, out minutes);
        }

        return false;
    }

    private static bool TryMinutesFromNow(IOperation value, CancellationToken cancellationToken, int depth, out double minutes)
    {
        minutes = 0;
        var operation = EndpointBuilderFlow.Unwrap(value);
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: false } method, Instance: { } instance } call
                when IsNow(instance) && AddUnitOf(method.Name) is { } unit:
                return TryScaledFirstArgument(call, unit, cancellationToken, out minutes);

            case IInvocationOperation { TargetMethod: { IsStatic: false, Name: "Add" }, Instance: { } instance } add
                when IsNow(instance) && add.Arguments.Length == 1:
                return TryMinutes(add.Arguments[0].Value, cancellationToken, depth + 1, out minutes);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsNow(binary.LeftOperand):
                return TryMinutes(binary.RightOperand, cancellationToken, depth + 1, out minutes);
        }

        if (depth < MaxDepth && InitialValue.Of(operation, mutableContents: false, cancellationToken) is { } initial)
        {
            return TryMinutesFromNow(initial, cancellationToken, depth + 1, out minutes);
        }

        return false;
    }

    // DateTime.Now/UtcNow/Today, DateTimeOffset.Now/UtcNow, and TimeProvider.GetUtcNow()/GetLocalNow().
    private static bool IsNow(IOperation instance)
    {
        var operation = EndpointBuilderFlow.Unwrap(instance);
        return operation switch
        {
            IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" or "Today" } property } =>
                property.ContainingType.SpecialType == SpecialType.System_DateTime || IsSystemType(property.ContainingType, "DateTimeOffset"),
            IInvocationOperation { TargetMethod.Name: "GetUtcNow" or "GetLocalNow" } => true,
            _ => false,
        };
    }

    private static bool TryScaledFirstArgument(IInvocationOperation call, double unit, CancellationToken cancellationToken, out double minutes)
    {
        minutes = 0;
        if (call.Arguments.Length == 0)
        {
            return false;
        }

        // .NET 9 added FromMinutes(long minutes, long seconds = 0, …): the optional parts must be absent or zero.
        for (var i = 1; i < call.Arguments.Length; i++)
        {
            if (!IsZero(Constant(call.Arguments[i].Value, cancellationToken)))
            {
                return false;
            }
        }

        if (!TryNumber(Constant(call.Arguments[0].Value, cancellationToken), out var amount))
        {
            return false;
        }

        minutes = amount * unit;
        return true;
    }

    private static bool TryConstruct(IObjectCreationOperation creation, CancellationToken cancellationToken, out double minutes)
    {
        minutes = 0;
        var parts = new double[creation.Arguments.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryNumber(Constant(creation.Arguments[i].Value, cancellationToken), out parts[i]))
            {
                return false;
            }
        }

        switch (parts.Length)
        {
            case 1:
                minutes = parts[0] / TimeSpan.TicksPerMinute;
                return true;
            case 3:
                minutes = (parts[0] * 60) + parts[1] + (parts[2] / 60);
                return true;
            case 4:
            case 5:
            case 6:
                minutes = (parts[0] * 1440) + (parts[1] * 60) + parts[2] + (parts[3] / 60);
                return true;
            default:
                return false;
        }
    }

    private static double? UnitOf(string name) => name switch
    {
        "FromDays" or "Days" => 1440,
        "FromHours" or "Hours" => 60,
        "FromMinutes" or "Minutes" => 1,
        "FromSeconds" or "Seconds" => 1.0 / 60,
        "FromMilliseconds" or "Milliseconds" => 1.0 / 60000,
        _ => null,
    };

    // DateTime.AddDays(n), DateTimeOffset.AddMinutes(n) …; a month counts as its shortest length (28 days) and a year as
    // 365 days, so that "longer than the limit" is never claimed for a span that might not be.
    private static double? AddUnitOf(string name) => name switch
    {
        "AddMonths" => 28 * 1440,
        "AddYears" => 365 * 1440,
        _ => name.StartsWith("Add", StringComparison.Ordinal) ? UnitOf(name.Substring(3)) : null,
    };

    private static bool TryNumber(Optional<object?> constant, out double number)
    {
        number = 0;
        if (!constant.HasValue || constant.Value is null or bool or string or char)
        {
            return false;
        }

        if (constant.Value is not IConvertible convertible)
        {
            return false;
        }

        number = convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsZero(Optional<object?> constant) => TryNumber(constant, out var number) && number == 0;

    private static bool IsTimeSpan(ITypeSymbol? type) => IsSystemType(type, "TimeSpan");

    private static bool IsSystemType(ITypeSymbol? type, string name) =>
        type is { Name: var typeName, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
        && typeName == name;
}
