using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// A <c>CookieOptions</c> local built and then adjusted in the method that appends the cookie:
/// <c>var options = new CookieOptions { … }; options.Expires = …; Response.Cookies.Append(name, value, options);</c>.
/// The local is followed only when it is never reassigned and no other call receives it (a helper could change it).
/// </summary>
internal static class CookieOptionsLocal
{
    /// <summary>
    /// The creation that initialised <paramref name="local"/>, with the property assignments made to it later in the
    /// same body added to <paramref name="later"/>; null when the local cannot be followed.
    /// </summary>
    public static IObjectCreationOperation? Creation(ILocalReferenceOperation local, IInvocationOperation append, List<ISimpleAssignmentOperation> later, CancellationToken cancellationToken)
    {
        if (InitialValue.Of(local, mutableContents: false, cancellationToken) is not IObjectCreationOperation creation)
        {
            return null;
        }

        foreach (var operation in SourceMethodBodies.Root(append).Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    later.Add(assignment);
                    break;
                case IArgumentOperation { Value: ILocalReferenceOperation passed } argument
                    when SymbolEqualityComparer.Default.Equals(passed.Local, local.Local) && argument.Parent is IInvocationOperation other
                        && other != append && other.TargetMethod.Name != "Append":
                    return null;
            }
        }

        return creation;
    }
}
