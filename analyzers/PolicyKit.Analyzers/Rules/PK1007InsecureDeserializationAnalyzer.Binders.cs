using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1007: which binders restrict the types a payload may name, and which settings are only ever written.</summary>
public sealed partial class PK1007InsecureDeserializationAnalyzer
{
    /// <summary>
    /// True when the binder type's <c>BindToType</c> hands the payload's name to <c>Type.GetType</c>,
    /// <c>Assembly.GetType</c>/<c>Assembly.Load</c> or the default binder without an allow-list check (a dictionary or
    /// set lookup, <c>IsAssignableFrom</c>, a comparison with <c>typeof</c>, a <c>switch</c>). A namespace-prefix
    /// <c>StartsWith</c> is no check: <c>"Ns.X, OtherAssembly"</c> and nested generic names pass it (CA2329/CA2330).
    /// The body is read as syntax because the binder usually lives in another file (RS1030 forbids its semantic model).
    /// </summary>
    private static bool BinderResolvesAnyType(ITypeSymbol? binder, System.Threading.CancellationToken cancellationToken)
    {
        for (var type = binder as INamedTypeSymbol; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            if (type.Name == "DefaultSerializationBinder")
            {
                return true;
            }

            foreach (var member in type.GetMembers("BindToType"))
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax method)
                    {
                        return ResolvesAnyName(method);
                    }
                }
            }
        }

        return false;
    }

    private static bool ResolvesAnyName(MethodDeclarationSyntax method)
    {
        SyntaxNode? body = method.Body ?? (SyntaxNode?)method.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        var resolves = false;
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case SwitchStatementSyntax or SwitchExpressionSyntax:
                    return false;
                case BinaryExpressionSyntax { Left: TypeOfExpressionSyntax } or BinaryExpressionSyntax { Right: TypeOfExpressionSyntax }:
                    return false;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                    var name = access.Name.Identifier.ValueText;
                    if (name is "TryGetValue" or "Contains" or "ContainsKey" or "IsAssignableFrom" or "IsSubclassOf" or "Any" or "GetValueOrDefault")
                    {
                        return false;
                    }

                    if ((name is "GetType" or "Load" or "LoadFrom" && invocation.ArgumentList.Arguments.Count > 0)
                        || (name == "BindToType" && access.Expression is BaseExpressionSyntax))
                    {
                        resolves = true;
                    }

                    break;
            }
        }

        return resolves;
    }

    /// <summary>
    /// Settings given only to <c>Serialize*</c> calls: <c>$type</c> is written for a reader elsewhere (which this rule
    /// judges where it reads), and nothing here creates types from data.
    /// </summary>
    private static bool IsSerializationOnly(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
    {
        ISymbol? owner;
        if (property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: { } creation })
        {
            var outer = creation;
            while (outer.Parent is IConversionOperation conversion)
            {
                outer = conversion;
            }

            if (outer.Parent is IArgumentOperation { Parent: IInvocationOperation call })
            {
                return IsSerializeCall(call);
            }

            owner = OwnerOfCreation(creation);
        }
        else
        {
            owner = property.Instance is { } instance ? Symbol(instance) : null;
        }

        if (owner is not ILocalSymbol local)
        {
            return false;
        }

        var used = false;
        foreach (var operation in EndpointBuilderFlow.Root(assignment).Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            var parent = reference.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation write } member when ReferenceEquals(write.Target, member):
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation call } when IsSerializeCall(call):
                    used = true;
                    continue;
                default:
                    return false;
            }
        }

        return used;
    }

    private static bool IsSerializeCall(IInvocationOperation call) =>
        call.TargetMethod.Name.StartsWith("Serialize", System.StringComparison.Ordinal);
}
