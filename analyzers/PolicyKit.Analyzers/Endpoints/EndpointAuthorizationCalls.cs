using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;

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
