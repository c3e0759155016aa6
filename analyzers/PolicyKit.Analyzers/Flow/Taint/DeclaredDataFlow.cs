using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The adopter's <c>dataFlow</c> declarations of policykit.json, indexed by method name for the taint engine:
/// sources (a method's result, or a parameter inside it), sinks (a parameter, by kind), sanitizers (a result clean for
/// some kinds) and guards (a boolean check that proves its argument). Built once per compilation.
/// </summary>
internal sealed class DeclaredDataFlow
{
    private readonly Dictionary<string, List<DataFlowMethod>> _sources;
    private readonly Dictionary<string, List<DataFlowMethod>> _sinks;
    private readonly Dictionary<string, List<DataFlowMethod>> _sanitizers;
    private readonly Dictionary<string, List<DataFlowMethod>> _guards;

    private DeclaredDataFlow(DataFlowPolicy policy)
    {
        _sources = Index(policy.Sources);
        _sinks = Index(policy.Sinks);
        _sanitizers = Index(policy.Sanitizers);
        _guards = Index(policy.Guards);
    }

    /// <summary>The declarations of <paramref name="policy"/>, or null when it declares nothing.</summary>
    public static DeclaredDataFlow? From(DataFlowPolicy policy) => policy.IsEmpty ? null : new DeclaredDataFlow(policy);

    /// <summary>The value of a call to a declared source method (without a parameter): request data of its kinds.</summary>
    public TaintValue? Source(IInvocationOperation invocation)
    {
        if (!TryGet(_sources, invocation.TargetMethod, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (entry.Parameter is null && entry.ParameterIndex is null)
            {
                var name = DisplayName(invocation.TargetMethod) + "()";
                return TaintValue.Source(new TaintOrigin(name, invocation.Syntax.GetLocation()), KindsOf(entry, SinkKind.All));
            }
        }

        return null;
    }

    /// <summary>The kinds for which <paramref name="parameter"/> is declared request data inside its method.</summary>
    public SinkKind SourceParameter(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || !TryGet(_sources, method, out var entries))
        {
            return SinkKind.None;
        }

        var kinds = SinkKind.None;
        foreach (var entry in entries)
        {
            if ((entry.Parameter is not null || entry.ParameterIndex is not null) && Matches(entry, parameter))
            {
                kinds |= KindsOf(entry, SinkKind.All);
            }
        }

        return kinds;
    }

    /// <summary>Adds the arguments of a call (or creation) to a declared sink, for the kinds wanted.</summary>
    public void Sinks(IOperation operation, SinkKind wanted, List<SinkHit> hits)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, default),
        };
        if (method is null || !TryGet(_sinks, method, out var entries))
        {
            return;
        }

        foreach (var entry in entries)
        {
            var kinds = KindsOf(entry, SinkKind.None) & wanted;
            if (kinds == SinkKind.None)
            {
                continue;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && (entry.Parameter is null && entry.ParameterIndex is null ? parameter.Type.SpecialType == SpecialType.System_String : Matches(entry, parameter)))
                {
                    hits.Add(new SinkHit(argument.Value, kinds, DisplayName(method)));
                }
            }
        }
    }

    /// <summary>The argument of a call to a declared SQL sink (PK1001's structural check), if any.</summary>
    public IArgumentOperation? SqlArgument(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        if (!TryGet(_sinks, method, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if ((KindsOf(entry, SinkKind.None) & SinkKind.Sql) == 0)
            {
                continue;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && (entry.Parameter is null && entry.ParameterIndex is null ? parameter.Type.SpecialType == SpecialType.System_String : Matches(entry, parameter)))
                {
                    return argument;
                }
            }
        }

        return null;
    }

    /// <summary>The kinds a call to a declared sanitizer neutralises.</summary>
    public SinkKind Sanitized(IInvocationOperation invocation)
    {
        if (!TryGet(_sanitizers, invocation.TargetMethod, out var entries))
        {
            return SinkKind.None;
        }

        var kinds = SinkKind.None;
        foreach (var entry in entries)
        {
            kinds |= KindsOf(entry, SinkKind.None);
        }

        return kinds;
    }

    /// <summary>The value a call to a declared guard proves safe for <paramref name="kind"/>, or null.</summary>
    public IOperation? Guarded(IInvocationOperation invocation, SinkKind kind)
    {
        if (!TryGet(_guards, invocation.TargetMethod, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if ((KindsOf(entry, SinkKind.None) & kind) == 0)
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter
                    && (entry.Parameter is null && entry.ParameterIndex is null ? parameter.Ordinal == 0 : Matches(entry, parameter)))
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    private static bool Matches(DataFlowMethod entry, IParameterSymbol parameter) =>
        (entry.Parameter is null || string.Equals(entry.Parameter, parameter.Name, StringComparison.Ordinal))
        && (entry.ParameterIndex is null || entry.ParameterIndex == parameter.Ordinal);

    private static SinkKind KindsOf(DataFlowMethod entry, SinkKind whenEmpty)
    {
        if (entry.Kinds.Count == 0)
        {
            return whenEmpty;
        }

        var kinds = SinkKind.None;
        foreach (var name in entry.Kinds)
        {
            kinds |= name switch
            {
                "sql" => SinkKind.Sql,
                "xss" => SinkKind.Html,
                "command" => SinkKind.Command,
                "path" => SinkKind.Path,
                "redirect" => SinkKind.Redirect,
                "header" => SinkKind.Header,
                _ => SinkKind.None,
            };
        }

        return kinds;
    }

    private static Dictionary<string, List<DataFlowMethod>> Index(IReadOnlyList<DataFlowMethod> entries)
    {
        var index = new Dictionary<string, List<DataFlowMethod>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Method.Length == 0)
            {
                continue;
            }

            if (!index.TryGetValue(entry.Method, out var list))
            {
                list = new List<DataFlowMethod>(1);
                index.Add(entry.Method, list);
            }

            list.Add(entry);
        }

        return index;
    }

    private static bool TryGet(Dictionary<string, List<DataFlowMethod>> index, IMethodSymbol method, out List<DataFlowMethod> entries)
    {
        entries = null!;
        return index.Count > 0 && index.TryGetValue(FullName(method), out entries!);
    }

    /// <summary><c>Namespace.Type.Nested.Method</c> (or <c>….#ctor</c>), for an overload, a reduced extension or a generic instance alike.</summary>
    public static string FullName(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        var builder = new StringBuilder();
        AppendType(builder, method.ContainingType);
        builder.Append('.').Append(method.MethodKind is MethodKind.Constructor ? "#ctor" : method.Name);
        return builder.ToString();
    }

    private static void AppendType(StringBuilder builder, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return;
        }

        if (type.ContainingType is { } outer)
        {
            AppendType(builder, outer);
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Append(ns.ToDisplayString());
        }

        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(type.Name);
    }

    private static string DisplayName(IMethodSymbol method) =>
        method.MethodKind is MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
}
