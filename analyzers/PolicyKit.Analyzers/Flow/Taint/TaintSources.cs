using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Where request data enters: parameters of MVC actions, Razor Pages handlers and minimal-API handlers (lambdas and
/// method groups given to <c>Map*</c>, groups included), <c>[BindProperty]</c>/<c>[From*]</c> properties, Blazor
/// <c>[SupplyParameterFromQuery/Form]</c> properties, and reads of <c>HttpRequest.Query/Form/Headers/Cookies/RouteValues/
/// Path/QueryString/Body</c>. Services (<c>[FromServices]</c>, interfaces, framework types, DbContexts) are not input.
/// </summary>
internal sealed class TaintSources
{
    private readonly TaintEngine _engine;
    private readonly INamedTypeSymbol? _endpointRouteBuilder;
    private readonly ConcurrentDictionary<IParameterSymbol, TaintOrigin?> _parameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, TaintOrigin?> _properties = new(SymbolEqualityComparer.Default);
    private readonly object _handlerLock = new();
    private volatile HashSet<IMethodSymbol>? _methodGroupHandlers;

    public TaintSources(TaintEngine engine, Compilation compilation)
    {
        _engine = engine;
        _endpointRouteBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
    }

    /// <summary>The taint of a reference to <paramref name="parameter"/> when it is bound from the request.</summary>
    public TaintValue Parameter(IParameterSymbol parameter, IOperation reference, CancellationToken cancellationToken)
    {
        if (_engine.Declared?.SourceParameter(parameter) is { } declared and not SinkKind.None)
        {
            return TaintValue.Source(Origin(parameter), declared);
        }

        var kinds = BindableKinds(parameter);
        if (kinds == SinkKind.None || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return TaintValue.Clean;
        }

        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            return IsEndpointLambda(method, reference) ? TaintValue.Source(Origin(parameter), kinds) : TaintValue.Clean;
        }

        var origin = _parameters.GetOrAdd(parameter, p => IsEntryPoint(method, cancellationToken) ? Origin(p) : null);
        return origin is null ? TaintValue.Clean : TaintValue.Source(origin, kinds);
    }

    /// <summary>The taint of reading <paramref name="reference"/>'s property when the property itself is request input.</summary>
    public TaintValue Property(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (IsRequestProperty(property))
        {
            return TaintValue.Source(new TaintOrigin("Request." + property.Name, reference.Syntax.GetLocation()), SinkKind.All);
        }

        if (SystemWebTaint.SourceName(property) is { } legacy)
        {
            return TaintValue.Source(new TaintOrigin(legacy, reference.Syntax.GetLocation()), SystemWebTaint.SourceKinds(property));
        }

        if (property.IsStatic || property.DeclaringSyntaxReferences.IsEmpty || TypeNames.IsInert(property.Type))
        {
            return TaintValue.Clean;
        }

        var origin = _properties.GetOrAdd(property.OriginalDefinition, p => IsBoundProperty(p) ? Origin(p) : null);
        return origin is null ? TaintValue.Clean : TaintValue.Source(origin, SinkKind.All);
    }

    /// <summary>
    /// The taint of a call that reads the request body itself: <c>await Request.ReadFormAsync()</c> is the same input
    /// as <c>Request.Form</c>, and <c>Request.ReadFromJsonAsync&lt;T&gt;()</c> is the client's JSON.
    /// </summary>
    public static TaintValue? RequestRead(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var name = method.Name switch
        {
            "ReadFormAsync" when TypeNames.Is(method.ContainingType, "Microsoft.AspNetCore.Http", "HttpRequest") => "Request.Form",
            "ReadFromJsonAsync" when TypeNames.Is(method.ContainingType, "Microsoft.AspNetCore.Http", "HttpRequestJsonExtensions") => "Request body",
            _ => null,
        };
        return name is null ? null : TaintValue.Source(new TaintOrigin(name, invocation.Syntax.GetLocation()), SinkKind.All);
    }

    private static TaintOrigin Origin(ISymbol symbol) =>
        new((symbol is IParameterSymbol ? "parameter '" : "property '") + symbol.Name + "'",
            symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0]);

    private static bool IsRequestProperty(IPropertySymbol property) =>
        property.Name is "Query" or "Form" or "Headers" or "Cookies" or "RouteValues" or "Path" or "QueryString" or "Body" or "PathBase"
        && TypeNames.Is(property.ContainingType, "Microsoft.AspNetCore.Http", "HttpRequest");

    /// <summary>
    /// Which sinks a bound parameter of this type can harm: all for strings and model-bound DTOs, only paths for an
    /// uploaded file (its <c>FileName</c> is the client's), none for services and values that cannot carry text.
    /// </summary>
    private static SinkKind BindableKinds(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (TypeNames.IsInert(type) || HasAttribute(parameter, "FromServicesAttribute") || HasAttribute(parameter, "FromKeyedServicesAttribute"))
        {
            return SinkKind.None;
        }

        if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol || IsTextLike(type))
        {
            return SinkKind.All;
        }

        if (TypeNames.Is(type, "Microsoft.AspNetCore.Http", "IFormFile") || TypeNames.Is(type, "Microsoft.AspNetCore.Http", "IFormFileCollection")
            || TypeNames.Is(type, "System.Web", "HttpPostedFileBase"))
        {
            // The client names the file: a path, and a word on a command line (openssl … upload.FileName).
            return SinkKind.Path | SinkKind.Command;
        }

        if (TypeNames.Is(type, "Microsoft.AspNetCore.Http", "IFormCollection") || TypeNames.Is(type, "System.IO", "Stream")
            || TypeNames.Is(type, "System.Web.Mvc", "FormCollection") || TypeNames.Is(type, "System.Collections.Specialized", "NameValueCollection"))
        {
            return SinkKind.All;
        }

        if (HasAttribute(parameter, "FromBodyAttribute") || HasAttribute(parameter, "FromQueryAttribute") || HasAttribute(parameter, "FromFormAttribute")
            || HasAttribute(parameter, "FromRouteAttribute") || HasAttribute(parameter, "FromHeaderAttribute") || HasAttribute(parameter, "AsParametersAttribute")
            || HasAttribute(parameter, "FromUriAttribute"))
        {
            return SinkKind.All;
        }

        // A model-bound DTO: a class, record or struct of the application itself. Services come as interfaces or
        // framework types; a DbContext is a service even though the application declares it.
        if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract && !type.DeclaringSyntaxReferences.IsEmpty
            && !TypeNames.DerivesFrom(type, "Microsoft.EntityFrameworkCore", "DbContext") && !TakesServices(type))
        {
            return SinkKind.All;
        }

        return SinkKind.None;
    }

    /// <summary>A class whose constructor takes interfaces is a service resolved from DI, not a bound model.</summary>
    private static bool TakesServices(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        foreach (var constructor in named.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Type.TypeKind == TypeKind.Interface)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTextLike(ITypeSymbol type)
    {
        if (TypeNames.Is(type, "Microsoft.Extensions.Primitives", "StringValues") || TypeNames.Is(type, "System", "Uri"))
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.TypeArguments[0].SpecialType == SpecialType.System_String
            && TypeNames.InNamespace(named.ContainingNamespace, "System.Collections.Generic");
    }

    /// <summary>Whether <paramref name="method"/> is an MVC action, a Razor Pages handler or a method given to <c>Map*</c>.</summary>
    public bool IsEndpointMethod(IMethodSymbol method, CancellationToken cancellationToken) => IsEntryPoint(method, cancellationToken);

    private bool IsEntryPoint(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
            && method.ContainingType is { } type && !HasAttribute(method, "NonActionAttribute"))
        {
            if (IsController(type))
            {
                return true;
            }

            if (TypeNames.DerivesFrom(type, "Microsoft.AspNetCore.Mvc.RazorPages", "PageModel")
                && method.Name.StartsWith("On", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return MethodGroupHandlers(cancellationToken).Contains(method.OriginalDefinition);
    }

    private static bool IsController(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.IsStatic)
        {
            return false;
        }

        if (TypeNames.DerivesFrom(type, "Microsoft.AspNetCore.Mvc", "ControllerBase") || SystemWebTaint.IsController(type))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, "ControllerAttribute") || HasAttribute(current, "ApiControllerAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundProperty(IPropertySymbol property)
    {
        if (HasAttribute(property, "BindPropertyAttribute") || HasAttribute(property, "FromQueryAttribute") || HasAttribute(property, "FromFormAttribute")
            || HasAttribute(property, "FromRouteAttribute") || HasAttribute(property, "FromHeaderAttribute") || HasAttribute(property, "FromBodyAttribute")
            || HasAttribute(property, "SupplyParameterFromQueryAttribute") || HasAttribute(property, "SupplyParameterFromFormAttribute"))
        {
            return true;
        }

        // [BindProperties] on the page model or controller binds every public settable property.
        return property.SetMethod is { DeclaredAccessibility: Accessibility.Public } && property.ContainingType is { } type
            && HasAttribute(type, "BindPropertiesAttribute");
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

                if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    return IsPassedToMap(declarator.Symbol, declarator);
                }

                return parent is IArgumentOperation { Parent: IInvocationOperation map } && IsMap(map.TargetMethod);
            }
        }

        return false;
    }

    // Func<string, IResult> handler = name => …; app.MapGet("/f/{name}", handler): the delegate local is the handler
    // (CodeQL PR #10050 models the same shape).
    private bool IsPassedToMap(ILocalSymbol local, IOperation within)
    {
        var root = within;
        while (root.Parent is { } up)
        {
            root = up;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IArgumentOperation { Parent: IInvocationOperation map } argument
                && Unconverted(argument.Value) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && IsMap(map.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unconverted(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private bool IsMap(IMethodSymbol method) =>
        method.Name.StartsWith("Map", System.StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointRouteBuilder);

    /// <summary>
    /// Methods given as method groups to <c>Map*</c> (<c>app.MapGet("/f", Files.Get)</c>): found once per compilation
    /// by a syntax scan for <c>Map…(…, Name)</c> calls, each confirmed with the semantic model of its own tree.
    /// </summary>
    private HashSet<IMethodSymbol> MethodGroupHandlers(CancellationToken cancellationToken)
    {
        var handlers = _methodGroupHandlers;
        if (handlers is not null)
        {
            return handlers;
        }

        lock (_handlerLock)
        {
            if (_methodGroupHandlers is { } ready)
            {
                return ready;
            }

            var found = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (_endpointRouteBuilder is not null)
            {
                foreach (var tree in _engine.Compilation.SyntaxTrees)
                {
                    ScanTree(tree, found, cancellationToken);
                }
            }

            _methodGroupHandlers = found;
            return found;
        }
    }

    private void ScanTree(SyntaxTree tree, HashSet<IMethodSymbol> found, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } invocation
                || MapName(invocation.Expression) is not { } name || !name.StartsWith("Map", System.StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
                {
                    continue;
                }

                model ??= _engine.SemanticModelFor(tree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol map || !IsMap(map.ReducedFrom ?? map))
                {
                    break;
                }

                var info = model.GetSymbolInfo(argument.Expression, cancellationToken);
                if (info.Symbol is IMethodSymbol handler)
                {
                    found.Add(handler.OriginalDefinition);
                }

                foreach (var candidate in info.CandidateSymbols)
                {
                    if (candidate is IMethodSymbol method)
                    {
                        found.Add(method.OriginalDefinition);
                    }
                }
            }
        }
    }

    private static string? MapName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    private static bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (data.AttributeClass is { } attribute && attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
