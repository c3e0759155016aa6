using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Corpus.Redirects;

public sealed class SsoOptions
{
    public string LogoutUrl { get; set; } = "https://login.example.com/logout";
}

public sealed record LoginForm(string Email, string Password, string? ReturnUrl);

[Route("nav")]
public sealed class AccountRedirectsController(LoginRedirects redirects, IOptions<SsoOptions> sso) : Controller
{
    [HttpGet("back")]
    public IActionResult Back(string returnUrl) => Redirect(returnUrl); // vuln:PK1005 unchecked returnUrl

    [HttpGet("back-local")]
    public IActionResult BackLocal(string returnUrl) => LocalRedirect(returnUrl); // safe:PK1005 LocalRedirect throws for other hosts

    [HttpGet("back-checked")]
    public IActionResult BackChecked(string returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            return Redirect(returnUrl); // safe:PK1005 inside Url.IsLocalUrl
        }

        return RedirectToAction("Index", "Home");
    }

    [HttpGet("back-guard")]
    public IActionResult BackGuard(string returnUrl)
    {
        if (!Url.IsLocalUrl(returnUrl))
        {
            return BadRequest();
        }

        return Redirect(returnUrl); // safe:PK1005 after a failing-closed IsLocalUrl guard
    }

    [HttpGet("back-ternary")]
    public IActionResult BackTernary(string returnUrl) => Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : Redirect("/"); // safe:PK1005 true arm of IsLocalUrl

    [HttpGet("slash")]
    public IActionResult Slash(string returnUrl)
    {
        if (!returnUrl.StartsWith('/'))
        {
            return BadRequest();
        }

        return Redirect(returnUrl); // vuln:PK1005 "//evil.example" starts with a slash
    }

    [HttpGet("contains")]
    public IActionResult ContainsHost(string next)
    {
        if (!next.Contains("shop.example.com", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest();
        }

        return Redirect(next); // vuln:PK1005 https://evil.example/?shop.example.com passes Contains
    }

    [HttpGet("suffix")]
    public IActionResult Suffix(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var uri) || !uri.Host.EndsWith("example.com", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest();
        }

        return Redirect(next); // vuln:PK1005 evilexample.com ends with example.com
    }

    [HttpGet("partner")]
    public IActionResult Partner(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var uri) || !uri.IsPartner())
        {
            return BadRequest();
        }

        return Redirect(uri.AbsoluteUri); // safe:PK1005 https host from an exact allow-list
    }

    [HttpGet("campaign")]
    public IActionResult Campaign(string target) => Redirect(target.WithCampaign()); // vuln:PK1005 query target with a suffix added

    [HttpGet("order/{id:int}")]
    public IActionResult Order(int id) => Redirect($"/orders/{id}"); // safe:PK1005 numeric id in a local path

    [HttpGet("to-action")]
    public IActionResult ToAction(string section) => RedirectToAction("Index", "Catalog", new { section }); // safe:PK1005 RedirectToAction builds a local URL

    [HttpGet("to-page")]
    public IActionResult ToPage(string returnUrl) => RedirectToPage("/Account/Login", new { returnUrl }); // safe:PK1005 value becomes a query parameter of a local page

    [HttpGet("url-action")]
    public IActionResult UrlAction(string slug) => Redirect(Url.Action("Details", "Catalog", new { slug })!); // safe:PK1005 Url.Action result is local

    [HttpGet("content")]
    public IActionResult ContentUrl(string path) => Redirect(Url.Content(path)); // vuln:PK1005 Url.Content returns absolute URLs unchanged

    [HttpGet("permanent")]
    public IActionResult Moved(string location) => RedirectPermanent(location); // vuln:PK1005 permanent redirect to any URL

    [HttpPost("preserve")]
    [ValidateAntiForgeryToken]
    public IActionResult Preserve(string next) => RedirectPreserveMethod(next); // vuln:PK1005 307 to any URL (re-posts the form)

    [HttpGet("legacy")]
    public void Legacy(string url) => Response.Redirect(url); // vuln:PK1005 Response.Redirect

    [HttpGet("legacy-home")]
    public void LegacyHome() => Response.Redirect("/home"); // safe:PK1005 constant

    [HttpGet("referer")]
    public IActionResult BackToReferer() => Redirect(Request.Headers.Referer.ToString()); // vuln:PK1005 Referer is set by the linking site

    [HttpGet("last-page")]
    public IActionResult LastPage()
    {
        var last = Request.Cookies["last_page"];
        return last is not null && Url.IsLocalUrl(last) ? Redirect(last) : RedirectToAction("Index", "Home"); // safe:PK1005 cookie checked with IsLocalUrl
    }

    [HttpGet("last-page-raw")]
    public IActionResult LastPageRaw()
    {
        var last = Request.Cookies["last_page"] ?? "/";
        return Redirect(last); // vuln:PK1005 cookie value unchecked
    }

    [HttpGet("tenant")]
    public IActionResult Tenant(string tenant) => Redirect($"https://{tenant}.shop.example.com/"); // vuln:PK1005 "evil.example/" as tenant changes the host

    [HttpGet("tenant-safe")]
    public IActionResult TenantSafe(string tenant) =>
        Redirect($"https://shop.example.com/t/{Uri.EscapeDataString(tenant)}/"); // safe:PK1005 escaped into the path of a fixed host

    [HttpGet("base")]
    public IActionResult Base(string path) => Redirect("https://shop.example.com" + path); // vuln:PK1005 "@evil.example" turns the host into user info

    [HttpGet("after-login")]
    public IActionResult AfterLogin(string? returnUrl) => redirects.After(returnUrl); // vuln:PK1005#after-login

    [HttpGet("after-login-checked")]
    public IActionResult AfterLoginChecked(string? returnUrl) => redirects.AfterChecked(returnUrl); // safe:PK1005#after-login-checked

    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginForm form)
    {
        await Task.CompletedTask;
        return Redirect(form.ReturnUrl ?? "/"); // vuln:PK1005 return URL from the posted form
    }

    [HttpPost("login-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> LoginSafe(LoginForm form)
    {
        await Task.CompletedTask;
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "~/"); // safe:PK1005 LocalRedirect of a checked URL
    }

    [HttpGet("signin")]
    public IActionResult ExternalLogin(string returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, "oidc"); // vuln:PK1005 the handler redirects to RedirectUri after sign-in

    [HttpGet("signin-safe")]
    public IActionResult ExternalLoginSafe(string returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, "oidc"); // safe:PK1005 local RedirectUri only

    [HttpPost("signout")]
    [ValidateAntiForgeryToken]
    public IActionResult SignOutTo(string next) =>
        SignOut(new AuthenticationProperties { RedirectUri = next }, CookieAuthenticationDefaults.AuthenticationScheme); // vuln:PK1005 sign-out lands on any URL

    [HttpPost("signout-sso")]
    [ValidateAntiForgeryToken]
    public IActionResult SignOutSso() => Redirect(sso.Value.LogoutUrl); // safe:PK1005 configured identity-provider URL

    [HttpGet("relative")]
    public IActionResult Relative(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Relative, out _) || !next.StartsWith('/') || next.StartsWith("//") || next.StartsWith("/\\"))
        {
            return BadRequest();
        }

        return Redirect(next); // safe:PK1005 relative, single leading slash (same test as IsLocalUrl)
    }

    [HttpGet("language")]
    public IActionResult Language(string culture, string returnUrl)
    {
        Response.Cookies.Append(".AspNetCore.Culture", $"c={culture}|uic={culture}");
        return LocalRedirect(returnUrl); // safe:PK1005 LocalRedirect
    }

    [HttpGet("section")]
    public IActionResult Section(string section) =>
        Redirect(section switch { "faq" => "/help/faq", "contact" => "/help/contact", _ => "/help" }); // safe:PK1005 constant arms
}

