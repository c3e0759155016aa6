using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Finds the operation tree of a small helper (a method, a local function or a property getter) so that its result
/// can be summarised. Only helpers in the tree being analysed are followed: reaching other files would need
/// <c>Compilation.GetSemanticModel</c>, which analyzers must not call (RS1030).
/// </summary>
internal static class SourceMethodBodies
{
    /// <summary>
    /// The body of <paramref name="method"/> if it is a non-virtual helper declared in <paramref name="model"/>'s tree,
    /// else <see langword="null"/>. Virtual, abstract and interface members are skipped: another body may run.
    /// </summary>
    public static IOperation? Get(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
            || method.ContainingType is { TypeKind: TypeKind.Interface }
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var syntax = reference.GetSyntax(cancellationToken);
            var hasBody = syntax switch
            {
                BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
                AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
                LocalFunctionStatementSyntax f => f.Body is not null || f.ExpressionBody is not null,
                ArrowExpressionClauseSyntax => true,
                _ => false,
            };
            if (!hasBody)
            {
                continue;
            }

            return model.GetOperation(syntax, cancellationToken) switch
            {
                ILocalFunctionOperation function => function.Body ?? function.IgnoredBody,
                { } body => body,
                null => null,
            };
        }

        return null;
    }

    /// <summary>The outermost operation above <paramref name="operation"/>: the whole member body it sits in.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>
    /// Every operation under <paramref name="root"/>, depth first, without entering lambdas and local functions
    /// (their <c>return</c> statements belong to them, not to the method being summarised).
    /// </summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                stack.Push(child);
            }
        }
    }
}
