using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// In Razor markup, the values a developer explicitly marks as HTML — <c>@Html.Raw(x)</c>, <c>new HtmlString(x)</c>,
/// <c>(MarkupString)x</c> — are written without encoding whatever their origin. One of these is a flaw when the value
/// is data (a model property, a variable, a call result) rather than a literal or the output of an HTML encoder.
/// </summary>
internal static class MarkupSinks
{
    private const int MaxDescribedLength = 60;

    /// <summary>Whether <paramref name="hit"/> is an explicit "trust this as HTML" sink fed with data that no encoder produced.</summary>
    public static bool IsUnencodedData(SinkHit hit, TaintEngine engine)
    {
        if ((hit.Kind & SinkKind.Html) == SinkKind.None || hit.Name is not ("Html.Raw" or "HtmlString" or "MarkupString"))
        {
            return false;
        }

        var value = hit.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue.HasValue || value is ILiteralOperation or IDefaultValueOperation)
        {
            return false;
        }

        if (value is IInvocationOperation invocation)
        {
            // HtmlEncoder.Encode, WebUtility.HtmlEncode, Html.Encode …; Json.Serialize escapes <, > and & for script blocks.
            if ((engine.SanitizedKinds(invocation) & SinkKind.Html) != SinkKind.None
                || TypeNames.Is(invocation.TargetMethod.ContainingType, "Microsoft.AspNetCore.Mvc.Rendering", "IJsonHelper"))
            {
                return false;
            }
        }

        return value.Type is null || value.Type.TypeKind != TypeKind.Error;
    }

    /// <summary>The source description shown in the message: <c>view data 'Model.Comment'</c>.</summary>
    public static string Describe(IOperation value)
    {
        var text = value.Syntax.ToString();
        if (text.Length > MaxDescribedLength)
        {
            text = text.Substring(0, MaxDescribedLength) + "…";
        }

        return "view data '" + text + "'";
    }
}
