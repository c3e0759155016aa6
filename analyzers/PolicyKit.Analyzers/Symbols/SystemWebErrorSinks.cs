using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Where legacy ASP.NET shows text to users, for PK3005 (exception details): <c>Response.Write</c> of
/// <c>HttpResponse</c>/<c>HttpResponseBase</c>, MVC 5 <c>Controller.Content/Json</c>, and WebForms <c>Label</c>/<c>Literal</c>
/// <c>Text</c>. Matched by namespace and name.
/// </summary>
internal static class SystemWebErrorSinks
{
    /// <summary>Whether a call to <paramref name="method"/> writes its arguments into the response.</summary>
    public static bool IsResponseSink(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        return method.Name == "Write" && InSystemWeb(type) && type.Name is "HttpResponse" or "HttpResponseBase"
            || method.Name is "Content" or "Json" && type.Name == "Controller" && IsNamespace(type.ContainingNamespace, "Mvc", "Web", "System");
    }

    /// <summary>The content parameters of those sinks (<c>Write(string s)</c>, <c>Write(object obj)</c>, <c>Content(content)</c>, <c>Json(data)</c>).</summary>
    public static bool IsSinkParameter(IParameterSymbol parameter) => parameter.Name is "s" or "obj" or "content" or "data";

    /// <summary>WebForms <c>Label.Text</c> and <c>Literal.Text</c>: rendered to the page.</summary>
    public static bool IsShownProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        return property.Name == "Text" && property.ContainingType is { Name: "Label" or "Literal" } owner
            && IsNamespace(owner.ContainingNamespace, "WebControls", "UI", "Web", "System");
    }

    private static bool InSystemWeb(INamedTypeSymbol type) => IsNamespace(type.ContainingNamespace, "Web", "System");

    // Innermost first: ("Mvc", "Web", "System") is System.Web.Mvc.
    private static bool IsNamespace(INamespaceSymbol? ns, params string[] innermostFirst)
    {
        foreach (var part in innermostFirst)
        {
            if (ns is null || ns.Name != part)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
