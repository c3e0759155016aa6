using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3004SessionWeakerThanPolicyAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK3004 over System.Web: <c>HttpCookie</c> flags and <c>FormsAuthenticationTicket</c> lifetimes against the session policy.</summary>
public sealed class PK3004SessionWeakerThanPolicyLegacyTests
{
    private const string SecureWebConfig = """<configuration><system.web><httpCookies requireSSL="true" httpOnlyCookies="true" /></system.web></configuration>""";

    private static Task Run(string source, string? policy = null, string? webConfig = null, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateLegacy(source, policy);
        if (webConfig is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/Web.config", webConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Flags_a_cookie_added_without_flags() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = {|#0:new HttpCookie("shop_session", "v1")|};
                Response.Cookies.Add(cookie);
            }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithArguments("Cookie 'shop_session'", "appended without Secure and HttpOnly", "Secure and HttpOnly", "ASVS 3.3.1"));

    [Fact]
    public Task Ignores_a_preference_cookie_without_flags() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                Response.Cookies.Add(new HttpCookie("theme", "dark"));
                var culture = new HttpCookie("culture", "ja-JP");
                Response.Cookies.Add(culture);
            }
        }
        """);

    [Fact]
    public Task Flags_a_cookie_whose_name_says_nothing_but_whose_value_is_a_token() => Run("""
        using System.Web;

        public static class Handoff
        {
            public static void Store(HttpResponse response, string accessToken)
            {
                response.Cookies.Add({|#0:new HttpCookie("h", accessToken)|});
            }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithArguments("Cookie 'h'", "appended without Secure and HttpOnly", "Secure and HttpOnly", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_a_cookie_with_http_only_but_not_secure() => Run("""
        using System.Web;

        public static class RememberMe
        {
            public static void Issue(HttpResponseBase response, string token)
            {
                var cookie = {|#0:new HttpCookie("remember", token)|};
                cookie.HttpOnly = true;
                response.SetCookie(cookie);
            }
        }
        """, expected: Verify.Diagnostic().WithLocation(0).WithArguments("Cookie 'remember'", "appended without Secure", "Secure", "ASVS 3.3.1"));

    [Fact]
    public Task Flags_a_cookie_passed_straight_to_the_response() => Run("""
        using System.Web;

        public class SignInHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                context.Response.Cookies.Add([|new HttpCookie("remember_me", context.Request.Form["user"])|]);
            }
        }
        """);

    [Fact]
    public Task Flags_secure_set_to_false_even_with_a_secure_web_config() => Run("""
        using System.Web;
        using System.Web.UI;

        public class CartPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("cart", "42") { HttpOnly = true };
                [|cookie.Secure = false|];
                Response.AppendCookie(cookie);
            }
        }
        """, webConfig: SecureWebConfig);

    [Fact]
    public Task Flags_http_only_set_to_false() => Run("""
        using System.Web;
        using System.Web.UI;

        public class TrackingPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("visitor", "abc");
                cookie.Secure = true;
                [|cookie.HttpOnly = false|];
                Response.Cookies.Set(cookie);
            }
        }
        """);

    [Fact]
    public Task Flags_a_forms_ticket_valid_for_a_month() => Run("""
        using System;
        using System.Web;
        using System.Web.Security;

        public static class Login
        {
            public static FormsAuthenticationTicket Ticket(string user)
            {
                return new FormsAuthenticationTicket(1, user, DateTime.Now, [|DateTime.Now.AddDays(30)|], true, "");
            }
        }
        """);

    [Fact]
    public Task Flags_a_cookie_when_web_config_leaves_defaults_insecure() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = [|new HttpCookie("shop_session", "v1")|];
                Response.Cookies.Add(cookie);
            }
        }
        """, webConfig: """<configuration><system.web><httpCookies requireSSL="false" /></system.web></configuration>""");

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_cookie_with_both_flags() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("shop_session", "v1");
                cookie.Secure = true;
                cookie.HttpOnly = true;
                Response.Cookies.Add(cookie);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_cookie_initialised_with_both_flags() => Run("""
        using System.Web;

        public class LanguageHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                context.Response.Cookies.Add(new HttpCookie("lang", "ja") { Secure = true, HttpOnly = true });
            }
        }
        """);

    [Fact]
    public Task Ignores_a_cookie_when_web_config_sets_secure_and_http_only_defaults() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("shop_session", "v1");
                Response.Cookies.Add(cookie);
            }
        }
        """, webConfig: SecureWebConfig);

    [Fact]
    public Task Ignores_a_cookie_that_is_never_emitted_here() => Run("""
        using System.Web;

        public static class Cookies
        {
            public static HttpCookie Create(string name, string value)
            {
                var cookie = new HttpCookie(name, value);
                return cookie;
            }
        }
        """);

    [Fact]
    public Task Ignores_a_cookie_whose_secure_flag_follows_the_connection() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("shop_session", "v1");
                cookie.Secure = Request.IsSecureConnection;
                cookie.HttpOnly = true;
                Response.Cookies.Add(cookie);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_short_forms_ticket() => Run("""
        using System;
        using System.Web.Security;

        public static class Login
        {
            public static FormsAuthenticationTicket Ticket(string user)
            {
                return new FormsAuthenticationTicket(1, user, DateTime.Now, DateTime.Now.AddMinutes(30), false, "");
            }
        }
        """);

    [Fact]
    public Task Ignores_missing_flags_under_a_policy_that_does_not_require_them() => Run("""
        using System.Web;
        using System.Web.UI;

        public class PreferencesPage : Page
        {
            protected void Save_Click(object sender, System.EventArgs e)
            {
                var cookie = new HttpCookie("shop_session", "v1");
                Response.Cookies.Add(cookie);
            }
        }
        """, policy: """{ "session": { "cookie": { "secure": false, "httpOnly": false } } }""");

    [Fact]
    public Task Flags_a_persistent_forms_ticket_valid_for_a_year() => Run("""
        using System;
        using System.Web.Security;

        public static class KioskLogin
        {
            public static string Issue(string terminal)
            {
                var ticket = new FormsAuthenticationTicket(2, terminal, DateTime.UtcNow, [|DateTime.UtcNow.AddYears(1)|], true, "kiosk");
                return FormsAuthentication.Encrypt(ticket);
            }
        }
        """);

    [Fact]
    public Task Flags_a_forms_ticket_valid_for_three_months() => Run("""
        using System;
        using System.Web.Security;

        public static class PartnerLogin
        {
            public static FormsAuthenticationTicket Ticket(string partner)
            {
                return new FormsAuthenticationTicket(1, partner, DateTime.Now, [|DateTime.Now.AddMonths(3)|], true, "partner");
            }
        }
        """);

    [Fact]
    public Task Ignores_a_forms_ticket_of_exactly_the_absolute_timeout() => Run("""
        using System;
        using System.Web.Security;

        public static class ShiftLogin
        {
            public static FormsAuthenticationTicket Ticket(string clerk)
            {
                return new FormsAuthenticationTicket(1, clerk, DateTime.Now, DateTime.Now.AddHours(8), false, "clerk");
            }
        }
        """);
}
