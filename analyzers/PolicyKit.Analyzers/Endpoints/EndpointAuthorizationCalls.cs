using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>
/// The <c>RequireAuthorization</c> calls that apply to a minimal-API endpoint (chained on it, on a local holding it, on
/// its groups), and whether an authorization policy admits everyone (<c>RequireAssertion(_ =&gt; true)</c> and nothing else).
/// Used by PK3002 (a policy that admits everyone is no authorization) and PK3006 (the schemes a policy names).
/// </summary>
internal static class EndpointAuthorizationCalls
{
    /// <summary>The <c>RequireAuthorization</c> calls on a minimal-API endpoint, its groups and the locals holding them.</summary>
    public static List<IInvocationOperation> Calls(IInvocationOperation map)
    {
        var calls = new List<IInvocationOperation>();
        IOperation current = map;
        for (var step = 0; step < 16 && current.Parent is { } parent; step++)
        {
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            if (EndpointBuilderFlow.CallOn(current, parent) is not { } call)
            {
                CollectOnLocal(parent, current, calls);
                break;
            }

            if (call.TargetMethod.Name == "RequireAuthorization")
            {
                calls.Add(call);
            }

            current = call;
        }

        CollectUpstream(EndpointBuilderFlow.ReceiverOf(map), calls, 0);
        return calls;
    }

    private static void CollectUpstream(IOperation? receiver, List<IInvocationOperation> calls, int depth)
    {
        if (receiver is null || depth > 8)
        {
            return;
        }

        switch (EndpointBuilderFlow.Unwrap(receiver))
        {
            case IInvocationOperation invocation:
                if (invocation.TargetMethod.Name == "RequireAuthorization")
                {
                    calls.Add(invocation);
                }

                CollectUpstream(EndpointBuilderFlow.ReceiverOf(invocation), calls, depth + 1);
                break;
            case ILocalReferenceOperation local:
                var root = EndpointBuilderFlow.Root(local);
                foreach (var operation in root.Descendants())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                    {
                        CollectUpstream(initializer.Value, calls, depth + 1);
                    }
                    else if (operation is IInvocationOperation { TargetMethod.Name: "RequireAuthorization" } call
                        && EndpointBuilderFlow.ReceiverOf(call) is { } callReceiver
                        && EndpointBuilderFlow.Unwrap(callReceiver) is ILocalReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                    {
                        calls.Add(call);
                    }
                }

                break;
        }
    }

    // var endpoint = app.MapPost(...); endpoint.RequireAuthorization(...);
    private static void CollectOnLocal(IOperation parent, IOperation value, List<IInvocationOperation> calls)
    {
        ILocalSymbol? local = parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return;
        }

