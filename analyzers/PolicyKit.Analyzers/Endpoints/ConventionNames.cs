using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>
/// The roles and policies an endpoint requires, read from <c>[Authorize(Roles = …, Policy = …)]</c> and from
/// <c>RequireAuthorization("policy")</c> / <c>RequireAuthorization(p =&gt; p.RequireRole("Admin"))</c> conventions.
/// </summary>
internal static class ConventionNames
{
    private const int MaxDepth = 8;

    /// <summary>Policy names of <c>RequireAuthorization</c> calls chained after <paramref name="mapping"/> or on the builder it maps on.</summary>
    public static List<string> Policies(IInvocationOperation mapping)
    {
        var roles = new List<string>();
        var policies = new List<string>();
        Collect(mapping, roles, policies);
        return policies;
    }

    /// <summary>Roles and policies of the conventions on a mapping: chained after it, and on the groups it is mapped on.</summary>
    public static void Collect(IInvocationOperation mapping, List<string> roles, List<string> policies)
    {
        IOperation current = mapping;
        for (var step = 0; step < 32; step++)
        {
            var parent = current.Parent;
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            var call = EndpointBuilderFlow.CallOn(current, parent);
            if (call is null)
            {
                break;
            }

            FromConvention(call, roles, policies);
            current = call;
        }

        Upstream(EndpointBuilderFlow.ReceiverOf(mapping), roles, policies, 0);
    }

    /// <summary>Roles and policies named by authorization attributes (<c>IAuthorizeData</c>).</summary>
    public static void FromAttributes(ImmutableArray<AttributeData> attributes, AuthorizationSymbols symbols, List<string> roles, List<string> policies)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } type || !AuthorizationSymbols.Implements(type, symbols.AuthorizeData))
            {
                continue;
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Primitive && argument.ValueOrNull() is string policy)
                {
                    AddDistinct(policies, policy);
                }
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.ValueOrNull() is not string value)
                {
                    continue;
                }

                if (named.Key == "Policy")
                {
                    AddDistinct(policies, value);
                }
                else if (named.Key == "Roles")
                {
                    foreach (var role in value.Split(','))
                    {
                        AddDistinct(roles, role.Trim());
                    }
                }
            }
        }
    }

    /// <summary>Adds a value unless it is empty or already listed.</summary>
    public static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && !list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void Upstream(IOperation? receiver, List<string> roles, List<string> policies, int depth)
    {
        if (receiver is null || depth > MaxDepth)
        {
            return;
        }

        switch (EndpointBuilderFlow.Unwrap(receiver))
        {
            case IInvocationOperation invocation:
                FromConvention(invocation, roles, policies);
                Upstream(EndpointBuilderFlow.ReceiverOf(invocation), roles, policies, depth + 1);
                break;
            case ILocalReferenceOperation local:
                foreach (var operation in EndpointBuilderFlow.Root(local).Descendants())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                    {
                        Upstream(initializer.Value, roles, policies, depth + 1);
                    }
                    else if (operation is IInvocationOperation call && EndpointBuilderFlow.ReceiverOf(call) is { } callReceiver
                        && EndpointBuilderFlow.Unwrap(callReceiver) is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local.Local))
                    {
                        FromConvention(call, roles, policies);
                    }
                }

                break;
        }
    }

    private static void FromConvention(IInvocationOperation call, List<string> roles, List<string> policies)
    {
        if (call.TargetMethod.Name != "RequireAuthorization")
        {
            return;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 && call.TargetMethod.IsExtensionMethod)
            {
                continue;
            }

            var value = EndpointBuilderFlow.Unwrap(argument.Value);
            if (value is IArrayCreationOperation { Initializer: { } items })
            {
                foreach (var item in items.ElementValues)
                {
                    if (EndpointBuilderFlow.Unwrap(item).ConstantValue is { HasValue: true, Value: string policy })
                    {
                        AddDistinct(policies, policy);
                    }
                }
            }
            else if (value.ConstantValue is { HasValue: true, Value: string policy })
            {
                AddDistinct(policies, policy);
            }
            else if (value is IDelegateCreationOperation or IAnonymousFunctionOperation)
            {
                // RequireAuthorization(p => p.RequireRole("Admin")): an inline policy.
                foreach (var operation in value.Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod.Name: "RequireRole" } requireRole)
                    {
                        foreach (var roleArgument in requireRole.Arguments)
                        {
                            AddConstants(EndpointBuilderFlow.Unwrap(roleArgument.Value), roles);
                        }
                    }
                }
            }
        }
    }

    private static void AddConstants(IOperation value, List<string> into)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            AddDistinct(into, text);
        }
        else if (value is IArrayCreationOperation { Initializer: { } items })
        {
            foreach (var item in items.ElementValues)
            {
                if (EndpointBuilderFlow.Unwrap(item).ConstantValue is { HasValue: true, Value: string element })
                {
                    AddDistinct(into, element);
                }
            }
        }
    }

    /// <summary>A stable, sorted copy.</summary>
    public static ImmutableArray<string> Sorted(List<string> names)
    {
        var copy = names.ToArray();
        Array.Sort(copy, StringComparer.Ordinal);
        return ImmutableArray.Create(copy);
    }
}
