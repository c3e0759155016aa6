using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK1008: where parsed XML comes from, and resolvers that cannot reach files or the network.</summary>
public sealed partial class PK1008XmlExternalEntitiesAnalyzer
{
    /// <summary>
    /// <c>DtdProcessing.Parse</c> next to an <c>XmlPreloadedResolver</c> built without a fallback resolver: only the DTDs
    /// it was given resolve; nothing is read from disk or the network.
    /// </summary>
    private static bool OnlyPreloadedDtds(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment, XmlSymbols symbols)
    {
        foreach (var sibling in SettingsWrites(property, assignment))
        {
            if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "XmlResolver" } } resolver
                && EndpointBuilderFlow.Unwrap(resolver.Value) is IObjectCreationOperation creation
                && AuthorizationSymbols.InheritsFrom(creation.Type, symbols.PreloadedResolver))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Type.Name == "XmlResolver")
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Settings kept in a local that only ever reaches <c>XmlReader.Create("constant/path.xml", settings)</c>: the
    /// application's own file, not input.
    /// </summary>
    private static bool OnlyReadsOwnFiles(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
    {
        if (OwnerLocal(property, assignment) is not { } local)
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
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Create", Arguments: { Length: > 1 } arguments } }
                    when arguments[0].Value.Type?.SpecialType == SpecialType.System_String && EndpointBuilderFlow.Unwrap(arguments[0].Value).ConstantValue.HasValue:
                    used = true;
                    continue;
                default:
                    return false;
            }
        }

        return used;
    }

    private static ILocalSymbol? OwnerLocal(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
    {
        if (property.Instance is ILocalReferenceOperation local)
        {
            return local.Local;
        }

        IOperation? creation = assignment.Parent is IObjectOrCollectionInitializerOperation initializer ? initializer.Parent : null;
        while (creation?.Parent is IConversionOperation conversion)
        {
            creation = conversion;
        }

        return creation?.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    // The other writes to the same settings: object-initializer siblings, or assignments through the same local.
    private static System.Collections.Generic.IEnumerable<IOperation> SettingsWrites(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var sibling in initializer.Initializers)
            {
                yield return sibling;
            }
        }

        if (OwnerLocal(property, assignment) is not { } local)
        {
            yield break;
        }

        foreach (var operation in EndpointBuilderFlow.Root(assignment).Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } }
                && SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                yield return operation;
            }
        }
    }

    // flag ? DtdProcessing.Parse : DtdProcessing.Prohibit, or a switch with a Parse arm.
    private static bool MayChooseParse(IOperation value)
    {
        switch (value)
        {
            case IConditionalOperation conditional:
                return IsParse(conditional.WhenTrue) || (conditional.WhenFalse is { } whenFalse && IsParse(whenFalse));
            case ISwitchExpressionOperation choice:
                foreach (var arm in choice.Arms)
                {
                    if (IsParse(arm.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsParse(IOperation value) =>
        EndpointBuilderFlow.Unwrap(value).ConstantValue is { HasValue: true, Value: int mode } && mode == DtdProcessingParse;

    /// <summary>
    /// A stylesheet read from an upload, a stream parameter or the request body: its <c>xsl:import</c>/<c>xsl:include</c>
    /// go through the resolver whatever <c>XsltSettings</c> say about document(). The application's own stylesheet
    /// (a constant path) is not reported.
    /// </summary>
    private static bool StylesheetFromInput(IInvocationOperation load)
    {
        IOperation? stylesheet = null;
        foreach (var argument in load.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                stylesheet = EndpointBuilderFlow.Unwrap(argument.Value);
            }
        }

        for (var step = 0; step < 3 && stylesheet is not null; step++)
        {
            switch (stylesheet)
            {
                case ILocalReferenceOperation local:
                    stylesheet = InitialValue.Of(local, mutableContents: false, default) is { } initial ? EndpointBuilderFlow.Unwrap(initial) : null;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: > 0 } create:
                    stylesheet = EndpointBuilderFlow.Unwrap(create.Arguments[0].Value);
                    continue;
            }

            break;
        }

        if (stylesheet is null || stylesheet.ConstantValue.HasValue)
        {
            return false;
        }

        // Content, not a name: an uploaded file or stream, the request body. A string parameter is a URI the
        // application chose (its own templates) and is left alone.
        foreach (var operation in stylesheet.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation { Parameter.Type.Name: "IFormFile" or "Stream" or "TextReader" or "StreamReader" or "XmlReader" }
                || operation is IInvocationOperation { TargetMethod.Name: "OpenReadStream" }
                || operation is IPropertyReferenceOperation { Property.Name: "Body" or "Form" } body && body.Property.ContainingType?.Name == "HttpRequest")
            {
                return true;
            }
        }

        return false;
    }
}
