using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The legacy ASP.NET (System.Web, WebForms, MVC 5, Web API 2) side of the taint rules: request reads
/// (<c>Request.QueryString/Form/Params/Cookies/Headers/ServerVariables</c>, <c>Request["x"]</c>, the URL and the
/// body), WebForms input control values (<c>TextBox.Text</c>, <c>HiddenField.Value</c>, <c>SelectedValue</c>,
/// <c>HtmlInputControl.Value</c>), and the sinks <c>Response.Write</c>, <c>Label/Literal.Text</c>, <c>Response.Redirect</c>,
/// <c>Server.Transfer</c>, <c>Response.WriteFile/TransmitFile</c> and the MVC 5 / Web API 2 result helpers.
/// Everything is matched by namespace and name (<see cref="TypeNames"/>), as for ASP.NET Core.
/// </summary>
internal static class SystemWebTaint
{
    /// <summary>
    /// How a read of <paramref name="property"/> names its request input (<c>Request.QueryString</c>, <c>Request[…]</c>,
    /// <c>TextBox.Text</c>), or null when it reads none (IPA Web 5-(i): every request value is untrusted).
    /// </summary>
    public static string? SourceName(IPropertySymbol property)
    {
        var type = property.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (IsRequest(type) || IsUnvalidated(type))
        {
            // Request["id"] is the indexer HttpRequest.this[string] (metadata name Item): Params by another name.
            if (property.IsIndexer)
            {
                return "Request[…]";
            }

            return property.Name is "QueryString" or "Form" or "Params" or "Cookies" or "Headers" or "ServerVariables"
                or "RawUrl" or "Url" or "UrlReferrer" or "PathInfo" or "Path" or "UserAgent" or "InputStream" or "Files" or "Unvalidated"
                ? "Request." + property.Name
                : null;
        }

        // WebForms: what the browser posted back into an input control.
        return ControlValue(property);
    }

    /// <summary>
    /// The sinks a legacy request read can harm: all, except that the request's own URL (<c>RawUrl</c>, <c>Url</c>,
    /// <c>Path</c>, <c>PathInfo</c>) is not a redirect target of its own — <c>Response.Redirect(Request.RawUrl)</c>
    /// reloads the same page of this site. <c>UrlReferrer</c> is another site's URL and stays fully tainted.
    /// </summary>
    public static SinkKind SourceKinds(IPropertySymbol property) =>
        !property.IsIndexer && property.Name is "RawUrl" or "Url" or "Path" or "PathInfo" && IsRequest(property.ContainingType)
            ? SinkKind.All & ~SinkKind.Redirect
            : SinkKind.All;

    private static string? ControlValue(IPropertySymbol property)
    {
        for (IPropertySymbol? current = property; current is not null; current = current.OverriddenProperty)
        {
            var type = current.ContainingType;
            if (TypeNames.InNamespace(type.ContainingNamespace, "System.Web.UI.WebControls")
                && (current.Name == "Text" && type.Name == "TextBox" || current.Name == "Value" && type.Name == "HiddenField"
                    || current.Name == "SelectedValue" && type.Name == "ListControl"))
            {
                return type.Name + "." + current.Name;
            }

            if (current.Name == "Value" && TypeNames.InNamespace(type.ContainingNamespace, "System.Web.UI.HtmlControls")
                && type.Name is "HtmlInputControl" or "HtmlTextArea")
            {
                return type.Name + "." + current.Name;
            }
        }

        return null;
    }

    /// <summary>System.Web collection and cookie types through which request text passes.</summary>
    public static bool IsCarrier(INamedTypeSymbol type) =>
        TypeNames.Is(type, "System.Collections.Specialized", "NameValueCollection")
        || TypeNames.InNamespace(type.ContainingNamespace, "System.Web")
            && type.Name is "HttpCookie" or "HttpCookieCollection" or "HttpFileCollection" or "HttpFileCollectionBase" or "HttpPostedFile" or "HttpPostedFileBase";

