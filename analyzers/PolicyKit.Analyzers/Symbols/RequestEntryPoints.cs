using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Recognises parameters that ASP.NET Core binds from the HTTP request: public actions of MVC controllers, Razor Pages
/// handlers, and lambdas given to minimal-API <c>Map*</c> calls. Services (<c>[FromServices]</c>, or a type that is not a
/// simple value) are not request input.
/// </summary>
internal sealed class RequestEntryPoints
{
    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _endpointRouteBuilder;
    private readonly INamedTypeSymbol? _fromServices;
    private readonly INamedTypeSymbol? _nonAction;
    private readonly INamedTypeSymbol? _mvc5Controller;
    private readonly INamedTypeSymbol? _mvc5NonAction;
    private readonly INamedTypeSymbol? _apiController;

    public RequestEntryPoints(Compilation compilation)
    {
        _controllerBase = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        _pageModel = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        _endpointRouteBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        _fromServices = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.FromServicesAttribute");
        _nonAction = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");

        // Legacy ASP.NET: MVC 5 and Web API 2 actions bind their parameters from the request too.
        _mvc5Controller = WellKnownTypes.Get(compilation, "System.Web.Mvc.Controller");
        _mvc5NonAction = WellKnownTypes.Get(compilation, "System.Web.Mvc.NonActionAttribute");
        _apiController = WellKnownTypes.Get(compilation, "System.Web.Http.ApiController");
    }

    /// <summary>
    /// Whether <paramref name="parameter"/>, referenced by <paramref name="reference"/>, holds a string bound from the request.
    /// </summary>
    public bool IsRequestString(IParameterSymbol parameter, IOperation reference)
    {
        if (parameter.Type.SpecialType != SpecialType.System_String || HasAttribute(parameter, _fromServices)
            || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            return IsEndpointLambda(method, reference);
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
            || HasAttribute(method, _nonAction) || HasAttribute(method, _mvc5NonAction) || method.ContainingType is not { } type)
        {
            return false;
        }

        if (DerivesFrom(type, _controllerBase) || DerivesFrom(type, _mvc5Controller) || DerivesFrom(type, _apiController)
            || LegacyMvcEndpoints.KindOf(type) != LegacyControllerKind.None)
        {
            return true;
        }

        return DerivesFrom(type, _pageModel) && method.Name.StartsWith("On", System.StringComparison.Ordinal);
    }

    private bool IsEndpointLambda(IMethodSymbol lambda, IOperation reference)
    {
        if (_endpointRouteBuilder is null)
        {
            return false;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
            {
                var parent = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
                while (parent is IConversionOperation conversion)
                {
                    parent = conversion.Parent;
                }

                return parent is IArgumentOperation { Parent: IInvocationOperation map }
                    && SymbolEqualityComparer.Default.Equals(map.TargetMethod.ContainingType, _endpointRouteBuilder);
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
