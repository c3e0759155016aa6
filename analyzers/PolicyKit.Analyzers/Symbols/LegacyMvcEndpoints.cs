using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>Which legacy framework a controller belongs to.</summary>
internal enum LegacyControllerKind
{
    None,

    /// <summary>ASP.NET MVC 5: <c>System.Web.Mvc.Controller</c>, filters in <c>GlobalFilters.Filters</c>.</summary>
    Mvc,

    /// <summary>ASP.NET Web API 2: <c>System.Web.Http.ApiController</c>, filters in <c>HttpConfiguration.Filters</c>.</summary>
    WebApi,
}

/// <summary>
/// MVC 5 and Web API 2 controllers, actions and their attributes, for PK3002 and PK3006. Matched by metadata name when
/// System.Web.Mvc / System.Web.Http are referenced; when a review lacks those assemblies (packages not shipped) the base
/// type is an error type, and a class is still taken for a controller — precisely — only when its base is named
/// <c>Controller</c>/<c>ApiController</c> and its file imports <c>System.Web.Mvc</c>/<c>System.Web.Http</c> and not
/// <c>Microsoft.AspNetCore.Mvc</c>. Attributes are then matched by name (<c>Authorize</c>, <c>AllowAnonymous</c> …).
/// </summary>
internal static class LegacyMvcEndpoints
{
    /// <summary>The kind of controller <paramref name="type"/> is, or <see cref="LegacyControllerKind.None"/>.</summary>
    public static LegacyControllerKind KindOf(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return LegacyControllerKind.None;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return UnresolvedBase(type, current.Name);
            }

            if (current.Name == "Controller" && InNamespace(current, "System", "Web", "Mvc"))
            {
                return LegacyControllerKind.Mvc;
            }

            if (current.Name == "ApiController" && InNamespace(current, "System", "Web", "Http"))
            {
                return LegacyControllerKind.WebApi;
            }
        }

        return LegacyControllerKind.None;
    }

    /// <summary>Whether <paramref name="method"/> is an action: public, instance, ordinary, not <c>[NonAction]</c>, declared by the application.</summary>
    public static bool IsAction(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
        && !method.IsOverride && !method.DeclaringSyntaxReferences.IsEmpty && !HasAttribute(method, "NonAction");

    /// <summary>Whether the action answers a state-changing verb (<c>[HttpPost]</c>, <c>[HttpPut]</c>, <c>[HttpDelete]</c>, <c>[HttpPatch]</c>, <c>AcceptVerbs</c>).</summary>
    public static bool IsStateChanging(IMethodSymbol method, LegacyControllerKind kind)
    {
        if (HasAttribute(method, "HttpPost") || HasAttribute(method, "HttpPut") || HasAttribute(method, "HttpDelete") || HasAttribute(method, "HttpPatch"))
        {
            return true;
        }

        if (HasAttribute(method, "HttpGet") || HasAttribute(method, "HttpHead") || HasAttribute(method, "HttpOptions"))
        {
            return false;
        }

        // Web API 2 selects the verb by the action's name prefix when no attribute says otherwise.
        return kind == LegacyControllerKind.WebApi
            && (method.Name.StartsWith("Post", StringComparison.Ordinal) || method.Name.StartsWith("Put", StringComparison.Ordinal)
                || method.Name.StartsWith("Delete", StringComparison.Ordinal) || method.Name.StartsWith("Patch", StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="symbol"/> (or, for a type, a base type) carries the attribute <paramref name="shortName"/>, or a subclass of it.</summary>
    public static bool HasAttribute(ISymbol symbol, string shortName)
    {
        for (var current = symbol; current is not null; current = (current as INamedTypeSymbol)?.BaseType)
        {
            foreach (var data in current.GetAttributes())
            {
                for (var attribute = data.AttributeClass; attribute is not null; attribute = attribute.BaseType)
                {
                    if (attribute.Name == shortName || attribute.Name.Length == shortName.Length + 9
                        && attribute.Name.StartsWith(shortName, StringComparison.Ordinal) && attribute.Name.EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            if (symbol is not INamedTypeSymbol)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The collection a <c>filters.Add(new XAttribute())</c> call registers a global filter in, and the filter's class
    /// name; <see cref="LegacyControllerKind.None"/> when the call is not one. Read from syntax with the semantic types
    /// when they resolve, so that it also works when System.Web.Mvc is missing from a review.
    /// </summary>
    public static LegacyControllerKind GlobalFilter(InvocationExpressionSyntax invocation, SemanticModel model, out INamedTypeSymbol? filterType, out string filterName, System.Threading.CancellationToken cancellationToken)
    {
        filterType = null;
        filterName = string.Empty;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } access
            || invocation.ArgumentList.Arguments.Count == 0
            || invocation.ArgumentList.Arguments[0].Expression is not ObjectCreationExpressionSyntax creation)
        {
            return LegacyControllerKind.None;
        }

        filterName = creation.Type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : creation.Type.ToString();
        filterType = model.GetTypeInfo(creation, cancellationToken).Type as INamedTypeSymbol;
        var receiver = model.GetTypeInfo(access.Expression, cancellationToken).Type;
        if (receiver is { TypeKind: not TypeKind.Error })
        {
            return receiver.Name switch
            {
                "GlobalFilterCollection" when InNamespace(receiver, "System", "Web", "Mvc") => LegacyControllerKind.Mvc,
                "HttpFilterCollection" when InNamespace(receiver, "System", "Web", "Http", "Filters") => LegacyControllerKind.WebApi,
                _ => LegacyControllerKind.None,
            };
        }

        // Unresolved: the template names, FilterConfig.RegisterGlobalFilters(GlobalFilterCollection filters) and
        // WebApiConfig.Register(HttpConfiguration config) → config.Filters.
        var text = access.Expression.ToString();
        if (text == "filters" || text.EndsWith("GlobalFilters.Filters", StringComparison.Ordinal))
        {
            return LegacyControllerKind.Mvc;
        }

        return text.EndsWith(".Filters", StringComparison.Ordinal) && text.IndexOf("config", StringComparison.OrdinalIgnoreCase) >= 0
            ? LegacyControllerKind.WebApi
            : LegacyControllerKind.None;
    }

    /// <summary>Whether a global filter is (or derives from) the attribute <paramref name="shortName"/>.</summary>
    public static bool FilterIs(INamedTypeSymbol? type, string name, string shortName)
    {
        if (type is { TypeKind: not TypeKind.Error })
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == shortName + "Attribute")
                {
                    return true;
                }
            }

            return false;
        }

        return name.EndsWith(shortName + "Attribute", StringComparison.Ordinal) || name == shortName;
    }

    private static LegacyControllerKind UnresolvedBase(INamedTypeSymbol type, string baseName)
    {
        var wanted = baseName switch
        {
            "Controller" => "System.Web.Mvc",
            "ApiController" => "System.Web.Http",
            _ => null,
        };
        if (wanted is null)
        {
            return LegacyControllerKind.None;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree.GetRoot() is not CompilationUnitSyntax unit)
            {
                continue;
            }

            var imports = false;
            foreach (var directive in unit.Usings)
            {
                var name = directive.Name?.ToString();
                if (name is not null && name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                {
                    return LegacyControllerKind.None;
                }

                imports |= name == wanted;
            }

            if (imports)
            {
                return baseName == "Controller" ? LegacyControllerKind.Mvc : LegacyControllerKind.WebApi;
            }
        }

        return LegacyControllerKind.None;
    }

    private static bool InNamespace(ISymbol symbol, params string[] parts)
    {
        var ns = symbol.ContainingNamespace;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
