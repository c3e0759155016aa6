using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Corpus.Xss;

/// <summary>Markup helpers the controllers call: the sinks of the cross-file cases live here.</summary>
public static class HtmlFragments
{
    public static IHtmlContent ToBanner(this string message) =>
        new HtmlString($"<div class=\"banner\">{message}</div>"); // vuln:PK1002#banner-ext extension builds markup from its argument

    public static IHtmlContent ToSafeBanner(this string message) =>
        new HtmlString($"<div class=\"banner\">{HtmlEncoder.Default.Encode(message)}</div>"); // safe:PK1002#safe-banner-ext encoded before it becomes markup

    public static string Breadcrumbs(IEnumerable<string> segments)
    {
        var html = new StringBuilder("<ol class=\"breadcrumb\">");
        foreach (var segment in segments)
        {
            html.Append("<li>").Append(segment).Append("</li>");
        }

        return html.Append("</ol>").ToString();
    }

    public static string SafeBreadcrumbs(IEnumerable<string> segments, HtmlEncoder encoder)
    {
        var html = new StringBuilder("<ol class=\"breadcrumb\">");
        foreach (var segment in segments)
        {
            html.Append("<li>").Append(encoder.Encode(segment)).Append("</li>");
        }

        return html.Append("</ol>").ToString();
    }
}

/// <summary>A DI service that renders a profile card.</summary>
public sealed class ProfileCardRenderer(HtmlEncoder encoder)
{
    public HtmlString Render(string displayName, string city) =>
        new($"<section class=\"card\"><h3>{displayName}</h3><p>{city}</p></section>"); // vuln:PK1002#card-service raw interpolation in a service

    public HtmlString RenderEncoded(string displayName, string city) =>
        new($"<section class=\"card\"><h3>{encoder.Encode(displayName)}</h3><p>{encoder.Encode(city)}</p></section>"); // safe:PK1002#card-service-encoded injected encoder on every value
}
