using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1005OpenRedirectAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1005: authentication redirects, decoded targets and local-URL tests written by hand.</summary>
public sealed class PK1005RedirectShapesTests
{
    // ---- flagged ----

    [Fact]
    public Task Flags_a_challenge_whose_redirect_uri_is_the_callers() => Flags("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;

        public class ExternalController : Controller
        {
            public IActionResult SignInWith(string provider, string {|#1:next|}) =>
                Challenge(new AuthenticationProperties { RedirectUri = {|#0:next|} }, provider);
        }
        """, "parameter 'next'", "AuthenticationProperties.RedirectUri");

    [Fact]
    public Task Flags_sign_out_properties_filled_from_the_query() => Flags("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Mvc;

        public class SessionController : Controller
        {
            [HttpPost]
            public IActionResult End([FromQuery] string {|#1:after|})
            {
                var properties = new AuthenticationProperties();
                properties.RedirectUri = {|#0:after|};
                return SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme);
            }
        }
        """, "parameter 'after'", "AuthenticationProperties.RedirectUri");

    [Fact]
    public Task Flags_a_base64_decoded_target() => Flags("""
        using System;
        using System.Text;
        using Microsoft.AspNetCore.Mvc;

        public class LinkController : Controller
        {
            public IActionResult Open(string {|#1:token|})
            {
                var url = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                return Redirect({|#0:url|});
            }
        }
        """, "parameter 'token'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_a_single_slash_test_without_the_double_slash_test() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class GoController : Controller
        {
            public IActionResult Go(string {|#1:to|}) => to.StartsWith("/") ? Redirect({|#0:to|}) : BadRequest();
        }
        """, "parameter 'to'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_a_choice_whose_unchecked_arm_is_the_input() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class GoController : Controller
        {
            public IActionResult Go(string {|#1:to|}, bool trusted)
            {
                var target = trusted ? to : "/";
                return Redirect({|#0:target|});
            }
        }
        """, "parameter 'to'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_middleware_redirecting_to_a_query_value() => Flags("""
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.Create();
        app.Use(async (context, next) =>
        {
            if ({|#1:context.Request.Query|}.TryGetValue("to", out var to))
            {
                context.Response.Redirect({|#0:to.ToString()|});
                return;
            }

            await next(context);
        });
        app.Run();
        """, "Request.Query", "HttpResponse.Redirect");

    [Fact]
    public Task Flags_middleware_redirecting_to_an_indexed_query_value() => Flags("""
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.Create();
        app.Use(async (context, next) =>
        {
            context.Response.Redirect({|#0:{|#1:context.Request.Query|}["to"].ToString()|});
            await next(context);
        });
        app.Run();
        """, "Request.Query", "HttpResponse.Redirect");

    [Fact]
    public Task Flags_a_session_value_stored_from_the_query_by_another_action() => Flags("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class WizardController : Controller
        {
            public IActionResult Begin(string {|#1:back|})
            {
                HttpContext.Session.SetString("wizard.back", back);
                return RedirectToAction(nameof(Step));
            }

            public IActionResult Step() => View();

            public IActionResult Done() => Redirect({|#0:HttpContext.Session.GetString("wizard.back") ?? "/"|});
        }
        """, "parameter 'back'", "ControllerBase.Redirect");

    [Fact]
    public Task Flags_temp_data_stored_from_the_query_by_another_action() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class WizardController : Controller
        {
            public IActionResult Begin(string {|#1:back|})
            {
                TempData["back"] = back;
                return RedirectToAction(nameof(Done));
            }

            public IActionResult Done()
            {
                var back = TempData["back"] as string;
                return Redirect({|#0:back ?? "/"|});
            }
        }
        """, "parameter 'back'", "ControllerBase.Redirect");

    [Fact]
    public Task Ignores_stored_values_the_application_chose_or_checked() => Silent("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class WizardController : Controller
        {
            public IActionResult Begin(string back)
            {
                HttpContext.Session.SetString("wizard.back", Url.Action("Index", "Home")!);
                TempData["back"] = back;
                return RedirectToAction(nameof(Done));
            }

            public IActionResult Done() => Redirect(HttpContext.Session.GetString("wizard.back") ?? "/");

            public IActionResult Checked()
            {
                var back = TempData["back"] as string;
                return Url.IsLocalUrl(back) ? Redirect(back) : RedirectToAction("Index", "Home");
            }

            public IActionResult Other() => Redirect(TempData["other"] as string ?? "/");
        }
        """);

    // ---- near misses: silent ----

    [Fact]
    public Task Ignores_a_parsed_uri_checked_by_an_application_helper() => Silent("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public static class Partners
        {
            private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase) { "partner.example.com" };

            public static bool IsKnownPartner(this Uri uri) => uri.Scheme == Uri.UriSchemeHttps && Hosts.Contains(uri.Host);
        }

        public class PartnerController : Controller
        {
            public IActionResult Go(string next)
            {
                if (!Uri.TryCreate(next, UriKind.Absolute, out var uri) || !uri.IsKnownPartner())
                {
                    return BadRequest();
                }

                return Redirect(uri.AbsoluteUri);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_hand_written_local_path_test() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class GoController : Controller
        {
            public IActionResult Go(string to)
            {
                if (string.IsNullOrEmpty(to) || !to.StartsWith('/') || to.StartsWith("//") || to.StartsWith("/\\"))
                {
                    return Redirect("/");
                }

                return Redirect(to);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_relative_uri_test() => Silent("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class GoController : Controller
        {
            public IActionResult Go(string to) =>
                Uri.TryCreate(to, UriKind.Relative, out _) ? Redirect(to) : BadRequest();
        }
        """);

    [Fact]
    public Task Ignores_a_checked_choice_in_a_local() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create();
        app.MapGet("/back", (HttpContext context, string back) =>
        {
            var target = back.StartsWith("/") && !back.StartsWith("//") && !back.StartsWith("/\\") ? back : "/";
            context.Response.Redirect(target);
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_value_replaced_when_not_local() => Silent("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class ResumeModel : PageModel
        {
            [BindProperty(SupportsGet = true)]
            public string? Next { get; set; }

            public IActionResult OnGet()
            {
                if (!Url.IsLocalUrl(Next))
                {
                    Next = Url.Content("~/");
                }

                return Redirect(Next!);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_challenge_with_a_checked_or_built_redirect_uri() => Silent("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;

        public class ExternalController : Controller
        {
            public IActionResult SignInWith(string provider, string next) =>
                Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(next) ? next : "/" }, provider);

            public IActionResult Callback(string provider, string next) =>
                Challenge(new AuthenticationProperties { RedirectUri = Url.Action("Done", new { next }) }, provider);
        }
        """);
}