public sealed class LoginModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPost() => Redirect(ReturnUrl ?? "/"); // vuln:PK1005 Razor Page bound ReturnUrl

    public IActionResult OnPostLocal() => LocalRedirect(ReturnUrl ?? "/"); // safe:PK1005 LocalRedirect

    public IActionResult OnGetContinue()
    {
        ReturnUrl ??= Url.Content("~/");
        if (!Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = Url.Content("~/");
        }

        return Redirect(ReturnUrl); // safe:PK1005 replaced when not local (template pattern)
    }
}

public static class RedirectMinimalApis
{
    public static void MapRedirectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/go", (string to) => Results.Redirect(to)); // vuln:PK1005 minimal API Results.Redirect
        app.MapGet("/go-local", (string to) => Results.LocalRedirect(to)); // safe:PK1005 LocalRedirect
        app.MapGet("/out", (HttpRequest request) => TypedResults.Redirect(request.Query["url"].ToString())); // vuln:PK1005 TypedResults.Redirect of the query
        app.MapGet("/short/{code}", (string code) =>
            code switch
            {
                "spring" => Results.Redirect("/sale/spring"),
                "docs" => Results.Redirect("https://docs.example.com/"),
                _ => Results.NotFound(),
            }); // safe:PK1005 short codes map to constants
        app.MapGet("/continue", (HttpContext context, string next) =>
        {
            context.Response.Redirect(next, permanent: false); // vuln:PK1005 Response.Redirect in a minimal API
            return Task.CompletedTask;
        });
        app.MapGet("/continue-local", (HttpContext context, string next) =>
        {
            var target = next.StartsWith('/') && !next.StartsWith("//") && !next.StartsWith("/\\") ? next : "/";
            context.Response.Redirect(target); // safe:PK1005 local-path test before the redirect
            return Task.CompletedTask;
        });
    }
}
