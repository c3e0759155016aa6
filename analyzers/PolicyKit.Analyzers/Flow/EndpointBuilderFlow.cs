using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>What is known about the route builder a minimal-API endpoint is mapped on.</summary>
internal readonly struct BuilderFacts
{
    public BuilderFacts(Protection protection, string? prefix, IParameterSymbol? rootParameter)
    {
        Protection = protection;
        Prefix = prefix;
        RootParameter = rootParameter;
    }

    /// <summary>Conventions of the enclosing groups (<c>MapGroup(...).RequireAuthorization()</c>).</summary>
    public Protection Protection { get; }

    /// <summary>The groups' route prefix, when constant.</summary>
    public string? Prefix { get; }

    /// <summary>
    /// The parameter the builder comes from (<c>static void MapOrders(this RouteGroupBuilder group)</c>): the
    /// group's conventions are then decided by the callers.
    /// </summary>
    public IParameterSymbol? RootParameter { get; }
}

/// <summary>
/// Follows minimal-API route builders within one method body: conventions chained on an endpoint
/// (<c>.RequireAuthorization()</c>, <c>.AllowAnonymous()</c>, <c>.WithMetadata(new AuthorizeAttribute())</c>),
/// applied later to a local holding it, and the groups it is mapped on (<c>var api = app.MapGroup("/api")</c>).
/// </summary>
internal static class EndpointBuilderFlow
{
    private const int MaxDepth = 8;

    /// <summary>The conventions applied to what <paramref name="producer"/> returns: chained calls and calls on the local it is stored in.</summary>
    public static Protection Downstream(IInvocationOperation producer, AuthorizationSymbols symbols)
    {
        var result = Protection.None;
        IOperation current = producer;
        for (var step = 0; step < 32; step++)
        {
            var parent = current.Parent;
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension }
                && extension.TargetMethod.IsExtensionMethod)
            {
                if (!Chain(extension, symbols, ref result, ref current))
                {
                    break;
                }

                continue;
            }

            if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
            {
                if (!Chain(instanceCall, symbols, ref result, ref current))
                {
                    break;
                }

                continue;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                result = AuthorizationSymbols.Combine(result, ConventionsOnLocal(declarator.Symbol, Root(parent), symbols));
            }
            else if (parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment && assignment.Value == current)
            {
                result = AuthorizationSymbols.Combine(result, ConventionsOnLocal(target.Local, Root(parent), symbols));
            }

