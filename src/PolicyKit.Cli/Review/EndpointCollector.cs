extern alias analyzers;

using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Inventory = analyzers::PolicyKit.Analyzers.Endpoints.EndpointInventory;

namespace PolicyKit.Cli.Review;

/// <summary>One endpoint of a reviewed project, with its location already mapped (Razor markup included).</summary>
/// <param name="Kind"><c>Action</c>, <c>PageHandler</c>, <c>MinimalApi</c>, <c>Hub</c> or <c>Component</c>.</param>
/// <param name="Route">The route template(s).</param>
/// <param name="Verbs">The HTTP methods, or <c>*</c>.</param>
/// <param name="Handler">The handler's name.</param>
/// <param name="Path">The handler's file (absolute, as compiled).</param>
/// <param name="Line">The handler's 1-based line.</param>
/// <param name="StartLine">The 1-based first line of the handler declaration.</param>
/// <param name="EndLine">The 1-based last line of the handler declaration.</param>
/// <param name="AuthorizationKind"><c>Anonymous</c>, <c>AllowAnonymous</c> or <c>Authorized</c>.</param>
/// <param name="Authorization">The effective authorization, described.</param>
/// <param name="AntiforgeryKind"><c>NotApplicable</c>, <c>Validated</c>, <c>Ignored</c> or <c>Missing</c>.</param>
/// <param name="Antiforgery">The effective antiforgery, described.</param>
internal sealed record ReviewedEndpoint(
    string Kind,
    string Route,
    string Verbs,
    string Handler,
    string Path,
    int Line,
    int StartLine,
    int EndLine,
    string AuthorizationKind,
    string Authorization,
    string AntiforgeryKind,
    string Antiforgery);

/// <summary>Builds the analyzers' endpoint inventory for a compilation of the review.</summary>
internal static class EndpointCollector
{
    /// <summary>The endpoints of <paramref name="compilation"/>.</summary>
    /// <param name="compilation">The project's compilation.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The endpoints, in file order.</returns>
    public static ImmutableArray<ReviewedEndpoint> Collect(Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<ReviewedEndpoint>();
        foreach (var endpoint in Inventory.Build(compilation, cancellationToken))
        {
            var at = endpoint.Location.GetMappedLineSpan();
            var declaration = endpoint.Declaration.GetMappedLineSpan();
            var sameFile = declaration.Path == at.Path;
            builder.Add(new ReviewedEndpoint(
                endpoint.Kind.ToString(),
                endpoint.Route,
                endpoint.VerbText,
                endpoint.Handler,
                at.Path ?? string.Empty,
                at.StartLinePosition.Line + 1,
                sameFile ? declaration.StartLinePosition.Line + 1 : at.StartLinePosition.Line + 1,
                sameFile ? declaration.EndLinePosition.Line + 1 : at.EndLinePosition.Line + 1,
                endpoint.Authorization.Kind.ToString(),
                endpoint.Authorization.Describe(),
                endpoint.Antiforgery.Kind.ToString(),
                endpoint.Antiforgery.Describe()));
        }

        return builder.ToImmutable();
    }
}
