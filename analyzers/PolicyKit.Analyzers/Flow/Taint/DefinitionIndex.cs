using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>How a recorded definition gives its symbol a value.</summary>
internal enum DefinitionShape
{
    /// <summary>The operation is the value assigned (initialiser, assignment, <c>+=</c>, element store, pattern input).</summary>
    Value,

    /// <summary>The operation is a call that adds its arguments to the symbol (<c>sb.Append(x)</c>, <c>list.Add(x)</c>).</summary>
    Appended,

    /// <summary>The symbol is a <c>foreach</c> variable; the operation is the collection.</summary>
    Element,

    /// <summary>The symbol is an <c>out</c>/<c>ref</c> argument of the call (<c>Request.Query.TryGetValue("q", out var v)</c>).</summary>
    OutArgument,
}

/// <summary>One way a local, field or property gets a value in a body.</summary>
internal readonly struct Definition
{
    public Definition(IOperation operation, DefinitionShape shape)
    {
        Operation = operation;
        Shape = shape;
    }

    public IOperation Operation { get; }

    public DefinitionShape Shape { get; }
}

/// <summary>
/// One pass over a body that records, per local, field and property, every operation that gives it a value, plus the
/// body's own <c>return</c>s and operations (not those of nested lambdas and local functions). The walks then look
/// definitions up instead of rescanning the body for every local, which keeps a trace linear in the body's size.
/// Built within the walk's <see cref="WorkBudget"/>; when that runs out the index is partial and <see cref="Truncated"/>.
/// </summary>
/// <remarks>
/// A deferred index (<see cref="Deferred"/>) makes its pass on first use: every taint rule asks for the index of each
/// body it visits, but most operations are no sink, so most bodies never need one (measured on the benchmark's
/// generated code base, where building them all was a large part of the taint rules' time).
/// </remarks>
internal sealed class DefinitionIndex
{
    private static readonly List<Definition> None = new();
    private readonly Dictionary<ISymbol, List<Definition>> _definitions = new(SymbolEqualityComparer.Default);
    private readonly List<IReturnOperation> _returns = new();
    private readonly List<IOperation> _ownOperations = new();
    private readonly List<IOperation> _allOperations = new();
    private readonly object _gate = new();
    private IOperation? _pendingRoot;
    private Func<WorkBudget>? _pendingBudget;
    private Action<WorkBudget>? _pendingFlush;
    private volatile bool _built;
    private bool _truncated;

    private DefinitionIndex()
    {
    }

    /// <summary>The body's own <c>return</c> and <c>yield return</c> operations.</summary>
    public List<IReturnOperation> Returns
    {
        get
        {
            EnsureBuilt();
            return _returns;
        }
    }

    /// <summary>The body's own operations (outside nested lambdas and local functions), in tree order.</summary>
    public List<IOperation> OwnOperations
    {
        get
        {
            EnsureBuilt();
            return _ownOperations;
        }
    }

    /// <summary>Every operation, lambdas included (a minimal-API handler lambda sits in the top-level body).</summary>
    public List<IOperation> AllOperations
    {
        get
        {
            EnsureBuilt();
            return _allOperations;
        }
    }

    /// <summary>The build stopped at the operation budget: some definitions may be missing.</summary>
    public bool Truncated
    {
        get
        {
            EnsureBuilt();
            return _truncated;
        }
    }

    public List<Definition> DefinitionsOf(ISymbol symbol)
    {
        EnsureBuilt();
        return _definitions.TryGetValue(symbol.OriginalDefinition, out var list) ? list : None;
    }

    /// <summary>
    /// An index of <paramref name="root"/> built on first use, within a budget of its own from <paramref name="budget"/>
    /// (so the result never depends on which caller happened to build it), flushed by <paramref name="flush"/>.
    /// </summary>
    public static DefinitionIndex Deferred(IOperation root, Func<WorkBudget> budget, Action<WorkBudget> flush) =>
        new() { _pendingRoot = root, _pendingBudget = budget, _pendingFlush = flush };

    private void EnsureBuilt()
    {
        if (_built)
        {
            return;
        }

        lock (_gate)
        {
            if (_built)
            {
                return;
            }

            var budget = _pendingBudget!();
            Fill(_pendingRoot!, budget);
            _pendingFlush!(budget);
            _pendingRoot = null;
            _pendingBudget = null;
            _pendingFlush = null;
            _built = true;
        }
    }

    private void Fill(IOperation root, WorkBudget budget)
    {
        var stack = new Stack<(IOperation Operation, bool Own)>();
        stack.Push((root, true));
        while (stack.Count > 0)
        {
            if (!budget.Tick())
            {
                _truncated = true;
                break;
            }

            var (current, own) = stack.Pop();
            Record(current, own);
            foreach (var child in current.ChildOperations)
            {
                stack.Push((child, own && child is not (IAnonymousFunctionOperation or ILocalFunctionOperation)));
            }
        }

        _ownOperations.Reverse();
        _allOperations.Reverse();
    }