            break;
        }

        return result;
    }

    /// <summary>
    /// The call made on <paramref name="current"/> when <paramref name="parent"/> (its parent operation) is one: an
    /// extension method taking it as first argument, or an instance method invoked on it; null otherwise.
    /// </summary>
    public static IInvocationOperation? CallOn(IOperation current, IOperation? parent) => parent switch
    {
        IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } when extension.TargetMethod.IsExtensionMethod => extension,
        IInvocationOperation instanceCall when instanceCall.Instance == current => instanceCall,
        _ => null,
    };

    /// <summary>The handler of a minimal-API mapping: the lambda or method its delegate argument creates, if any.</summary>
    public static IMethodSymbol? HandlerOf(IInvocationOperation map)
    {
        foreach (var argument in map.Arguments)
        {
            if (Unwrap(argument.Value) is IDelegateCreationOperation creation)
            {
                return creation.Target switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    IMethodReferenceOperation reference => reference.Method,
                    _ => null,
                };
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a convention named <paramref name="methodName"/> (<c>DisableAntiforgery</c>, <c>WithMetadata</c> …) is
    /// applied to what <paramref name="producer"/> returns: chained on it, or called later on the local holding it.
    /// </summary>
    public static bool HasConvention(IInvocationOperation producer, string methodName, AuthorizationSymbols symbols)
    {
        IOperation current = producer;
        for (var step = 0; step < 32; step++)
        {
            var parent = current.Parent;
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            var call = CallOn(current, parent);
            if (call is not null)
            {
                if (call.TargetMethod.Name == methodName)
                {
                    return true;
                }

                if (!ReturnsBuilder(call, symbols))
                {
                    return false;
                }

                current = call;
                continue;
            }

            ILocalSymbol? local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current => target.Local,
                _ => null,
            };
            return local is not null && CalledOnLocal(local, Root(parent!), methodName);
        }

        return false;
    }

    /// <summary>
    /// Whether a convention named <paramref name="methodName"/> is applied to the builder an endpoint is mapped on:
    /// <c>app.MapGroup("/forms").DisableAntiforgery()</c>, or a group local it was called on.
    /// </summary>
    public static bool HasUpstreamConvention(IOperation? receiver, string methodName, AuthorizationSymbols symbols) =>
        HasUpstreamConvention(receiver, methodName, symbols, 0);

    /// <summary>The groups and conventions of the builder an endpoint or group is mapped on.</summary>
    public static BuilderFacts Upstream(IOperation? receiver, AuthorizationSymbols symbols) => Upstream(receiver, symbols, 0);

    /// <summary>The receiver of a call, whether an instance call or an extension method's <c>this</c> argument.</summary>
    public static IOperation? ReceiverOf(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (!invocation.TargetMethod.IsExtensionMethod)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The value of the argument for the named parameter, when it is a constant string.</summary>
    public static string? ConstantArgument(IInvocationOperation invocation, string parameterName)
    {
        var value = Argument(invocation, parameterName);
        return value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }

    /// <summary>The argument for the named parameter, conversions removed.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return Unwrap(argument.Value);
            }
        }

        return null;
    }

    /// <summary>Joins a group prefix and a route pattern with one slash.</summary>
    public static string? JoinRoute(string? prefix, string? pattern)
    {
        if (prefix is null)
        {
            return pattern;
        }

        if (pattern is null)
        {
            return prefix;
        }

        return prefix.TrimEnd('/') + "/" + pattern.TrimStart('/');
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The outermost operation: the method body (or top-level statements) the operation sits in.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>What a call applied to a builder says: <c>RequireAuthorization</c>, <c>AllowAnonymous</c>, <c>WithMetadata</c>.</summary>
    public static Protection ConventionOf(IInvocationOperation invocation, AuthorizationSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.AuthorizationConventions))
        {
            return method.Name switch
            {
                "RequireAuthorization" => Protection.Authorized,
                "AllowAnonymous" => Protection.Anonymous,
                _ => Protection.None,
            };
        }

        if (method.Name != "WithMetadata")
        {
            return Protection.None;
        }

        var result = Protection.None;
        foreach (var argument in invocation.Arguments)
        {
            if (Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } items })
            {
                foreach (var item in items.ElementValues)
                {
                    result = AuthorizationSymbols.Combine(result, symbols.ProtectionOfType(Unwrap(item).Type));
                }
            }
            else
            {
                result = AuthorizationSymbols.Combine(result, symbols.ProtectionOfType(Unwrap(argument.Value).Type));
            }
        }

        return result;
    }

    private static bool Chain(IInvocationOperation call, AuthorizationSymbols symbols, ref Protection result, ref IOperation current)
    {
        result = AuthorizationSymbols.Combine(result, ConventionOf(call, symbols));
        if (!ReturnsBuilder(call, symbols))
        {
            return false;
        }

        current = call;
        return true;
    }

    private static BuilderFacts Upstream(IOperation? receiver, AuthorizationSymbols symbols, int depth)
    {
        if (receiver is null || depth > MaxDepth)
        {
            return default;
        }

        switch (Unwrap(receiver))
        {
            case IInvocationOperation invocation when IsMapGroup(invocation, symbols):
            {
                var outer = Upstream(ReceiverOf(invocation), symbols, depth + 1);
                var prefix = JoinRoute(outer.Prefix, ConstantArgument(invocation, "prefix"));
                return new BuilderFacts(outer.Protection, prefix, outer.RootParameter);
            }

            case IInvocationOperation invocation:
            {
                var own = ConventionOf(invocation, symbols);
                if (own == Protection.None && !ReturnsBuilder(invocation, symbols))
                {
                    return default;
                }

                var inner = Upstream(ReceiverOf(invocation), symbols, depth + 1);
                return new BuilderFacts(AuthorizationSymbols.Combine(own, inner.Protection), inner.Prefix, inner.RootParameter);
            }

            case ILocalReferenceOperation local:
                return OfLocal(local.Local, Root(local), symbols, depth);

            case IParameterReferenceOperation parameter:
                return new BuilderFacts(ConventionsOnParameter(parameter.Parameter, Root(parameter), symbols), null, parameter.Parameter.OriginalDefinition);

            default:
                return default;
        }
    }

    private static BuilderFacts OfLocal(ILocalSymbol local, IOperation root, AuthorizationSymbols symbols, int depth)
    {
        BuilderFacts? definition = null;
        var protection = Protection.None;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when definition is null && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    definition = Upstream(initializer.Value, symbols, depth + 1);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when definition is null && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    definition = Upstream(assignment.Value, symbols, depth + 1);
                    break;
                case IInvocationOperation invocation when ReceiverOf(invocation) is { } receiver
                    && Unwrap(receiver) is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    protection = AuthorizationSymbols.Combine(protection, ConventionOf(invocation, symbols));
                    break;
            }
        }

        var facts = definition ?? default;
        return new BuilderFacts(AuthorizationSymbols.Combine(protection, facts.Protection), facts.Prefix, facts.RootParameter);
    }

    private static bool HasUpstreamConvention(IOperation? receiver, string methodName, AuthorizationSymbols symbols, int depth)
    {
        if (receiver is null || depth > MaxDepth)
        {
            return false;
        }

        switch (Unwrap(receiver))
        {
            case IInvocationOperation invocation:
                if (invocation.TargetMethod.Name == methodName)
                {
                    return true;
                }

                return (IsMapGroup(invocation, symbols) || ReturnsBuilder(invocation, symbols))
                    && HasUpstreamConvention(ReceiverOf(invocation), methodName, symbols, depth + 1);

            case ILocalReferenceOperation local:
                var root = Root(local);
                if (CalledOnLocal(local.Local, root, methodName))
                {
                    return true;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                    {
                        return HasUpstreamConvention(initializer.Value, methodName, symbols, depth + 1);
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool CalledOnLocal(ILocalSymbol local, IOperation root, string methodName)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && invocation.TargetMethod.Name == methodName
                && ReceiverOf(invocation) is { } receiver
                && Unwrap(receiver) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static Protection ConventionsOnLocal(ILocalSymbol local, IOperation root, AuthorizationSymbols symbols)
    {
        var protection = Protection.None;
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && ReceiverOf(invocation) is { } receiver
                && Unwrap(receiver) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                protection = AuthorizationSymbols.Combine(protection, ConventionOf(invocation, symbols));
            }
        }

        return protection;
    }

    private static Protection ConventionsOnParameter(IParameterSymbol parameter, IOperation root, AuthorizationSymbols symbols)
    {
        var protection = Protection.None;
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && ReceiverOf(invocation) is { } receiver
                && Unwrap(receiver) is IParameterReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                protection = AuthorizationSymbols.Combine(protection, ConventionOf(invocation, symbols));
            }
        }

        return protection;
    }

    private static bool IsMapGroup(IInvocationOperation invocation, AuthorizationSymbols symbols) =>
        invocation.TargetMethod.Name == "MapGroup"
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.EndpointRouteBuilderExtensions);

    // WithTags, WithName, AddEndpointFilter, RequireCors … return the builder they were given.
    private static bool ReturnsBuilder(IInvocationOperation invocation, AuthorizationSymbols symbols) =>
        invocation.Type is { } type && AuthorizationSymbols.Implements(type, symbols.EndpointConventionBuilder)
        && (invocation.TargetMethod.IsExtensionMethod || invocation.Instance is not null);
}
