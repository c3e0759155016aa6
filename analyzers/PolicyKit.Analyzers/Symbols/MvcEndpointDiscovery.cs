using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>A Razor Page as routing sees it: its area and its path below <c>Pages</c> (<c>/Admin/Index</c>).</summary>
internal sealed class PageIdentity
{
    public PageIdentity(string? area, string path)
    {
        Area = area;
        Path = path;
    }

    public string? Area { get; }

    /// <summary>The page path with a leading slash and no extension: <c>/Admin/Index</c>.</summary>
    public string Path { get; }

    /// <summary><c>Pages/Admin/Index</c>, or <c>Areas/Identity/Pages/Account/Login</c>.</summary>
    public string DisplayName => (Area is null ? "Pages" : "Areas/" + Area + "/Pages") + Path;

    /// <summary>The URLs the page answers: its path, and its folder for an <c>Index</c> page.</summary>
    public IEnumerable<string> Routes()
    {
        var prefix = Area is null ? string.Empty : "/" + Area;
        yield return prefix + Path;
        if (Path.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.Substring(0, Path.Length - "/Index".Length);
            yield return prefix + (folder.Length == 0 ? "/" : folder);
        }
    }
}

/// <summary>
/// How MVC and Razor Pages discover endpoints: controllers and actions, page models and handlers, and the routes
/// and HTTP methods they answer (the rules of ASP.NET Core's DefaultApplicationModelProvider and page conventions).
/// </summary>
internal static class MvcEndpointDiscovery
{
    private const string PageFileSuffix = ".cshtml.cs";

    /// <summary>A class MVC treats as a controller: public, concrete, not generic, derived from ControllerBase or marked [Controller]/[ApiController].</summary>
    public static bool IsController(INamedTypeSymbol type, AuthorizationSymbols symbols)
    {
        if (!IsConcretePublicClass(type))
        {
            return false;
        }

        var marked = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (AuthorizationSymbols.InheritsFrom(attributeClass, symbols.NonControllerAttribute))
                {
                    return false;
                }

                marked |= AuthorizationSymbols.InheritsFrom(attributeClass, symbols.ControllerAttribute)
                    || AuthorizationSymbols.InheritsFrom(attributeClass, symbols.ApiControllerAttribute);
            }

