using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The sinks of PK1006: HTTP response headers (<c>Response.Headers[…]</c>, <c>Append</c>, <c>Add</c>, <c>TryAdd</c>, the
/// typed setters such as <c>Headers.Location</c>, <c>Response.ContentType</c>, <c>ContentDispositionHeaderValue</c> file
/// names) and mail headers and addresses (<c>System.Net.Mail</c>: <c>MailMessage.Subject</c>, <c>Headers.Add</c>,
/// <c>From</c>/<c>Sender</c>, <c>To/CC/Bcc/ReplyToList.Add</c>, <c>new MailAddress</c>, <c>new MailMessage</c>,
/// <c>SmtpClient.Send</c>; MimeKit's <c>MimeMessage</c>, <c>MailboxAddress</c> and header lists, by name, when referenced).
/// Request headers are not sinks: writing to them cannot reach the client.
/// </summary>
internal static class HeaderSinks
{
    private const string Mail = "System.Net.Mail";
    private const string MimeKit = "MimeKit";

    public static void Invocation(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, List<SinkHit> hits)
    {
        switch (method.Name)
        {
            case "Append" or "AppendCommaSeparatedValues" or "SetCommaSeparatedValues"
                when TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HeaderDictionaryExtensions") && IsResponseHeaders(Receiver(invocation)):
                AddAll(hits, invocation.Arguments, "Response.Headers." + method.Name, "key", "value", "values");
                break;
            case "Add" or "TryAdd" when IsResponseHeaders(Receiver(invocation)):
                AddAll(hits, invocation.Arguments, "Response.Headers." + method.Name, "key", "value");
                break;
            case "Add" when invocation.Instance is IPropertyReferenceOperation { Property.Name: "Headers" } headers
                && (IsMailMessage(headers.Property.ContainingType) || TypeNames.Is(headers.Property.ContainingType, MimeKit, "MimeMessage")):
                AddAll(hits, invocation.Arguments, headers.Property.ContainingType.Name + ".Headers.Add", "name", "value", "field", "id", "text");
                break;
            case "Add" when invocation.Instance is IPropertyReferenceOperation { Property: { } list } && IsRecipientList(list) && invocation.Arguments.Length > 0:
                hits.Add(new SinkHit(invocation.Arguments[0].Value, SinkKind.Header, list.ContainingType.Name + "." + list.Name + ".Add"));
                break;
            case "Send" or "SendAsync" or "SendMailAsync" when TypeNames.Is(type, Mail, "SmtpClient"):
                AddAll(hits, invocation.Arguments, "SmtpClient." + method.Name, "from", "recipients", "subject");
                break;
            case "Parse" or "TryParse" when method.IsStatic && TypeNames.InNamespace(type.ContainingNamespace, MimeKit)
                && type.Name is "MailboxAddress" or "InternetAddress" or "InternetAddressList":
                AddAll(hits, invocation.Arguments, type.Name + "." + method.Name, "text");
                break;
            case "SetHttpFileName" or "SetMimeFileName" when IsContentDisposition(type):
                AddAll(hits, invocation.Arguments, "ContentDispositionHeaderValue." + method.Name, "fileName");
                break;
        }
    }

    public static void Creation(IObjectCreationOperation creation, ITypeSymbol type, List<SinkHit> hits)
    {
        if (TypeNames.Is(type, Mail, "MailAddress"))
        {
            AddAll(hits, creation.Arguments, "new MailAddress", "address");
        }
        else if (IsMailMessage(type))
        {
            AddAll(hits, creation.Arguments, "new MailMessage", "from", "to", "subject");
        }
        else if (TypeNames.Is(type, MimeKit, "MailboxAddress"))
        {
            AddAll(hits, creation.Arguments, "new MailboxAddress", "address");
        }
    }

    public static void Assignment(IAssignmentOperation assignment, IPropertySymbol property, List<SinkHit> hits)
    {
        var type = property.ContainingType;
        if (type is null)
        {
            return;
        }

        if (TypeNames.Is(type, "Microsoft.AspNetCore.Http", "IHeaderDictionary") || TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HeaderDictionary"))
        {
            var target = (IPropertyReferenceOperation)assignment.Target;
            if (!IsResponseHeaders(target.Instance))
            {
                return;
            }

            // Response.Headers["X-Name"] = value, or a typed setter such as Response.Headers.Location = value.
            var name = property.IsIndexer ? "Response.Headers[…]" : "Response.Headers." + property.Name;
            hits.Add(new SinkHit(assignment.Value, SinkKind.Header, name));
            foreach (var argument in target.Arguments)
            {
                hits.Add(new SinkHit(argument.Value, SinkKind.Header, name));
            }

            return;
        }

        switch (property.Name)
        {
            case "ContentType" when TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HttpResponse"):
            case "Subject" when IsMailMessage(type) || TypeNames.Is(type, MimeKit, "MimeMessage"):
            case "From" or "Sender" when IsMailMessage(type):
            case "FileName" or "FileNameStar" when IsContentDisposition(type):
                hits.Add(new SinkHit(assignment.Value, SinkKind.Header, type.Name + "." + property.Name));
                break;
        }
    }

    private static bool IsMailMessage(ITypeSymbol? type) => TypeNames.Is(type, Mail, "MailMessage");

    private static bool IsContentDisposition(ITypeSymbol? type) =>
        TypeNames.Is(type, "Microsoft.Net.Http.Headers", "ContentDispositionHeaderValue")
        || TypeNames.Is(type, "System.Net.Http.Headers", "ContentDispositionHeaderValue");

    /// <summary>A recipient or sender list of a message: <c>To</c>, <c>CC</c>, <c>Bcc</c>, <c>ReplyToList</c> (MimeKit: also <c>From</c>, <c>ReplyTo</c>).</summary>
    private static bool IsRecipientList(IPropertySymbol list) =>
        (IsMailMessage(list.ContainingType) && list.Name is "To" or "CC" or "Bcc" or "ReplyToList")
        || (TypeNames.Is(list.ContainingType, MimeKit, "MimeMessage") && list.Name is "To" or "Cc" or "Bcc" or "From" or "ReplyTo" or "Sender");

    /// <summary>The dictionary a call works on: its instance, or the first argument of an extension method.</summary>
    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>An <c>IHeaderDictionary</c> that is not <c>HttpRequest.Headers</c>.</summary>
    private static bool IsResponseHeaders(IOperation? headers)
    {
        while (headers is IConversionOperation conversion)
        {
            headers = conversion.Operand;
        }

        if (headers?.Type is not { } type
            || !(TypeNames.Is(type, "Microsoft.AspNetCore.Http", "IHeaderDictionary") || TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HeaderDictionary")))
        {
            return false;
        }

        return headers is not IPropertyReferenceOperation { Property.Name: "Headers" } property
            || !TypeNames.Is(property.Property.ContainingType, "Microsoft.AspNetCore.Http", "HttpRequest");
    }

    private static void AddAll(List<SinkHit> hits, IEnumerable<IArgumentOperation> arguments, string name, params string[] parameters)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            foreach (var wanted in parameters)
            {
                if (parameter.Name == wanted)
                {
                    hits.Add(new SinkHit(argument.Value, SinkKind.Header, name));
                    break;
                }
            }
        }
    }
}
