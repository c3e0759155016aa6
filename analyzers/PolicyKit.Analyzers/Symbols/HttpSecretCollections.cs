using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// The parts of an HTTP request that carry credentials when written whole: ASP.NET Core's <c>HttpRequest.Headers</c>
/// (Authorization, Cookie) and <c>HttpRequest.Cookies</c> (the session and authentication cookies), and
/// <c>HttpRequestMessage.Headers</c> / <c>HttpClient.DefaultRequestHeaders</c> of outgoing calls, also through LINQ
/// (<c>Request.Cookies.Select(c =&gt; $"{c.Key}={c.Value}")</c>). Names alone (<c>Request.Cookies.Keys</c>, a projection
/// of <c>.Key</c>), other headers read one by one and <c>Request.Path</c> are not credentials.
/// </summary>
internal static class HttpSecretCollections
{
    /// <summary>Why <paramref name="operation"/> (a property read, or LINQ over one) carries credentials, or null.</summary>
    public static string? Reason(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property }:
                return PropertyReason(property);
            case IInvocationOperation invocation when IsFilter(invocation.TargetMethod) && invocation.Arguments.Length > 0:
                if (DropsCredentialHeaders(invocation))
                {
                    return null;
                }

                var source = invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments[0].Value : invocation.Instance;
                while (source is IConversionOperation conversion)
                {
                    source = conversion.Operand;
                }

                return source is null ? null : Reason(source);
            default:
                return null;
        }
    }

    /// <summary>
    /// Why the indexed value <c>instance[key]</c> is a credential: the Cookie header, or a session or authentication
    /// cookie read by name; null otherwise.
    /// </summary>
    public static string? HeaderReason(IOperation? instance, string key)
    {
        var type = instance?.Type;
        if (type is null)
        {
            return null;
        }

        if (IsHeaderCollection(type))
        {
            return key.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? "cookies" : null;
        }

        if (type.Name == "IRequestCookieCollection")
        {
            var normalized = key.ToLowerInvariant();
            return normalized.StartsWith(".aspnetcore.", StringComparison.Ordinal) || normalized.Contains("session")
                || normalized.Contains("auth") || normalized.Contains("token") || normalized.Contains("identity")
                ? "session cookie"
                : null;
        }

        return null;
    }

    /// <summary>True for the LINQ operators that pass the collection's elements on (<c>Select</c>, <c>ToList</c> …).</summary>
    public static bool IsProjection(IMethodSymbol method) =>
        IsEnumerable(method) && method.Name is "Select" or "SelectMany" or "ToDictionary" or "ToList" or "ToArray" or "Where"
            or "OrderBy" or "AsEnumerable" or "Skip" or "Take";

    /// <summary>
    /// True when the elements' values survive <paramref name="invocation"/>: no lambda, or a lambda that uses its
    /// element other than through <c>.Key</c> (the header or cookie name).
    /// </summary>
    public static bool ProjectionShowsValues(IInvocationOperation invocation)
    {
        if (IsFilter(invocation.TargetMethod))
        {
            return true;
        }

        var sawLambda = false;
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (value is IDelegateCreationOperation delegateCreation)
            {
                value = delegateCreation.Target;
            }

            if (value is not IAnonymousFunctionOperation { Symbol.Parameters.Length: > 0 } lambda)
            {
                continue;
            }

            sawLambda = true;
            var element = lambda.Symbol.Parameters[0];
            foreach (var descendant in lambda.Body.Descendants())
            {
                if (descendant is IParameterReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Parameter, element)
                    && reference.Parent is not IPropertyReferenceOperation { Property.Name: "Key" })
                {
                    return true;
                }
            }
        }

        return !sawLambda;
    }

    // Request.Headers.Where(h => h.Key != "Authorization" && h.Key != "Cookie"): the filter names what it leaves out.
    // Decision: naming either header is taken as dropping it; a filter that keeps only them is rare and reads as odd.
    /// <summary>True for a <c>Where</c> whose condition names the Authorization or Cookie header (it leaves them out).</summary>
    public static bool DropsCredentialHeaders(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "Where")
        {
            return false;
        }

        // Read from the lambda's syntax: literals ("Authorization") and names (HeaderNames.Authorization) alike.
        if (invocation.Syntax is not InvocationExpressionSyntax { ArgumentList: { } arguments })
        {
            return false;
        }

        foreach (var node in arguments.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (text is not null && (text.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || text.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PropertyReason(IPropertySymbol property)
    {
        var owner = property.ContainingType?.Name;
        return property.Name switch
        {
            "Headers" when owner is "HttpRequest" or "HttpRequestMessage" => "request headers",
            "DefaultRequestHeaders" when owner == "HttpClient" => "request headers",
            "Cookies" when property.Type.Name == "IRequestCookieCollection" => "cookies",
            "Cookie" when owner == "IHeaderDictionary" || (property.Type.Name == "StringValues" && owner?.Contains("Header") == true) => "cookies",
            _ => null,
        };
    }

    // Filters and conversions keep whole elements: Request.Headers.Where(…) still holds Authorization.
    private static bool IsFilter(IMethodSymbol method) =>
        IsEnumerable(method) && method.Name is "ToList" or "ToArray" or "Where" or "OrderBy" or "AsEnumerable" or "Skip" or "Take";

    private static bool IsEnumerable(IMethodSymbol method) =>
        method.ContainingType is { Name: "Enumerable" } type && type.ContainingNamespace?.ToDisplayString() == "System.Linq";

    private static bool IsHeaderCollection(ITypeSymbol type) =>
        type.Name is "IHeaderDictionary" or "HeaderDictionary" or "HttpRequestHeaders" or "HttpHeaders";
}
