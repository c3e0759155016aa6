using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// A value written into a URL attribute of markup (<c>href</c>, <c>src</c>, <c>action</c>, <c>formaction</c>): HTML
/// encoding keeps it inside the attribute but does not stop a <c>javascript:</c> URL (IPA Web 5-(iii): only
/// <c>http</c>/<c>https</c> URLs may be output in links), so an HTML encoder there is not a sanitizer.
/// </summary>
internal static class UrlAttributes
{
    private static readonly string[] Openers = { "href=\"", "href='", "href=", "src=\"", "src='", "action=\"", "action='", "formaction=\"" };

    /// <summary>Whether <paramref name="markup"/> ends by opening a URL attribute's value.</summary>
    public static bool Opens(string markup)
    {
        foreach (var opener in Openers)
        {
            if (markup.EndsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value an HTML-only encoder call encodes, or null when <paramref name="hole"/> is not one.</summary>
    public static IOperation? HtmlEncoded(IOperation? hole, TaintEngine engine)
    {
        while (hole is IConversionOperation conversion)
        {
            hole = conversion.Operand;
        }

        return hole is IInvocationOperation { Arguments.Length: > 0 } call && engine.SanitizedKinds(call) == SinkKind.Html
            ? call.Arguments[0].Value
            : null;
    }
}