        foreach (var operation in EndpointBuilderFlow.Root(parent).Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "RequireAuthorization" } call
                && EndpointBuilderFlow.ReceiverOf(call) is { } receiver
                && EndpointBuilderFlow.Unwrap(receiver) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                calls.Add(call);
            }
        }
    }

    // The policy names when every [Authorize] on the action and its controller names a policy and nothing else
    // (no roles, no default policy); null when any of them requires more.
    public static List<string>? PolicyNamesOnly(INamedTypeSymbol type, INamedTypeSymbol? stopAt, IMethodSymbol? method, AuthorizationSymbols symbols)
    {
        var names = new List<string>();
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, stopAt); current = current.BaseType)
        {
            if (!AddPolicyNames(current.GetAttributes(), names, symbols))
            {
                return null;
            }
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (!AddPolicyNames(current.GetAttributes(), names, symbols))
            {
                return null;
            }
        }

        return names.Count == 0 ? null : names;
    }

    private static bool AddPolicyNames(ImmutableArray<AttributeData> attributes, List<string> names, AuthorizationSymbols symbols)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } type || symbols.ProtectionOfType(type) != Protection.Authorized)
            {
                continue;
            }

            if (!AuthorizationSymbols.Implements(type, symbols.AuthorizeData))
            {
                return false;
            }

            string? policy = null;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Policy")
                {
                    policy = argument.Value.ValueOrNull() as string;
                }
                else if (argument.Key == "Roles" && argument.Value.ValueOrNull() is string { Length: > 0 })
                {
                    return false;
                }
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                policy ??= argument.ValueOrNull() as string;
            }

            if (string.IsNullOrEmpty(policy))
            {
                return false;
            }

            names.Add(policy!);
        }

        return true;
    }

    /// <summary>
    /// The policy names when every <c>RequireAuthorization</c> call on a minimal-API endpoint (and its groups) names
    /// policies or passes an inline policy that admits everyone (<paramref name="inline"/>); false when any applies the
    /// default policy or a real inline requirement.
    /// </summary>
    public static bool TryPolicyOnly(IInvocationOperation map, List<string> policies, out bool inline)
    {
        inline = false;
        var calls = Calls(map);
        if (calls.Count == 0)
        {
            return false;
        }

        foreach (var call in calls)
        {
            var arguments = 0;
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || (argument.Parameter?.Ordinal == 0 && call.TargetMethod.IsExtensionMethod))
                {
                    continue;
                }

                // RequireAuthorization(params string[] policyNames) / (params IAuthorizeData[]): one value per element.
                var values = EndpointBuilderFlow.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } items }
                    ? items.ElementValues
                    : ImmutableArray.Create(argument.Value);
                foreach (var value in values)
                {
                    arguments++;
                    if (value.ConstantValue is { HasValue: true, Value: string name })
                    {
                        policies.Add(name);
                    }
                    else if (AdmitsEveryone(value))
                    {
                        inline = true;
                    }
                    else
                    {
                        return false;
                    }
                }
            }

            // RequireAuthorization() with no argument applies the default policy: an authenticated user.
            if (arguments == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An <c>AddPolicy(name, p =&gt; ...)</c> call: the name and whether the policy admits everyone; null for anything else.</summary>
    public static (string Name, bool AdmitsEveryone)? PolicyOf(IInvocationOperation addPolicy)
    {
        if (addPolicy.TargetMethod.Name != "AddPolicy" || EndpointBuilderFlow.ConstantArgument(addPolicy, "name") is not { } name)
        {
            return null;
        }

        var admits = false;
        foreach (var argument in addPolicy.Arguments)
        {
            if (argument.Parameter?.Name is "configurePolicy" or "policy")
            {
                admits = AdmitsEveryone(argument.Value);
            }
        }

        return (name, admits);
    }

    /// <summary>
    /// Whether a policy expression (<c>p =&gt; p.RequireAssertion(_ =&gt; true)</c>, a policy builder chain, a
    /// <c>RequireAuthorization</c> call's arguments) admits every caller, anonymous ones included: its only requirements are
    /// assertions that return the constant <c>true</c>. Any other requirement (authenticated user, role, claim, a custom
    /// requirement, a policy name) or an assertion that computes something makes it a real policy.
    /// </summary>
    public static bool AdmitsEveryone(IOperation policy)
    {
        var assertions = 0;
        foreach (var operation in policy.DescendantsAndSelf())
        {
            if (operation is IObjectCreationOperation { Type.Name: "AuthorizeAttribute" })
            {
                return false;
            }

            if (operation is not IInvocationOperation invocation || invocation.TargetMethod.ContainingType?.Name != "AuthorizationPolicyBuilder")
            {
                continue;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "RequireAssertion":
                    if (!AlwaysTrue(invocation))
                    {
                        return false;
                    }

                    assertions++;
                    break;
                case "AddAuthenticationSchemes":
                case "Build":
                    break;
                default:
                    return false;
            }
        }

        return assertions > 0;
    }

    // RequireAssertion(_ => true), (ctx => true), (ctx => Task.FromResult(true)), (ctx => { return true; }).
    private static bool AlwaysTrue(IInvocationOperation assertion)
    {
        foreach (var argument in assertion.Arguments)
        {
            if (EndpointBuilderFlow.Unwrap(argument.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                continue;
            }

            var returns = 0;
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is not IReturnOperation { ReturnedValue: { } value })
                {
                    continue;
                }

                value = EndpointBuilderFlow.Unwrap(value);
                if (value is IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } fromResult)
                {
                    value = EndpointBuilderFlow.Unwrap(fromResult.Arguments[0].Value);
                }

                if (value.ConstantValue is not { HasValue: true, Value: true })
                {
                    return false;
                }

                returns++;
            }

            return returns > 0;
        }

        return false;
    }
}