    private void Record(IOperation operation, bool own)
    {
        _allOperations.Add(operation);
        if (own)
        {
            _ownOperations.Add(operation);
        }

        switch (operation)
        {
            case IReturnOperation { ReturnedValue: not null } returned when own:
                _returns.Add(returned);
                break;
            case IVariableDeclaratorOperation declarator:
                if (declarator.GetVariableInitializer() is { } initializer)
                {
                    Add(declarator.Symbol, initializer.Value, DefinitionShape.Value);
                }
                else if (declarator.Parent is IForEachLoopOperation loop || declarator.Parent?.Parent is IForEachLoopOperation)
                {
                    var each = declarator.Parent as IForEachLoopOperation ?? (IForEachLoopOperation)declarator.Parent!.Parent!;
                    Add(declarator.Symbol, each.Collection, DefinitionShape.Element);
                }

                break;
            case IForEachLoopOperation { LoopControlVariable: ILocalReferenceOperation { IsDeclaration: false } variable } loop:
                Add(variable.Local, loop.Collection, DefinitionShape.Element);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                AddDeconstructed(deconstruction.Target, deconstruction.Value);
                break;
            case IAssignmentOperation assignment:
                if (Target(assignment.Target) is { } target)
                {
                    Add(target, assignment.Value, DefinitionShape.Value);
                }

                break;
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                if (PatternInput(pattern) is { } input)
                {
                    Add(declared, input, DefinitionShape.Value);
                }

                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Parent: { } call } argument:
                // out var value of a map lookup (Request.Query.TryGetValue("u", out var u)) holds an element of the map;
                // other out var results (parsed addresses, numbers) stay untracked as before.
                var outValue = argument.Value is IDeclarationExpressionOperation { Expression: { } declaredLocal } && call is IInvocationOperation { TargetMethod.Name: "TryGetValue" }
                    ? declaredLocal
                    : argument.Value;
                if (Target(outValue) is { } outTarget)
                {
                    Add(outTarget, call, DefinitionShape.OutArgument);
                }

                break;
            case IInvocationOperation { Instance: { } instance } call when IsMutator(call.TargetMethod):
                if (Target(ChainRoot(instance)) is { } receiver)
                {
                    Add(receiver, call, DefinitionShape.Appended);
                }

                break;
        }
    }

    private static IOperation? PatternInput(IOperation pattern)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value;
                case ISwitchOperation switchStatement:
                    return switchStatement.Value;
            }
        }

        return null;
    }

    // var (program, flags) = (tool, "--fast"): each element is defined by the matching element of the tuple literal; any
    // other value (a call returning a tuple, a Deconstruct method) defines every element, as a whole-value store does.
    private void AddDeconstructed(IOperation target, IOperation value)
    {
        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is not ITupleOperation targets)
        {
            if (Target(target) is { } symbol)
            {
                Add(symbol, value, DefinitionShape.Value);
            }

            return;
        }

        var source = value;
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        var values = source is ITupleOperation tuple && tuple.Elements.Length == targets.Elements.Length ? tuple : null;
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            AddDeconstructed(targets.Elements[i], values is null ? value : values.Elements[i]);
        }
    }

    private void Add(ISymbol symbol, IOperation value, DefinitionShape shape)
    {
        symbol = symbol.OriginalDefinition;
        if (!_definitions.TryGetValue(symbol, out var list))
        {
            list = new List<Definition>(2);
            _definitions.Add(symbol, list);
        }

        list.Add(new Definition(value, shape));
    }

    /// <summary>The symbol a store writes: a local, a field, a property, or the collection of an element store.</summary>
    public static ISymbol? Target(IOperation? target)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IFieldReferenceOperation field:
                return field.Field;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return Target(indexer.Instance);
            case IPropertyReferenceOperation property:
                return property.Property;
            case IArrayElementReferenceOperation element:
                return Target(element.ArrayReference);
            case IConversionOperation conversion:
                return Target(conversion.Operand);
            default:
                return null;
        }
    }

    /// <summary>The start of a fluent chain (<c>sb.Append(a).Append(b)</c> → <c>sb</c>).</summary>
    public static IOperation? ChainRoot(IOperation? instance)
    {
        var current = instance;
        while (current is IInvocationOperation { Instance: { } inner } call && IsMutator(call.TargetMethod))
        {
            current = inner;
        }

        return current;
    }

    /// <summary>Calls that add their arguments to the receiver: builders, writers and collections.</summary>
    public static bool IsMutator(IMethodSymbol method) => method.Name switch
    {
        "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert" or "Add" or "AddRange" or "InsertRange"
            or "Push" or "Enqueue" or "Write" or "WriteLine" or "TryAdd" => !method.IsStatic,
        "Replace" => !method.IsStatic && method.ContainingType is { Name: "StringBuilder" },
        _ => false,
    };
}
