using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Symbols;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Endpoints;

/// <summary>The authentication an endpoint's <c>[Authorize]</c> data or <c>RequireAuthorization</c> arguments name.</summary>
internal sealed class AuthenticationNames
{
    public List<string> Schemes { get; } = new();

    public List<string> Policies { get; } = new();

    /// <summary>Some authorization applies without naming schemes: the default scheme (cookies in a cookie app) decides.</summary>
    public bool Unnamed { get; set; }

    public bool IsEmpty => Schemes.Count == 0 && Policies.Count == 0;

    public void AddSchemes(string? list)
    {
        if (list is null)
        {
            return;
        }

        foreach (var scheme in list.Split(','))
        {
            if (scheme.Trim() is { Length: > 0 } trimmed)
            {
                Schemes.Add(trimmed);
            }
        }
    }

    // [Authorize(Policy = "...", AuthenticationSchemes = "...")]: the named arguments of one attribute.
    public void AddAttribute(AttributeData attribute)
    {
        var named = false;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "AuthenticationSchemes" && argument.Value.ValueOrNull() is string schemes)
            {
                AddSchemes(schemes);
                named = true;
            }
            else if (argument.Key == "Policy" && argument.Value.ValueOrNull() is string policy)
            {
                Policies.Add(policy);
                named = true;
            }
        }

        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.ValueOrNull() is string policy)
            {
                Policies.Add(policy);
                named = true;
            }
        }

        Unnamed |= !named;
    }

    // RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ... }), (p => p.AddAuthenticationSchemes(...)),
    // ("PolicyName"), (new AuthorizationPolicyBuilder("Bearer")...Build()).
    public void AddArguments(IInvocationOperation requireAuthorization)
    {
        var any = false;
        foreach (var argument in requireAuthorization.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || (argument.Parameter?.Ordinal == 0 && requireAuthorization.TargetMethod.IsExtensionMethod))
            {
                continue;
            }

            any |= AddFrom(argument.Value);
        }

        Unnamed |= !any;
    }

    /// <summary>Reads the schemes and policy names a policy expression names; false when it names none.</summary>
    public bool AddFrom(IOperation value)
    {
        var any = false;
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is not (ILiteralOperation or IFieldReferenceOperation) || operation.ConstantValue is not { HasValue: true, Value: string text })
            {
                continue;
            }

            if (IsSchemeArgument(operation))
            {
                AddSchemes(text);
                any = true;
            }
            else if (operation.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "RequireAuthorization" } })
            {
                Policies.Add(text);
                any = true;
            }
        }

        return any;
    }

    // A constant is a scheme when it is AuthenticationSchemes = x, an AddAuthenticationSchemes argument or a policy
    // builder's constructor argument; any other string a RequireAuthorization call takes is a policy name.
    private static bool IsSchemeArgument(IOperation constant)
    {
        for (var current = constant.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "AuthenticationSchemes" } }:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "AddAuthenticationSchemes" }:
                    return true;
                case IObjectCreationOperation { Type.Name: "AuthorizationPolicyBuilder" }:
                    return true;
                case IInvocationOperation:
                case IObjectCreationOperation:
                    return false;
            }
        }

        return false;
    }
}

/// <summary>
/// Endpoints a forged cross-site request cannot use even without an antiforgery token: bearer-only authentication and
/// JSON-only bodies. Read the same way by PK3006 and the endpoint inventory.
/// </summary>
internal static class AntiforgeryExemptions
{
    // Bearer tokens are attached by script, never by the browser: a forged request carries none (IPA Web 6 note).
    public static bool IsBearerOnly(AuthenticationNames names, ICollection<string> bearerSchemes, Func<string, AuthenticationNames?> policyOf)
    {
        if (names.IsEmpty)
        {
            return false;
        }

        var bearer = false;
        foreach (var scheme in names.Schemes)
        {
            if (!IsBearerScheme(scheme, bearerSchemes))
            {
                return false;
            }

            bearer = true;
        }

        foreach (var policy in names.Policies)
        {
            if (policyOf(policy) is not { } policyNames || policyNames.Policies.Count > 0)
            {
                // A policy whose schemes are unknown leaves the default (cookie) scheme in play.
                if (names.Schemes.Count == 0)
                {
                    return false;
                }

                continue;
            }

            foreach (var scheme in policyNames.Schemes)
            {
                if (!IsBearerScheme(scheme, bearerSchemes))
                {
                    return false;
                }

                bearer = true;
            }

            if (policyNames.Schemes.Count == 0 && names.Schemes.Count == 0)
            {
                return false;
            }
        }

        return bearer;
    }

