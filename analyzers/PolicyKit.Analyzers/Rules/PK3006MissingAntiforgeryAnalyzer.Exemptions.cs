using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK3006's exemptions: endpoints a forged cross-site request cannot use even without an antiforgery filter — bearer-only
/// authentication, JSON-only bodies, tokens validated in code — and the facts about method bodies (writes, pure reads,
/// callees) the compilation-end decision needs.
/// </summary>
public sealed partial class PK3006MissingAntiforgeryAnalyzer
{
    /// <summary>The authentication an endpoint's <c>[Authorize]</c> data or <c>RequireAuthorization</c> arguments name.</summary>
    private sealed class AuthenticationNames
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
                if (argument.Key == "AuthenticationSchemes" && argument.Value.Value is string schemes)
                {
                    AddSchemes(schemes);
                    named = true;
                }
                else if (argument.Key == "Policy" && argument.Value.Value is string policy)
                {
                    Policies.Add(policy);
                    named = true;
                }
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is string policy)
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

    /// <summary>What one method's body does, recorded once and read at compilation end.</summary>
    private sealed class BodyFacts
    {
        public string? Write { get; set; }

        /// <summary>Calls <c>IAntiforgery.ValidateRequestAsync</c> as a statement of the method body: a bad token throws.</summary>
        public bool ValidatesToken { get; set; }

        /// <summary>Reads data (an EF Core query) and calls nothing that could write.</summary>
        public bool OnlyReads { get; set; }

        public List<IMethodSymbol> Callees { get; } = new();
    }

    private static bool IsBearerScheme(string scheme, ICollection<string> registeredBearer) =>
        scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("BearerToken", StringComparison.OrdinalIgnoreCase)
        || registeredBearer.Contains(scheme);

    // Only a [Consumes] that lists JSON types alone, or a [FromBody] parameter of an [ApiController] action: the default
    // input formatters accept JSON only and [ApiController] answers 415 before the action runs, and a cross-site form can
    // send only urlencoded, multipart or text/plain bodies without a CORS preflight (Fetch, CORS-safelisted request headers).
    private static bool IsJsonOnly(IMethodSymbol action, INamedTypeSymbol controller, bool apiController)
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

    private static bool? ConsumesJsonOnly(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
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
                foreach (var value in argument.Kind == TypedConstantKind.Array ? argument.Values : System.Collections.Immutable.ImmutableArray.Create(argument))
                {
                    if (value.Value is not string contentType)
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
            if (argument.Key == "EmptyBodyBehavior" && argument.Value.Value is int behavior && behavior == 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenValidation(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "ValidateRequestAsync" && invocation.TargetMethod.ContainingType?.Name == "IAntiforgery";

    // await antiforgery.ValidateRequestAsync(HttpContext); as a statement of the body itself, not inside a try or a branch.
    private static bool ValidatesTokenFirst(IOperation body)
    {
        if (body is not IBlockOperation block)
        {
            return false;
        }

        foreach (var statement in block.Operations)
        {
            if (statement is IExpressionStatementOperation { Operation: var expression })
            {
                var call = EndpointBuilderFlow.Unwrap(expression is IAwaitOperation awaited ? awaited.Operation : expression);
                if (call is IInvocationOperation invocation && IsTokenValidation(invocation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The body only queries: every call is LINQ, an EF Core read, a result helper or a string/conversion helper, at least
    // one reads persistent data, and nothing is assigned but locals and view data.
    private static bool OnlyReads(IOperation body)
    {
        var reads = false;
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                    if (ns == "System.Linq" || method.ContainingType?.Name == "EntityFrameworkQueryableExtensions")
                    {
                        reads |= method.Name is "ToListAsync" or "ToArrayAsync" or "FirstAsync" or "FirstOrDefaultAsync" or "SingleAsync"
                            or "SingleOrDefaultAsync" or "CountAsync" or "AnyAsync" or "SumAsync" or "ToList" or "ToArray" or "First"
                            or "FirstOrDefault" or "Count" or "Any" or "Sum";
                        if (method.Name.StartsWith("Execute", StringComparison.Ordinal))
                        {
                            return false;
                        }

                        continue;
                    }

                    if (method.Name is "View" or "PartialView" or "Json" or "Ok" or "Page" or "Partial" && ns.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (method.ContainingType?.SpecialType == SpecialType.System_String || ns == "System")
                    {
                        continue;
                    }

                    return false;
                case ISimpleAssignmentOperation { Target: not ILocalReferenceOperation } assignment
                    when assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true, Instance.Type.Name: "ViewDataDictionary" }:
                    return false;
                case ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                    return false;
                case IPropertyReferenceOperation { Type: INamedTypeSymbol { Name: "DbSet" } }:
                    reads = true;
                    break;
            }
        }

        return reads;
    }

    // Minimal-API parameters that say nothing about the body: route/query scalars, request services, the request itself.
    private static bool BindsNoBody(IMethodSymbol handler, INamedTypeSymbol? dbContext)
    {
        foreach (var parameter in handler.Parameters)
        {
            var type = parameter.Type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } nullable ? nullable.TypeArguments[0] : parameter.Type;
            if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum
                || type.Name is "Guid" or "DateTime" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "CancellationToken"
                    or "HttpContext" or "ClaimsPrincipal" or "HttpResponse")
            {
                continue;
            }

            if (type.TypeKind == TypeKind.Interface || AuthorizationSymbols.InheritsFrom(type, dbContext) || HasServiceAttribute(parameter))
            {
                continue;
            }

            // A DTO (JSON body), a stream, HttpRequest or an unknown class: the body may decide; stay silent.
            return false;
        }

        return true;
    }

    private static bool HasServiceAttribute(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute" or "FromRouteAttribute" or "FromQueryAttribute" or "FromHeaderAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
