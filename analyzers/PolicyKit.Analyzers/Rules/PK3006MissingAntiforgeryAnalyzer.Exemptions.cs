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
