using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Where ASP.NET Core shows text to users (MVC and Razor Pages results, minimal-API results, raw response writes,
/// view data, ProblemDetails) and its detailed-error switches, resolved once per compilation.
/// </summary>
internal sealed class ErrorDetailSymbols
{
    private ErrorDetailSymbols(Compilation compilation, INamedTypeSymbol exception)
    {
        Exception = exception;
        ControllerBase = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        Controller = Get(compilation, "Microsoft.AspNetCore.Mvc.Controller");
        PageModel = Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Results = Get(compilation, "Microsoft.AspNetCore.Http.Results");
        TypedResults = Get(compilation, "Microsoft.AspNetCore.Http.TypedResults");
        ResponseWriting = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
        ResponseJson = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
        ModelState = Get(compilation, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
        ObjectResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ObjectResult");
        ContentResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ContentResult");
        JsonResult = Get(compilation, "Microsoft.AspNetCore.Mvc.JsonResult");
        ProblemDetails = Get(compilation, "Microsoft.AspNetCore.Mvc.ProblemDetails");
        ViewData = Get(compilation, "Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary");
        TempData = Get(compilation, "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");
    }

    public INamedTypeSymbol Exception { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? Controller { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? Results { get; }

    public INamedTypeSymbol? TypedResults { get; }

    public INamedTypeSymbol? ResponseWriting { get; }

    public INamedTypeSymbol? ResponseJson { get; }

    public INamedTypeSymbol? ModelState { get; }

    public INamedTypeSymbol? ObjectResult { get; }

    public INamedTypeSymbol? ContentResult { get; }

    public INamedTypeSymbol? JsonResult { get; }

    public INamedTypeSymbol? ProblemDetails { get; }

    public INamedTypeSymbol? ViewData { get; }

    public INamedTypeSymbol? TempData { get; }

    /// <summary>Resolves the symbols; false when ASP.NET Core is not referenced.</summary>
    public static bool TryCreate(Compilation compilation, out ErrorDetailSymbols symbols)
    {
        var exception = Get(compilation, "System.Exception");
        var applicationBuilder = Get(compilation, "Microsoft.AspNetCore.Builder.IApplicationBuilder");
        var response = Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse") ?? Get(compilation, "System.Web.HttpResponse");
        if (exception is null || (applicationBuilder is null && response is null))
        {
            symbols = null!;
            return false;
        }

        symbols = new ErrorDetailSymbols(compilation, exception);
        return true;
    }

    /// <summary>Methods whose arguments become response content: <c>Ok</c>, <c>Content</c>, <c>Problem</c>, <c>Results.*</c>, <c>WriteAsync</c> …</summary>
    public bool IsResponseSink(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (SystemWebErrorSinks.IsResponseSink(method))
        {
            return true;
        }

        return Is(type, ControllerBase) || Is(type, Controller) || Is(type, PageModel) || Is(type, Results) || Is(type, TypedResults)
            || Is(type, ResponseWriting) || Is(type, ResponseJson)
            || (Is(type, ModelState) && method.Name == "AddModelError");
    }

    /// <summary>The parameters of a sink that carry content (not status codes, URLs or content types).</summary>
    public bool IsSinkParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (Is(method.ContainingType, ModelState))
        {
            // AddModelError(key, Exception, metadata) shows a generic message; the string overload shows the text.
            return parameter.Name == "errorMessage" && parameter.Type.SpecialType == SpecialType.System_String;
        }

        if (SystemWebErrorSinks.IsResponseSink(method))
        {
            return SystemWebErrorSinks.IsSinkParameter(parameter);
        }

        return parameter.Name is "content" or "value" or "error" or "detail" or "title" or "data" or "model"
            or "text" or "problemDetails" or "message" or "errors";
    }

    /// <summary>
    /// Exceptions whose message is sent to the caller whatever the error settings: SignalR's <c>HubException</c>.
    /// </summary>
    public static bool IsClientVisibleException(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HubException" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.SignalR")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Result types whose constructor arguments are sent to the client.</summary>
    public bool IsResultType(ITypeSymbol? type) =>
        AuthorizationSymbols.InheritsFrom(type, ObjectResult) || AuthorizationSymbols.InheritsFrom(type, JsonResult);

    /// <summary>
    /// Properties whose value is shown to the user: <c>ProblemDetails.Detail/Title</c>, <c>ObjectResult.Value</c>,
    /// <c>ContentResult.Content</c>, <c>ViewData[…]</c>, <c>TempData[…]</c>, and a page model's own public string
    /// properties (the page renders them).
    /// </summary>
    public bool IsShownProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var owner = property.ContainingType;
        if (SystemWebErrorSinks.IsShownProperty(reference))
        {
            return true;
        }

        if (property.IsIndexer)
        {
            var instanceType = reference.Instance?.Type;

            // problemDetails.Extensions["exception"] = …: extensions are serialised into the response body.
            if (reference.Instance is IPropertyReferenceOperation { Property.Name: "Extensions" } extensions
                && AuthorizationSymbols.InheritsFrom(extensions.Property.ContainingType, ProblemDetails))
            {
                return true;
            }

            return AuthorizationSymbols.InheritsFrom(instanceType, ViewData)
                || (instanceType is not null && AuthorizationSymbols.Implements(instanceType, TempData));
        }

        switch (property.Name)
        {
            case "Detail":
            case "Title":
                if (AuthorizationSymbols.InheritsFrom(owner, ProblemDetails))
                {
                    return true;
                }

                break;
            case "Value":
                if (AuthorizationSymbols.InheritsFrom(owner, ObjectResult) || AuthorizationSymbols.InheritsFrom(owner, JsonResult))
                {
                    return true;
                }

                break;
            case "Content":
                if (AuthorizationSymbols.InheritsFrom(owner, ContentResult))
                {
                    return true;
                }

                break;
        }

        return reference.Instance is IInstanceReferenceOperation
            && property.Type.SpecialType == SpecialType.System_String
            && property.DeclaredAccessibility == Accessibility.Public
            && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
            && !Is(owner, PageModel)
            && AuthorizationSymbols.InheritsFrom(owner, PageModel);
    }

    /// <summary>
    /// The display name of a detailed-errors switch (<c>CircuitOptions.DetailedErrors</c>,
    /// <c>JwtBearerOptions.IncludeErrorDetails</c>, <c>HubOptions.EnableDetailedErrors</c>), else null. Matched by
    /// name: the JwtBearer and SignalR packages are not always referenced where the options are configured.
    /// </summary>
    public string? DetailedErrorsSwitch(IPropertySymbol property)
    {
        string owner;
        switch (property.Name)
        {
            case "DetailedErrors":
                owner = "CircuitOptions";
                break;
            case "IncludeErrorDetails":
                owner = "JwtBearerOptions";
                break;
            case "EnableDetailedErrors":
                owner = "HubOptions";
                break;
            default:
                return null;
        }

        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.Name == owner && type.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal) == true)
            {
                return owner + "." + property.Name;
            }
        }

        return null;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) => WellKnownTypes.Get(compilation, metadataName);
}
