using System;
using System.Web;
using System.Web.Security;

namespace LegacyCorpus.Cookies
{
    /// <summary>Cookies written by the storefront (the root Web.config does not make cookies Secure by default).</summary>
    public class StoreCookies
    {
        private readonly HttpResponseBase _response;

        public StoreCookies(HttpResponseBase response)
        {
            _response = response;
        }

        public void RememberCustomer(string customerToken)
        {
            var cookie = new HttpCookie("customer", customerToken); // vuln:PK3004#remember identity cookie without Secure/HttpOnly
            cookie.Expires = DateTime.Now.AddDays(30);
            _response.Cookies.Add(cookie); // vuln:PK3004#remember
        }

        public void RememberCustomerSafe(string customerToken)
        {
            var cookie = new HttpCookie("customer", customerToken) { Secure = true, HttpOnly = true, Expires = DateTime.Now.AddDays(30) }; // safe:PK3004#remember-safe both flags
            _response.Cookies.Add(cookie); // safe:PK3004#remember-safe
        }

        public void CartId(string cartId)
        {
            var cookie = new HttpCookie("cart", cartId); // vuln:PK3004#cart HttpOnly set, Secure missing
            cookie.HttpOnly = true;
            _response.SetCookie(cookie); // vuln:PK3004#cart
        }

        public void CartIdSafe(string cartId)
        {
            var cookie = new HttpCookie("cart", cartId); // safe:PK3004#cart-safe flags set below
            cookie.HttpOnly = true;
            cookie.Secure = true;
            _response.SetCookie(cookie); // safe:PK3004#cart-safe
        }

        public void Session(string sessionKey)
        {
            var cookie = new HttpCookie("ASP.NET_Token", sessionKey) { HttpOnly = true };
            cookie.Secure = false; // vuln:PK3004#token Secure switched off
            _response.AppendCookie(cookie); // vuln:PK3004#token
        }

        public void Theme(string theme)
        {
            var cookie = new HttpCookie("theme", theme == "dark" ? "dark" : "light") { Secure = true }; // safe:PK3004#theme preference readable by script on purpose
            _response.Cookies.Add(cookie); // safe:PK3004#theme
        }
    }

    /// <summary>Forms-authentication tickets issued by the login page.</summary>
    public static class TicketIssuer
    {
        public static HttpCookie LongTicket(string userName)
        {
            var ticket = new FormsAuthenticationTicket(1, userName, DateTime.Now, DateTime.Now.AddDays(14), true, "customer"); // vuln:PK3004 14-day ticket exceeds the 480-minute absolute timeout
            return new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket)) { Secure = true, HttpOnly = true };
        }

        public static HttpCookie ShortTicket(string userName)
        {
            var ticket = new FormsAuthenticationTicket(1, userName, DateTime.Now, DateTime.Now.AddMinutes(30), false, "customer"); // safe:PK3004 30 minutes
            return new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket)) { Secure = true, HttpOnly = true };
        }

        public static HttpCookie WorkdayTicket(string userName)
        {
            var ticket = new FormsAuthenticationTicket(2, userName, DateTime.Now, DateTime.Now.AddHours(8), false, "staff"); // safe:PK3004 8 hours equals the absolute limit
            return new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket)) { Secure = true, HttpOnly = true };
        }

        public static HttpCookie YearTicket(string userName)
        {
            var ticket = new FormsAuthenticationTicket(2, userName, DateTime.Now, DateTime.Now.AddYears(1), true, "kiosk"); // vuln:PK3004 one-year ticket
            return new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket)) { Secure = true, HttpOnly = true };
        }

        public static HttpCookie PlainTicketCookie(string userName)
        {
            var ticket = new FormsAuthenticationTicket(userName, false, 20); // safe:PK3004 20 minutes
            var cookie = new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket)); // vuln:PK3004#plain-ticket authentication cookie without flags
            HttpContext.Current.Response.Cookies.Add(cookie); // vuln:PK3004#plain-ticket
            return cookie;
        }
    }
}
