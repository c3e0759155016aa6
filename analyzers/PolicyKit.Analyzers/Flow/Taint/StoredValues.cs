using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Request data parked in per-user state by one action and read back by another of the same controller or page:
/// <c>HttpContext.Session.SetString("next", next)</c> then <c>Session.GetString("next")</c>, <c>TempData["next"] = next</c>
/// then <c>TempData["next"]</c>. The read is tainted when a write of the same constant key in the same type stores a
/// tainted value. Only the reading type's own declarations are searched; other keys, computed keys and values stored by
/// other classes are not followed.
/// </summary>
internal sealed class StoredValues
{
    private readonly TaintEngine _engine;
    private readonly ConcurrentDictionary<(INamedTypeSymbol Type, string Key), TaintValue> _stored = new(StoredKeyComparer.Instance);

    // Slots being computed on this thread: a write that stores a read of the same key stops here. Per thread, so a
    // concurrent reader computes the same result instead of seeing a half-finished one.
    [System.ThreadStatic]
    private static System.Collections.Generic.HashSet<(INamedTypeSymbol Type, string Key)>? t_computing;

    public StoredValues(TaintEngine engine) => _engine = engine;

    /// <summary>The constant key of a session or TempData read, or null when <paramref name="read"/> is not one.</summary>
    public static string? ReadKey(IOperation read) => read switch
    {
        IInvocationOperation { TargetMethod.Name: "GetString", Arguments.Length: 2 } call when TypeNames.Is(call.TargetMethod.ContainingType, "Microsoft.AspNetCore.Http", "SessionExtensions")
            => Key(call.Arguments[1].Value),
        IInvocationOperation { TargetMethod.Name: "Peek", Arguments.Length: 1 } call when IsTempData(call.Instance?.Type as INamedTypeSymbol)
            => Key(call.Arguments[0].Value),
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when IsTempData(indexer.Instance?.Type as INamedTypeSymbol)
            => Key(indexer.Arguments[0].Value),
        _ => null,
    };

    /// <summary>The taint stored under <paramref name="key"/> by the type that contains <paramref name="read"/>.</summary>
    public TaintValue Read(IOperation read, string key, CancellationToken cancellationToken)
    {
        if (read.SemanticModel?.GetEnclosingSymbol(read.Syntax.SpanStart, cancellationToken)?.ContainingType is not { } type)
        {
            return TaintValue.Clean;
        }

        var slot = (type, key);
        if (_stored.TryGetValue(slot, out var known))
        {
            return known;
        }

        var computing = t_computing ??= new System.Collections.Generic.HashSet<(INamedTypeSymbol Type, string Key)>(StoredKeyComparer.Instance);
        if (!computing.Add(slot))
        {
            return TaintValue.Clean;
        }

        try
        {
            return _stored.GetOrAdd(slot, Compute(type, key, cancellationToken));
        }
        finally
        {
            computing.Remove(slot);
        }
    }

    private TaintValue Compute(INamedTypeSymbol type, string key, CancellationToken cancellationToken)
    {
        var result = TaintValue.Clean;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in declaration.DescendantNodes())
            {
                var candidate = node switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetString" } } => node,
                    AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } => node,
                    _ => null,
                };
                if (candidate is null)
                {
                    continue;
                }

                model ??= _engine.SemanticModelFor(declaration.SyntaxTree);
                if (Written(model.GetOperation(candidate, cancellationToken), key) is { } value)
                {
                    result = result.Or(_engine.Trace(value, cancellationToken));
                }
            }
        }

        return result;
    }

    private static IOperation? Written(IOperation? write, string key) => write switch
    {
        IInvocationOperation { TargetMethod.Name: "SetString", Arguments.Length: 3 } call when TypeNames.Is(call.TargetMethod.ContainingType, "Microsoft.AspNetCore.Http", "SessionExtensions")
            && Key(call.Arguments[1].Value) == key => call.Arguments[2].Value,
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
            when IsTempData(indexer.Instance?.Type as INamedTypeSymbol) && Key(indexer.Arguments[0].Value) == key => assignment.Value,
        _ => null,
    };

    private static string? Key(IOperation key) => key.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    private static bool IsTempData(INamedTypeSymbol? type) =>
        type is not null && TypeNames.InNamespace(type.ContainingNamespace, "Microsoft.AspNetCore.Mvc.ViewFeatures") && type.Name is "ITempDataDictionary" or "TempDataDictionary";

    private sealed class StoredKeyComparer : System.Collections.Generic.IEqualityComparer<(INamedTypeSymbol Type, string Key)>
    {
        public static readonly StoredKeyComparer Instance = new();

        public bool Equals((INamedTypeSymbol Type, string Key) x, (INamedTypeSymbol Type, string Key) y) =>
            SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && string.Equals(x.Key, y.Key, System.StringComparison.Ordinal);

        public int GetHashCode((INamedTypeSymbol Type, string Key) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 397) ^ System.StringComparer.Ordinal.GetHashCode(obj.Key);
    }
}
