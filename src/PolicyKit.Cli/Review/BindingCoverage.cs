using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyKit.Cli.Review;

/// <summary>
/// How much of one compilation the analyzers could actually see: invocations whose target method resolved to a
/// symbol (a call to an unresolved type is invisible to every rule), and the endpoints found (controller actions,
/// Razor Page handlers, minimal-API <c>Map*</c> calls), counted simply from declarations.
/// </summary>
/// <param name="Invocations">Invocation expressions (<c>nameof</c> excluded).</param>
/// <param name="BoundInvocations">Those whose target resolved to a method symbol.</param>
/// <param name="ControllerActions">Public instance methods of controllers.</param>
/// <param name="PageHandlers">Razor Page handlers (<c>On{Verb}[Async]</c> on a <c>PageModel</c>).</param>
/// <param name="MappedEndpoints">Minimal-API <c>MapGet</c>/<c>MapPost</c>/<c>MapPut</c>/<c>MapDelete</c>/<c>MapPatch</c>/<c>MapMethods</c> calls.</param>
internal sealed record BindingCoverage(long Invocations, long BoundInvocations, int ControllerActions, int PageHandlers, int MappedEndpoints)
{
    /// <summary>Nothing measured.</summary>
    public static BindingCoverage None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Measures a compilation.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The counts.</returns>
    public static BindingCoverage Measure(Compilation compilation, CancellationToken cancellationToken)
    {
        long invocations = 0, bound = 0;
        int actions = 0, handlers = 0, mapped = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when !IsNameof(invocation):
                        invocations++;
                        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol)
                        {
                            bound++;
                        }

                        if (IsMapCall(invocation))
                        {
                            mapped++;
                        }

                        break;
                    case ClassDeclarationSyntax type when model.GetDeclaredSymbol(type, cancellationToken) is { IsAbstract: false, DeclaredAccessibility: Accessibility.Public } symbol:
                        var kind = KindOf(symbol);
                        if (kind != EndpointOwner.None)
                        {
                            foreach (var member in symbol.GetMembers())
                            {
                                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false } method && !HasAttribute(method, "NonActionAttribute"))
                                {
                                    if (kind == EndpointOwner.Controller)
                                    {
                                        actions++;
                                    }
                                    else if (IsHandlerName(method.Name))
                                    {
                                        handlers++;
                                    }
                                }
                            }
                        }

                        break;
                }
            }
        }

        return new BindingCoverage(invocations, bound, actions, handlers, mapped);
    }

    private enum EndpointOwner
    {
        None,
        Controller,
        PageModel,
    }

    private static bool IsNameof(InvocationExpressionSyntax invocation) =>
        invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };

    private static bool IsMapCall(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => string.Empty,
        };
        return name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods";
    }

    // ASP.NET Core's conventions: a ControllerBase subclass, a type named *Controller or marked [Controller]/[ApiController]
    // (a partial class declared twice is counted once per declaration; rare enough for a coverage figure).
    private static EndpointOwner KindOf(INamedTypeSymbol type)
    {
        if (HasAttribute(type, "NonControllerAttribute"))
        {
            return EndpointOwner.None;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "PageModel")
            {
                return EndpointOwner.PageModel;
            }

            if (current.Name == "ControllerBase")
            {
                return EndpointOwner.Controller;
            }
        }

        return type.Name.EndsWith("Controller", StringComparison.Ordinal) || HasAttribute(type, "ApiControllerAttribute") || HasAttribute(type, "ControllerAttribute")
            ? EndpointOwner.Controller
            : EndpointOwner.None;
    }

    private static bool IsHandlerName(string name) =>
        name.StartsWith("OnGet", StringComparison.Ordinal) || name.StartsWith("OnPost", StringComparison.Ordinal)
        || name.StartsWith("OnPut", StringComparison.Ordinal) || name.StartsWith("OnDelete", StringComparison.Ordinal)
        || name.StartsWith("OnPatch", StringComparison.Ordinal);

    private static bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