            marked |= SymbolEqualityComparer.Default.Equals(current, symbols.ControllerBase);
        }

        return marked;
    }

    /// <summary>A concrete Razor Page model.</summary>
    public static bool IsPageModel(INamedTypeSymbol type, AuthorizationSymbols symbols) =>
        IsConcretePublicClass(type) && AuthorizationSymbols.InheritsFrom(type.BaseType, symbols.PageModel);

    /// <summary>Public instance methods MVC exposes as actions; the most derived override only.</summary>
    public static List<IMethodSymbol> Actions(INamedTypeSymbol controller, AuthorizationSymbols symbols) =>
        PublicMethods(controller, symbols.ControllerBase, symbols.NonActionAttribute);

    /// <summary>Public instance methods of a page model, handlers or not.</summary>
    public static List<IMethodSymbol> PageMethods(INamedTypeSymbol page, AuthorizationSymbols symbols) =>
        PublicMethods(page, symbols.PageModel, symbols.NonHandlerAttribute);

    /// <summary>
    /// Parses a Razor Pages handler name <c>On{Verb}{Handler}[Async]</c>: <c>OnPostDeleteAsync</c> is POST.
    /// </summary>
    public static bool TryParseHandler(string name, out string verb)
    {
        verb = string.Empty;
        if (name.Length < 5 || !name.StartsWith("On", StringComparison.Ordinal) || !char.IsUpper(name[2]))
        {
            return false;
        }

        var end = 3;
        while (end < name.Length && char.IsLower(name[end]))
        {
            end++;
        }

        var word = name.Substring(2, end - 2);
        switch (word)
        {
            case "Get":
            case "Post":
            case "Put":
            case "Delete":
            case "Patch":
            case "Head":
            case "Options":
                verb = word.ToUpperInvariant();
                return true;
            default:
                return false;
        }
    }

    /// <summary>The HTTP methods an action is restricted to by [HttpPost], [AcceptVerbs] …; empty when it takes any.</summary>
    public static List<string> ActionVerbs(IMethodSymbol action, AuthorizationSymbols symbols)
    {
        var verbs = new List<string>();
        foreach (var attribute in action.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (AuthorizationSymbols.InheritsFrom(type, symbols.AcceptVerbsAttribute))
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        foreach (var item in argument.Values)
                        {
                            AddVerb(verbs, item.ValueOrNull() as string);
                        }
                    }
                    else
                    {
                        AddVerb(verbs, argument.ValueOrNull() as string);
                    }
                }
            }
            else if (type is not null && AuthorizationSymbols.InheritsFrom(type, symbols.HttpMethodAttribute)
                && type.Name.StartsWith("Http", StringComparison.Ordinal) && type.Name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                AddVerb(verbs, type.Name.Substring(4, type.Name.Length - 4 - "Attribute".Length));
            }
        }

        return verbs;
    }

    /// <summary>POST, PUT, PATCH and DELETE change state (MIC-63: least privilege for operations that write).</summary>
    public static bool IsStateChanging(string verb) =>
        verb is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The routes an action answers: attribute routes with tokens replaced, else the default conventional route.</summary>
    public static List<string> ActionRoutes(INamedTypeSymbol controller, IMethodSymbol action, AuthorizationSymbols symbols)
    {
        var controllerName = ControllerName(controller);
        var actionName = ActionName(action, symbols);
        var area = AreaOf(controller, symbols);
        var classTemplates = new List<string>();
        for (var current = controller; current is not null && !SymbolEqualityComparer.Default.Equals(current, symbols.ControllerBase); current = current.BaseType)
        {
            AddTemplates(classTemplates, current.GetAttributes(), symbols);
        }

        var methodTemplates = new List<string>();
        AddTemplates(methodTemplates, action.GetAttributes(), symbols);
        var routes = new List<string>();
        if (classTemplates.Count == 0 && methodTemplates.Count == 0)
        {
            // The default conventional route {controller=Home}/{action=Index}/{id?}.
            var prefix = area is null ? string.Empty : "/" + area;
            routes.Add(prefix + "/" + controllerName + "/" + actionName);
            if (string.Equals(actionName, "Index", StringComparison.OrdinalIgnoreCase))
            {
                routes.Add(prefix + "/" + controllerName);
                if (string.Equals(controllerName, "Home", StringComparison.OrdinalIgnoreCase))
                {
                    routes.Add(prefix.Length == 0 ? "/" : prefix);
                }
            }

            return routes;
        }

        if (classTemplates.Count == 0)
        {
            classTemplates.Add(string.Empty);
        }

        if (methodTemplates.Count == 0)
        {
            methodTemplates.Add(string.Empty);
        }

        foreach (var classTemplate in classTemplates)
        {
            foreach (var methodTemplate in methodTemplates)
            {
                var combined = methodTemplate.StartsWith("/", StringComparison.Ordinal) || methodTemplate.StartsWith("~/", StringComparison.Ordinal)
                    ? methodTemplate
                    : "/" + classTemplate.Trim('/') + "/" + methodTemplate.Trim('/');
                routes.Add(ReplaceTokens(combined, controllerName, actionName, area));
            }
        }

        return routes;
    }

    /// <summary>The controller's name without the <c>Controller</c> suffix, as the <c>[controller]</c> token sees it.</summary>
    public static string ControllerName(INamedTypeSymbol controller) =>
        controller.Name.EndsWith("Controller", StringComparison.Ordinal) && controller.Name.Length > "Controller".Length
            ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length)
            : controller.Name;

    /// <summary>The page a page model belongs to, from its <c>Pages/…/X.cshtml.cs</c> file, else from its namespace.</summary>
    public static PageIdentity PageOf(INamedTypeSymbol page)
    {
        foreach (var reference in page.DeclaringSyntaxReferences)
        {
            var path = reference.SyntaxTree.FilePath.Replace('\\', '/');
            if (!path.EndsWith(PageFileSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var pages = path.LastIndexOf("/Pages/", StringComparison.OrdinalIgnoreCase);
            if (pages < 0)
            {
                continue;
            }

            var start = pages + "/Pages".Length;
            var relative = path.Substring(start, path.Length - start - PageFileSuffix.Length);
            return new PageIdentity(AreaBefore(path, pages), relative);
        }

        // Razor Pages' namespace convention: MyApp.Pages.Admin.IndexModel is /Admin/Index.
        var name = page.Name.EndsWith("Model", StringComparison.Ordinal) && page.Name.Length > 5 ? page.Name.Substring(0, page.Name.Length - 5) : page.Name;
        var segments = page.ContainingNamespace?.ToDisplayString().Split('.') ?? Array.Empty<string>();
        var at = Array.LastIndexOf(segments, "Pages");
        if (at < 0)
        {
            return new PageIdentity(null, "/" + name);
        }

        var folder = string.Join("/", segments, at + 1, segments.Length - at - 1);
        var area = at >= 2 && segments[at - 2] == "Areas" ? segments[at - 1] : null;
        return new PageIdentity(area, "/" + (folder.Length == 0 ? name : folder + "/" + name));
    }

    private static string? AreaBefore(string path, int pagesIndex)
    {
        var areas = path.LastIndexOf("/Areas/", pagesIndex, StringComparison.OrdinalIgnoreCase);
        if (areas < 0)
        {
            return null;
        }

        var start = areas + "/Areas/".Length;
        var area = path.Substring(start, pagesIndex - start);
        return area.Length == 0 || area.IndexOf('/') >= 0 ? null : area;
    }

    private static bool IsConcretePublicClass(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsStatic && type.TypeParameters.IsEmpty
        && type.DeclaredAccessibility == Accessibility.Public && type.ContainingType is null;

    private static List<IMethodSymbol> PublicMethods(INamedTypeSymbol type, INamedTypeSymbol? stopAt, INamedTypeSymbol? excludedBy)
    {
        var result = new List<IMethodSymbol>();
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            // Actions inherited from metadata cannot be located in source; ControllerBase and PageModel expose none.
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, stopAt) || current.DeclaringSyntaxReferences.IsEmpty)
            {
                break;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract
                    || method.IsGenericMethod || method.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (method.OverriddenMethod is { } baseMethod)
                {
                    overridden.Add(baseMethod.OriginalDefinition);
                }

                if (overridden.Contains(method.OriginalDefinition) || IsObjectOverride(method) || IsDispose(method) || HasAttribute(method, excludedBy))
                {
                    continue;
                }

                result.Add(method);
            }
        }

        return result;
    }

    private static bool IsObjectOverride(IMethodSymbol method)
    {
        var root = method;
        while (root.OverriddenMethod is { } baseMethod)
        {
            root = baseMethod;
        }

        return root.ContainingType?.SpecialType == SpecialType.System_Object;
    }

    // MVC never treats IDisposable.Dispose as an action.
    private static bool IsDispose(IMethodSymbol method) => method.Name == "Dispose" && method.Parameters.IsEmpty;

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attributeType)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string ActionName(IMethodSymbol action, AuthorizationSymbols symbols)
    {
        foreach (var attribute in action.GetAttributes())
        {
            if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, symbols.ActionNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].ValueOrNull() is string name)
            {
                return name;
            }
        }

        // MvcOptions.SuppressAsyncSuffixInActionNames is true by default.
        return action.Name.EndsWith("Async", StringComparison.Ordinal) && action.Name.Length > 5
            ? action.Name.Substring(0, action.Name.Length - 5)
            : action.Name;
    }

    private static string? AreaOf(INamedTypeSymbol controller, AuthorizationSymbols symbols)
    {
        for (var current = controller; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, symbols.AreaAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].ValueOrNull() is string area)
                {
                    return area;
                }
            }
        }

        return null;
    }

    private static void AddTemplates(List<string> templates, System.Collections.Immutable.ImmutableArray<AttributeData> attributes, AuthorizationSymbols symbols)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && AuthorizationSymbols.Implements(type, symbols.RouteTemplateProvider)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].ValueOrNull() is string template)
            {
                templates.Add(template);
            }
        }
    }

    private static string ReplaceTokens(string template, string controller, string action, string? area)
    {
        var result = ReplaceToken(template, "[controller]", controller);
        result = ReplaceToken(result, "[action]", action);
        return ReplaceToken(result, "[area]", area ?? string.Empty);
    }

    private static string ReplaceToken(string text, string token, string value)
    {
        var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            text = text.Substring(0, at) + value + text.Substring(at + token.Length);
            at = text.IndexOf(token, at + value.Length, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static void AddVerb(List<string> verbs, string? verb)
    {
        if (!string.IsNullOrEmpty(verb))
        {
            verbs.Add(verb!.ToUpperInvariant());
        }
    }
}
