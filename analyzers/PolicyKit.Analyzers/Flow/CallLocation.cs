using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.Flow;

/// <summary>Where to report a finding about a call as a whole.</summary>
internal static class CallLocation
{
    /// <summary>
    /// The called name and its arguments (<c>AddCookie()</c> in <c>services.AddAuthentication().AddCookie()</c>), so
    /// that a finding about the last call of a fluent chain does not underline the whole chain.
    /// </summary>
    public static Location NameAndArguments(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, call.Span.End));
        }

        return syntax.GetLocation();
    }
}