    public static bool IsBearerScheme(string scheme, ICollection<string> registeredBearer) =>
        scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("BearerToken", StringComparison.OrdinalIgnoreCase)
        || registeredBearer.Contains(scheme);

    // Only a [Consumes] that lists JSON types alone, or a [FromBody] parameter of an [ApiController] action: the default
    // input formatters accept JSON only and [ApiController] answers 415 before the action runs, and a cross-site form can
    // send only urlencoded, multipart or text/plain bodies without a CORS preflight (Fetch, CORS-safelisted request headers).
    public static bool IsJsonOnly(IMethodSymbol action, INamedTypeSymbol controller, bool apiController)
    {
        if (ConsumesJsonOnly(action.GetAttributes()) is { } onAction)
        {
            return onAction;
        }

        for (var current = controller; current is not null; current = current.BaseType)
        {
            if (ConsumesJsonOnly(current.GetAttributes()) is { } onClass)
            {
                return onClass;
            }
        }

        if (!apiController)
        {
            return false;
        }

        foreach (var parameter in action.Parameters)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "FromBodyAttribute" && !AllowsEmptyBody(attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool? ConsumesJsonOnly(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.Name != "ConsumesAttribute")
            {
                continue;
            }

            var any = false;
            foreach (var argument in attribute.ConstructorArguments)
            {
                foreach (var value in argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArray.Create(argument))
                {
                    if (value.ValueOrNull() is not string contentType)
                    {
                        continue;
                    }

                    any = true;
                    if (contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        return false;
                    }
                }
            }

            return any;
        }

        return null;
    }

    // [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] lets a request without a JSON body through.
    private static bool AllowsEmptyBody(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "EmptyBodyBehavior" && argument.Value.ValueOrNull() is int behavior && behavior == 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The schemes and policies named by the <c>IAuthorizeData</c> attributes of an action and its controller hierarchy.</summary>
    public static AuthenticationNames ActionAuthentication(INamedTypeSymbol controller, INamedTypeSymbol? stopAt, IMethodSymbol action, INamedTypeSymbol authorizeData)
    {
        var names = new AuthenticationNames();
        for (var current = controller; current is not null && !SymbolEqualityComparer.Default.Equals(current, stopAt); current = current.BaseType)
        {
            AddAuthorizeData(names, current.GetAttributes(), authorizeData);
        }

        for (var current = action; current is not null; current = current.OverriddenMethod)
        {
            AddAuthorizeData(names, current.GetAttributes(), authorizeData);
        }

        return names;
    }

    /// <summary>The schemes and policies a minimal-API endpoint's <c>RequireAuthorization</c> calls and handler attributes name.</summary>
    public static AuthenticationNames MinimalAuthentication(IInvocationOperation map, IMethodSymbol? handler, INamedTypeSymbol authorizeData)
    {
        var names = new AuthenticationNames();
        foreach (var call in EndpointAuthorizationCalls.Calls(map))
        {
            names.AddArguments(call);
        }

        if (handler is not null)
        {
            AddAuthorizeData(names, handler.GetAttributes(), authorizeData);
        }

        return names;
    }

    private static void AddAuthorizeData(AuthenticationNames names, ImmutableArray<AttributeData> attributes, INamedTypeSymbol authorizeData)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && Symbols.AuthorizationSymbols.Implements(type, authorizeData))
            {
                names.AddAttribute(attribute);
            }
        }
    }
}