    /// <summary>
    /// Whether <paramref name="type"/> is a legacy MVC 5 or Web API 2 controller, whose public actions bind request data
    /// (also when a review lacks the MVC assemblies: see <see cref="LegacyMvcEndpoints"/>).
    /// </summary>
    public static bool IsController(INamedTypeSymbol type) => LegacyMvcEndpoints.KindOf(type) != LegacyControllerKind.None;

    /// <summary>Request, response and server types of System.Web (the sealed classes and their MVC-era abstractions).</summary>
    public static bool IsRequest(ITypeSymbol type) =>
        TypeNames.InNamespace(type.ContainingNamespace, "System.Web") && type.Name is "HttpRequest" or "HttpRequestBase";

    private static bool IsUnvalidated(ITypeSymbol type) =>
        TypeNames.InNamespace(type.ContainingNamespace, "System.Web") && type.Name is "UnvalidatedRequestValues" or "UnvalidatedRequestValuesBase";

    public static bool IsResponse(ITypeSymbol? type) =>
        type is not null && TypeNames.InNamespace(type.ContainingNamespace, "System.Web") && type.Name is "HttpResponse" or "HttpResponseBase";

    private static bool IsServer(ITypeSymbol type) =>
        TypeNames.InNamespace(type.ContainingNamespace, "System.Web") && type.Name is "HttpServerUtility" or "HttpServerUtilityBase";

