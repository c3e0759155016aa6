using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// The value a local or a readonly field was initialised with, when that is the only value it can hold where it is
/// read: a local never assigned again (nor, for arrays, filled through another call), or a readonly field initialised
/// at its declaration. Only declarations in the same syntax tree are followed: that needs no other semantic model.
/// </summary>
internal static class InitialValue
{
    /// <summary>
    /// The initialiser of the local or readonly field that <paramref name="reference"/> reads, or null.
    /// With <paramref name="mutableContents"/> (arrays), a local passed to any other call or indexed for writing is
    /// not followed: <c>var key = new byte[32]; RandomNumberGenerator.Fill(key);</c> is not a constant key.
    /// </summary>
    public static IOperation? Of(IOperation reference, bool mutableContents, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model is null)
        {
            return null;
        }

        switch (reference)
        {
            case ILocalReferenceOperation local:
                return OfLocal(local, model, mutableContents, cancellationToken);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return OfField(field, model, cancellationToken);
            default:
                return null;
        }
    }

    private static IOperation? OfField(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer }
            || initializer.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return (model.GetOperation(initializer, cancellationToken) as IFieldInitializerOperation)?.Value;
    }

    private static IOperation? OfLocal(ILocalReferenceOperation reference, SemanticModel model, bool mutableContents, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() as SyntaxNode ?? declarator.Parent;
        if (scope is null || IsWrittenElsewhere(scope, local.Name, reference.Syntax, mutableContents))
        {
            return null;
        }

        return (model.GetOperation(initializer, cancellationToken) as IVariableInitializerOperation)?.Value;
    }

    // Syntactic and conservative: any identifier with the local's name counts, so shadowing can only make it give up.
    private static bool IsWrittenElsewhere(SyntaxNode scope, string name, SyntaxNode read, bool mutableContents)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name || read.Span.Contains(node.Span))
            {
                continue;
            }

            var parent = identifier.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                case PrefixUnaryExpressionSyntax:
                case PostfixUnaryExpressionSyntax:
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    return true;
                case ArgumentSyntax when mutableContents:
                    return true;
                case ElementAccessExpressionSyntax access when mutableContents && access.Expression == identifier
                                                              && access.Parent is AssignmentExpressionSyntax:
                    return true;
                case MemberAccessExpressionSyntax member when mutableContents && member.Expression == identifier
                                                              && member.Name.Identifier.ValueText != "Length":
                    return true;
            }
        }

        return false;
    }
}
