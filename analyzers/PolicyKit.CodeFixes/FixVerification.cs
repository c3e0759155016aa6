using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PolicyKit.CodeFixes;

/// <summary>
/// Checks a candidate fix before it is offered: a fix that would add a compiler error is not offered at all
/// (StyleCop's SA1309 fixer does the same), so applying any PolicyKit fix keeps the project building.
/// </summary>
internal static class FixVerification
{
    public static async Task<bool> AddsNoErrorsAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (oldModel is null || newModel is null)
        {
            return false;
        }

        return CountErrors(newModel, cancellationToken) <= CountErrors(oldModel, cancellationToken);
    }

    private static int CountErrors(SemanticModel model, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                count++;
            }
        }

        return count;
    }
}
