using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Corpus.Framing;

/// <summary>The application-wide default (wired in Program): no page may be framed by another site.</summary>
public static class FrameProtection
{
    public static IApplicationBuilder UseFrameProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "DENY"; // safe:PK3007 every response denies framing
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'"; // safe:PK3007 CSP equivalent
            await next(context);
        });
}

/// <summary>Lets partners frame a page: removes the protective headers.</summary>
public sealed class AllowFramingAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Headers.Remove(HeaderNames.XFrameOptions); // vuln:PK3007#allow-framing removing the header makes the page framable by any site
        context.HttpContext.Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
    }
}

/// <summary>Lets one partner origin frame a page.</summary>
public sealed class PartnerFramingAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Headers.Remove(HeaderNames.XFrameOptions);
        context.HttpContext.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self' https://partner.example.com"; // safe:PK3007#partner-framing one named origin
    }
}

/// <summary>Denies framing on the pages it decorates (for apps without the middleware).</summary>
public sealed class DenyFramingAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context) =>
        context.HttpContext.Response.Headers[HeaderNames.XFrameOptions] = "DENY"; // safe:PK3007#deny-framing
}
