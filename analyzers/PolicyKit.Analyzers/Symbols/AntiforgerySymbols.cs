using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>What an attribute or filter says about antiforgery validation.</summary>
internal enum AntiforgeryPolicy
{
    /// <summary>Nothing said: a policy further out (class, global filter) decides.</summary>
    None = 0,

    /// <summary><c>[AutoValidateAntiforgeryToken]</c>: POST, PUT, PATCH and DELETE are validated; GET, HEAD, OPTIONS, TRACE are not.</summary>
    ValidateUnsafe = 1,

    /// <summary><c>[ValidateAntiForgeryToken]</c>: every request is validated, GET included.</summary>
    ValidateAll = 2,

    /// <summary><c>[IgnoreAntiforgeryToken]</c> or <c>[RequireAntiforgeryToken(false)]</c>: validation is off.</summary>
    Ignore = 3,
}

/// <summary>
/// ASP.NET Core's antiforgery attributes, filters and form-binding types, resolved once per compilation. MVC applies
/// the antiforgery policy closest to the action (action, then controller, then global filter).
/// </summary>
internal sealed class AntiforgerySymbols
{
    public AntiforgerySymbols(Compilation compilation)
    {
        ValidateAttribute = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.ValidateAntiForgeryTokenAttribute");
        AutoValidateAttribute = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute");
        IgnoreAttribute = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute");
        AntiforgeryMetadata = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata");
        FilterMetadata = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata");
        Controller = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.Controller");
        FromFormMetadata = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata");
        FormFile = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.IFormFile");
        FormFileCollection = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.IFormFileCollection");
        FormCollection = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.IFormCollection");
    }

    public INamedTypeSymbol? ValidateAttribute { get; }

    public INamedTypeSymbol? AutoValidateAttribute { get; }

    public INamedTypeSymbol? IgnoreAttribute { get; }

    public INamedTypeSymbol? AntiforgeryMetadata { get; }

    public INamedTypeSymbol? FilterMetadata { get; }

    /// <summary><c>Microsoft.AspNetCore.Mvc.Controller</c>: a controller with views, as opposed to <c>ControllerBase</c>.</summary>
    public INamedTypeSymbol? Controller { get; }

    public INamedTypeSymbol? FromFormMetadata { get; }

    public INamedTypeSymbol? FormFile { get; }

    public INamedTypeSymbol? FormFileCollection { get; }

    public INamedTypeSymbol? FormCollection { get; }

    /// <summary>The policy these attributes (of one class or one method) state.</summary>
    public AntiforgeryPolicy PolicyOf(ImmutableArray<AttributeData> attributes)
    {
        var result = AntiforgeryPolicy.None;
        foreach (var attribute in attributes)
        {
            var policy = PolicyOfType(attribute.AttributeClass);
            if (policy == AntiforgeryPolicy.None && attribute.AttributeClass is { } type && AuthorizationSymbols.Implements(type, AntiforgeryMetadata))
            {
                // [RequireAntiforgeryToken] / [RequireAntiforgeryToken(false)] (IAntiforgeryMetadata.RequiresValidation).
                policy = RequiresValidation(attribute) ? AntiforgeryPolicy.ValidateUnsafe : AntiforgeryPolicy.Ignore;
            }

            // Two policies on one declaration are rare; the validating one is kept so that the rule stays quiet.
            if (policy != AntiforgeryPolicy.None && (result == AntiforgeryPolicy.None || result == AntiforgeryPolicy.Ignore))
            {
                result = policy;
            }
        }

        return result;
    }

    /// <summary>The policy of an attribute or filter type; custom MVC filters named like <c>*Antiforgery*</c> count as validating.</summary>
    public AntiforgeryPolicy PolicyOfType(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return AntiforgeryPolicy.None;
        }

        if (AuthorizationSymbols.InheritsFrom(type, IgnoreAttribute))
        {
            return AntiforgeryPolicy.Ignore;
        }

        if (AuthorizationSymbols.InheritsFrom(type, ValidateAttribute))
        {
            return AntiforgeryPolicy.ValidateAll;
        }

        if (AuthorizationSymbols.InheritsFrom(type, AutoValidateAttribute))
        {
            return AntiforgeryPolicy.ValidateUnsafe;
        }

        // A team's own validation filter ([ValidateAntiforgeryHeader], AntiforgeryValidationFilter): silence beats a
        // false alarm (Security Code Scan issue #149 reports exactly this false positive).
        return AuthorizationSymbols.Implements(type, FilterMetadata)
            && type.Name.IndexOf("antiforgery", StringComparison.OrdinalIgnoreCase) >= 0
            && type.Name.IndexOf("Ignore", StringComparison.OrdinalIgnoreCase) < 0
            && type.Name.IndexOf("Disable", StringComparison.OrdinalIgnoreCase) < 0
                ? AntiforgeryPolicy.ValidateUnsafe
                : AntiforgeryPolicy.None;
    }

    /// <summary>Whether a minimal-API parameter is bound from a form: <c>[FromForm]</c>, <c>IFormFile</c>, <c>IFormFileCollection</c>, <c>IFormCollection</c>.</summary>
    public bool BindsForm(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (SymbolEqualityComparer.Default.Equals(type, FormFile) || SymbolEqualityComparer.Default.Equals(type, FormFileCollection)
            || SymbolEqualityComparer.Default.Equals(type, FormCollection))
        {
            return true;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeType && AuthorizationSymbols.Implements(attributeType, FromFormMetadata))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RequiresValidation(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.ValueOrNull() is bool required)
            {
                return required;
            }
        }

        return true;
    }

    /// <summary>The antiforgery policy of a class: the most derived class up to <paramref name="stopAt"/> that states one decides.</summary>
    public AntiforgeryPolicy HierarchyPolicy(INamedTypeSymbol type, INamedTypeSymbol? stopAt)
    {
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, stopAt); current = current.BaseType)
        {
            var policy = PolicyOf(current.GetAttributes());
            if (policy != AntiforgeryPolicy.None)
            {
                return policy;
            }
        }

        return AntiforgeryPolicy.None;
    }

    /// <summary>The antiforgery policy of an action: the most derived override that states one decides.</summary>
    public AntiforgeryPolicy MethodPolicy(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            var policy = PolicyOf(current.GetAttributes());
            if (policy != AntiforgeryPolicy.None)
            {
                return policy;
            }
        }

        return AntiforgeryPolicy.None;
    }

    /// <summary>Whether any parameter of a minimal-API handler is bound from a form.</summary>
    public bool BindsForm(IMethodSymbol handler)
    {
        foreach (var parameter in handler.Parameters)
        {
            if (BindsForm(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>PageApplicationModel.Filters</c> / <c>ControllerModel.Filters</c> are <c>IList&lt;IFilterMetadata&gt;</c>.</summary>
    public bool IsFilterList(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
        && SymbolEqualityComparer.Default.Equals(list.TypeArguments[0], FilterMetadata);

    /// <summary>
    /// Whether a controller serves an API: it does not derive from <c>Controller</c> (no views), or it or a base class
    /// carries <c>[ApiController]</c>.
    /// </summary>
    public bool IsApi(INamedTypeSymbol controller, AuthorizationSymbols symbols)
    {
        if (!AuthorizationSymbols.InheritsFrom(controller, Controller))
        {
            return true;
        }

        for (var current = controller; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (AuthorizationSymbols.InheritsFrom(attribute.AttributeClass, symbols.ApiControllerAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
