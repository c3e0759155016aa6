using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// One backwards walk from a value to what it is made of, inside one body. Flow-insensitive for locals (every
/// definition counts), which over-approximates; guards are checked separately, at the sink (<see cref="TaintGuards"/>).
/// In entry mode (<c>owner</c> null) bound parameters are sources; in summary mode the owner's parameters become
/// placeholder bits that the caller maps onto its arguments.
/// </summary>
internal sealed class TaintWalker
{
    private readonly TaintEngine _engine;
    private readonly DefinitionIndex _index;
    private readonly IMethodSymbol? _owner;
    private readonly int _depth;
    private readonly WorkBudget _budget;
    private readonly Dictionary<ISymbol, TaintValue> _done = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);
    private int _cuts;
    private int _nesting;

    public TaintWalker(TaintEngine engine, DefinitionIndex index, IMethodSymbol? owner, int depth, WorkBudget budget)
    {
        _engine = engine;
        _index = index;
        _owner = owner;
        _depth = depth;
        _budget = budget;
    }

    private bool SummaryMode => _owner is not null;

    /// <summary>How deep one walk may recurse (a chain of locals each built from the previous one) before it stops.</summary>
    public const int MaxNesting = 400;

    public TaintValue Visit(IOperation? operation)
    {
        if (operation is null || !_budget.Tick() || operation.ConstantValue.HasValue || TypeNames.IsInert(operation.Type))
        {
            return TaintValue.Clean;
        }

        if (_nesting >= MaxNesting)
        {
            // Deeper recursion would risk the compiler's stack; treated as running out of budget.
            _budget.Stop();
            return TaintValue.Clean;
        }

        _nesting++;
        try
        {
            return VisitCore(operation);
        }
        finally
        {
            _nesting--;
        }
    }

    private TaintValue VisitCore(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Visit(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Visit(parenthesized.Operand);
            case IInterpolatedStringHandlerCreationOperation handler:
                return Visit(handler.Content);
            case IInterpolatedStringOperation interpolated:
                return Interpolated(interpolated);
            case IBinaryOperation binary:
                return Visit(binary.LeftOperand).Or(Visit(binary.RightOperand));
            case IConditionalOperation conditional:
                return Arm(conditional, conditional.WhenTrue, true).Or(Arm(conditional, conditional.WhenFalse, false));
            case ICoalesceOperation coalesce:
                return Visit(coalesce.Value).Or(Visit(coalesce.WhenNull));
            case ISwitchExpressionOperation switchExpression:
                var arms = TaintValue.Clean;
                foreach (var arm in switchExpression.Arms)
                {
                    arms = arms.Or(Visit(arm.Value));
                }

                return arms;
            case ICompoundAssignmentOperation compound:
                return Visit(compound.Target).Or(Visit(compound.Value));
            case IAssignmentOperation assignment:
                return Visit(assignment.Value);
            case ILocalReferenceOperation local:
                return Symbol(local.Local);
            case IParameterReferenceOperation parameter:
                return Parameter(parameter);
            case IFieldReferenceOperation field:
                return Member(field.Field, field.Instance, getter: null);
            case IPropertyReferenceOperation property:
                return Property(property);
            case IArrayElementReferenceOperation element:
                return Visit(element.ArrayReference);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IObjectCreationOperation creation:
                return Creation(creation);
            case IAnonymousObjectCreationOperation anonymous:
                return Initializers(anonymous.Initializers);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return Elements(initializer.ElementValues);
            case ITupleOperation tuple:
                return Elements(tuple.Elements);
            case IAwaitOperation awaited:
                return Visit(awaited.Operation);
            case IConditionalAccessOperation conditionalAccess:
                return Visit(conditionalAccess.WhenNotNull);
            case IConditionalAccessInstanceOperation instance:
                return ConditionalReceiver(instance);
            case IInstanceReferenceOperation:
                return SummaryMode ? TaintValue.FromBit(TaintValue.ReceiverBit) : TaintValue.Clean;
            default:
                return TaintValue.Clean;
        }
    }

    // check(x) ? x : throw …: the arm taken only when the check holds is clean for the kinds the check proves.
    private TaintValue Arm(IConditionalOperation conditional, IOperation? arm, bool outcome)
    {
        var value = Visit(arm);
        if (value.IsClean || arm is null)
        {
            return value;
        }

        var proven = TaintGuards.ProvenKinds(conditional.Condition, outcome, arm, value.Kinds | value.ParameterKinds, _index, _engine.Declared);
        return proven == SinkKind.None ? value : value.Without(proven);
    }

    private TaintValue Interpolated(IInterpolatedStringOperation interpolated)
    {
        var result = TaintValue.Clean;
        string? before = null;
        foreach (var part in interpolated.Parts)
        {
            var hole = part switch
            {
                IInterpolationOperation interpolation => interpolation.Expression,
                IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call } when call.Arguments.Length > 0 && part.Kind != OperationKind.InterpolatedStringAppendLiteral
                    => call.Arguments[0].Value,
                _ => null,
            };

            // href="{HtmlEncoder.Default.Encode(url)}": HTML encoding keeps "javascript:alert(1)" intact.
            result = result.Or(before is not null && UrlAttributes.Opens(before) && UrlAttributes.HtmlEncoded(hole, _engine) is { } encoded
                ? Visit(encoded)
                : Visit(hole));
            before = part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } ? text : null;
        }

        return result;
    }

    private TaintValue Elements(ImmutableArray<IOperation> elements)
    {
        var result = TaintValue.Clean;
        foreach (var element in elements)
        {
            result = result.Or(Visit(element));
        }

        return result;
    }

    private TaintValue Initializers(ImmutableArray<IOperation> initializers)
    {
        var result = TaintValue.Clean;
        foreach (var initializer in initializers)
        {
            switch (initializer)
            {
                case IAssignmentOperation assignment:
                    result = result.Or(Visit(assignment.Value));
                    break;
                case IMemberInitializerOperation member:
                    result = result.Or(Initializers(member.Initializer.Initializers));
                    break;
                case IInvocationOperation add:
                    result = result.Or(Arguments(add.Arguments));
                    break;
                default:
                    result = result.Or(Visit(initializer));
                    break;
            }
        }

        return result;
    }

    private TaintValue ConditionalReceiver(IConditionalAccessInstanceOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return Visit(access.Operation);
            }
        }

        return TaintValue.Clean;
    }

    /// <summary>A local (or a field or property of the receiver): the union of every definition in the body.</summary>
    private TaintValue Symbol(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        if (_done.TryGetValue(symbol, out var known))
        {
            return known;
        }

        if (!_visiting.Add(symbol))
        {
            // Already being followed higher up (s = s + x): its other definitions decide.
            _cuts++;
            return TaintValue.Clean;
        }

        var cutsBefore = _cuts;
        var result = TaintValue.Clean;
        foreach (var definition in _index.DefinitionsOf(symbol))
        {
            result = result.Or(definition.Shape switch
            {
                DefinitionShape.Value => Visit(definition.Operation),
                DefinitionShape.Element => Visit(definition.Operation),
                DefinitionShape.Appended => Arguments(((IInvocationOperation)definition.Operation).Arguments),
                _ => OutValue(definition.Operation),
            });
        }

        _visiting.Remove(symbol);
        if (_cuts == cutsBefore)
        {
            _done[symbol] = result;
        }

        return result;
    }

    private TaintValue OutValue(IOperation call) => call switch
    {
        // dictionary.TryGetValue(key, out value): the value is an element of the collection, as with dictionary[key];
        // the key only chose it.
        IInvocationOperation { TargetMethod: { Name: "TryGetValue", IsStatic: false }, Instance: { } instance } => Visit(instance),
        IInvocationOperation invocation => Visit(invocation.Instance).Or(Arguments(invocation.Arguments)),
        IObjectCreationOperation creation => Arguments(creation.Arguments),
        _ => TaintValue.Clean,
    };

    private TaintValue Arguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var result = TaintValue.Clean;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            result = result.Or(Visit(argument.Value));
        }

        return result;
    }

    private TaintValue Parameter(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (_owner is null)
        {
            return _engine.Sources.Parameter(parameter, reference, _budget.CancellationToken).Or(Symbol(parameter));
        }

        if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _owner))
        {
            return TaintValue.FromParameter(parameter.Ordinal).Or(Symbol(parameter));
        }

        // A primary-constructor parameter captured by a member: it came with the object.
        return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _owner.ContainingType)
            ? TaintValue.FromBit(TaintValue.ReceiverBit)
            : Symbol(parameter);
    }

    private TaintValue Property(IPropertyReferenceOperation reference)
    {
        var source = _engine.Sources.Property(reference);
        if (!source.IsClean)
        {
            return source;
        }

        var property = reference.Property;
        if (property.IsIndexer && StoredValues.ReadKey(reference) is { } storedKey)
        {
            return _engine.Stored.Read(reference, storedKey, _budget.CancellationToken);
        }

        if (property.IsIndexer)
        {
            // Request.Query["q"], dictionary[key], list[i]: an element of the collection.
            return Visit(reference.Instance);
        }

        var getter = property.GetMethod is { } get && _engine.HasComputedBody(property) ? get : null;
        return Member(property, reference.Instance, getter);
    }

    /// <summary>A field or property: of the receiver (set in this body or from constructor arguments) or of another object.</summary>
    private TaintValue Member(ISymbol member, IOperation? instance, IMethodSymbol? getter)
    {
        if (member.IsStatic)
        {
            return Symbol(member);
        }

        if (getter is not null)
        {
            return Call(getter, instance, ImmutableArray<IArgumentOperation>.Empty, library: false);
        }

        if (instance is null or IInstanceReferenceOperation)
        {
            var own = Symbol(member);
            return SummaryMode && _engine.AssignedFromConstructor(member, _budget.CancellationToken)
                ? own.Or(TaintValue.FromBit(TaintValue.ReceiverBit))
                : own;
        }

        // A property of a tainted object is tainted: model binding fills every property of a bound DTO.
        return Visit(instance).Or(Symbol(member));
    }

    private TaintValue Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_engine.Declared?.Source(invocation) is { } declared)
        {
            return declared;
        }

        if (TaintSources.RequestRead(invocation) is { } read)
        {
            return read;
        }

        var removed = _engine.SanitizedKinds(invocation, _index);
        if (removed != SinkKind.None)
        {
            return Visit(invocation.Instance).Or(Arguments(invocation.Arguments)).Without(removed);
        }

        if (StoredValues.ReadKey(invocation) is { } storedKey)
        {
            return _engine.Stored.Read(invocation, storedKey, _budget.CancellationToken);
        }

        if (DecodedText.Of(invocation) is { } encoded)
        {
            return Visit(encoded);
        }

        var carries = TaintCarriers.Carries(invocation.Type, method);
        if (_engine.CanSummarize(method))
        {
            return Call(method, invocation.Instance, invocation.Arguments, carries);
        }

        return carries ? Visit(invocation.Instance).Or(Arguments(invocation.Arguments)) : TaintValue.Clean;
    }

    /// <summary>A call to a source method: its summary mapped onto the receiver and arguments.</summary>
    private TaintValue Call(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, bool library)
    {
        if (_engine.Summary(method, _depth + 1, _budget, _budget.CancellationToken) is not { } summary)
        {
            // Too deep to read: a string-like result is assumed to carry its inputs, as for a library call.
            return library ? Visit(instance).Or(Arguments(arguments)) : TaintValue.Clean;
        }

        var returned = summary.Return;
        var result = returned.Kinds == SinkKind.None || returned.Origin is null
            ? TaintValue.Clean
            : TaintValue.Source(returned.Origin, returned.Kinds);
        if (returned.Parameters == 0)
        {
            return result;
        }

        var passed = TaintValue.Clean;
        if ((returned.Parameters & TaintValue.Bit(TaintValue.ReceiverBit)) != 0)
        {
            passed = passed.Or(Visit(instance));
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && (returned.Parameters & TaintValue.Bit(TaintValue.ParameterPosition(parameter.Ordinal))) != 0)
            {
                passed = passed.Or(Visit(argument.Value));
            }
        }

        return result.Or(passed.Restrict(returned.ParameterKinds));
    }

    private TaintValue Creation(IObjectCreationOperation creation)
    {
        var type = creation.Type;
        if (type is null || (type.DeclaringSyntaxReferences.IsEmpty && !TaintCarriers.Carries(type, null)))
        {
            return TaintValue.Clean;
        }

        var result = Arguments(creation.Arguments);
        return creation.Initializer is { } initializer ? result.Or(Initializers(initializer.Initializers)) : result;
    }
}