    /// <summary>The System.Web sinks among invocations, for the kinds wanted.</summary>
    public static void Invocation(IInvocationOperation invocation, SinkKind wanted, DefinitionIndex index, List<SinkHit> hits)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return;
        }

        if (IsResponse(type))
        {
            switch (method.Name)
            {
                case "Write" when (wanted & SinkKind.Html) != 0 && !ResponseIsNotHtml(index):
                    Add(hits, TaintSinks.Argument(invocation.Arguments, "s", "obj", "buffer"), SinkKind.Html, "Response.Write");
                    break;
                case "Redirect" or "RedirectPermanent" when (wanted & SinkKind.Redirect) != 0:
                    Add(hits, TaintSinks.Argument(invocation.Arguments, "url"), SinkKind.Redirect, "Response." + method.Name);
                    break;
                case "WriteFile" or "TransmitFile" when (wanted & SinkKind.Path) != 0:
                    Add(hits, TaintSinks.Argument(invocation.Arguments, "filename"), SinkKind.Path, "Response." + method.Name);
                    break;
            }

            return;
        }

        if (IsServer(type))
        {
            // Server.Transfer/Execute of a request-chosen page hands control to any page of the application (CWE-601 / 441).
            if (method.Name is "Transfer" or "TransferRequest" or "Execute" && (wanted & SinkKind.Redirect) != 0)
            {
                Add(hits, TaintSinks.Argument(invocation.Arguments, "path"), SinkKind.Redirect, "Server." + method.Name);
            }

            return;
        }

        if (TypeNames.Is(type, "System.Web.Mvc", "Controller"))
        {
            if (method.Name is "Redirect" or "RedirectPermanent" && (wanted & SinkKind.Redirect) != 0)
            {
                Add(hits, TaintSinks.Argument(invocation.Arguments, "url"), SinkKind.Redirect, "Controller." + method.Name);
            }
            else if (method.Name == "File" && (wanted & SinkKind.Path) != 0 && method.Parameters.Length > 0
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                // MVC 5 File(fileName, contentType[, fileDownloadName]) sends the file at that path (FilePathResult).
                Add(hits, TaintSinks.Argument(invocation.Arguments, "fileName"), SinkKind.Path, "Controller.File");
            }
            else if (method.Name == "Content" && (wanted & SinkKind.Html) != 0 && IsHtmlOrDefault(TaintSinks.Argument(invocation.Arguments, "contentType")))
            {
                // MVC 5 writes Content(text) with the response's default type, text/html.
                Add(hits, TaintSinks.Argument(invocation.Arguments, "content"), SinkKind.Html, "Controller.Content");
            }

            return;
        }

        if (method.Name == "Redirect" && (wanted & SinkKind.Redirect) != 0 && TypeNames.Is(type, "System.Web.Http", "ApiController"))
        {
            Add(hits, TaintSinks.Argument(invocation.Arguments, "location"), SinkKind.Redirect, "ApiController.Redirect");
            return;
        }

        if ((wanted & SinkKind.Html) != 0 && (method.Name == "Raw" && TypeNames.Is(type, "System.Web.Mvc", "HtmlHelper")
            || method.Name == "Create" && TypeNames.Is(type, "System.Web.Mvc", "MvcHtmlString")))
        {
            Add(hits, TaintSinks.Argument(invocation.Arguments, "value"), SinkKind.Html, type.Name + "." + method.Name);
        }
    }

    /// <summary><c>new HtmlString(x)</c>, <c>new MvcHtmlString(x)</c>, <c>new RedirectResult(url)</c> of MVC 5.</summary>
    public static void Creation(IObjectCreationOperation creation, ITypeSymbol type, SinkKind wanted, List<SinkHit> hits)
    {
        if ((wanted & SinkKind.Html) != 0 && (TypeNames.Is(type, "System.Web", "HtmlString") || TypeNames.Is(type, "System.Web.Mvc", "MvcHtmlString")))
        {
            Add(hits, TaintSinks.Argument(creation.Arguments, "value"), SinkKind.Html, type.Name);
        }

        if ((wanted & SinkKind.Redirect) != 0 && TypeNames.Is(type, "System.Web.Mvc", "RedirectResult"))
        {
            Add(hits, TaintSinks.Argument(creation.Arguments, "url"), SinkKind.Redirect, type.Name);
        }

        if ((wanted & SinkKind.Path) != 0 && TypeNames.Is(type, "System.Web.Mvc", "FilePathResult"))
        {
            Add(hits, TaintSinks.Argument(creation.Arguments, "fileName"), SinkKind.Path, type.Name);
        }
    }

    /// <summary>WebForms controls that render their <c>Text</c> without encoding: <c>Label</c>, <c>Literal</c> (PassThrough by default).</summary>
    public static void Assignment(IAssignmentOperation assignment, IPropertySymbol property, SinkKind wanted, List<SinkHit> hits)
    {
        if ((wanted & SinkKind.Html) == 0 || property.Name != "Text")
        {
            return;
        }

        var type = property.ContainingType;
        if (TypeNames.InNamespace(type.ContainingNamespace, "System.Web.UI.WebControls") && type.Name is "Label" or "Literal")
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Html, type.Name + ".Text"));
        }
    }

    /// <summary>The System.Web encoders: <c>Server.HtmlEncode/UrlEncode</c>, <c>AntiXssEncoder</c>, MVC 5 <c>Url.Action</c>.</summary>
    public static SinkKind SanitizedKinds(IMethodSymbol method, INamedTypeSymbol type, SinkKind urlEncoded)
    {
        if (IsServer(type) || TypeNames.Is(type, "System.Web.Security.AntiXss", "AntiXssEncoder"))
        {
            switch (method.Name)
            {
                case "HtmlEncode" or "HtmlAttributeEncode" or "XmlEncode" or "XmlAttributeEncode":
                    return SinkKind.Html;
                case "UrlEncode" or "UrlPathEncode":
                    return urlEncoded;
            }
        }

        return method.Name is "Action" or "RouteUrl" && TypeNames.Is(type, "System.Web.Mvc", "UrlHelper") ? SinkKind.Redirect : SinkKind.None;
    }

    /// <summary>A response whose <c>ContentType</c> is set, in this body, only to non-HTML constants.</summary>
    private static bool ResponseIsNotHtml(DefinitionIndex index)
    {
        var any = false;
        foreach (var operation in index.AllOperations)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } target } assignment
                && IsResponse(target.Property.ContainingType))
            {
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: string value } || IsHtml(value))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool IsHtmlOrDefault(IOperation? contentType) =>
        contentType is null || contentType.ConstantValue is not { HasValue: true, Value: string value } || IsHtml(value);

    private static bool IsHtml(string contentType) => contentType.IndexOf("html", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private static void Add(List<SinkHit> hits, IOperation? value, SinkKind kind, string name)
    {
        if (value is not null)
        {
            hits.Add(new SinkHit(value, kind, name));
        }
    }
}
