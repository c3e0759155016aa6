using System;
using System.IO;
using System.Web;
using System.Web.Mvc;

namespace LegacyCorpus.Mvc
{
    /// <summary>Storefront pages (ASP.NET MVC 5).</summary>
    [Authorize]
    public class StoreController : Controller
    {
        public ActionResult Greeting(string name)
        {
            return Content("<p>Welcome back, " + name + "!</p>"); // vuln:PK1002 Content() defaults to text/html
        }

        public ActionResult GreetingText(string name)
        {
            return Content("Welcome back, " + name, "text/plain"); // safe:PK1002 plain text
        }

        public ActionResult GreetingEncoded(string name)
        {
            return Content("<p>Welcome back, " + HttpUtility.HtmlEncode(name) + "</p>"); // safe:PK1002 encoded
        }

        public ActionResult Badge(string label)
        {
            ViewBag.Badge = MvcHtmlString.Create("<span class=\"badge\">" + label + "</span>"); // vuln:PK1002 MvcHtmlString skips Razor encoding
            return View();
        }

        public ActionResult BadgeSafe(string label)
        {
            ViewBag.Badge = MvcHtmlString.Create("<span class=\"badge\">" + HttpUtility.HtmlEncode(label) + "</span>"); // safe:PK1002 encoded inside the markup
            return View();
        }

        public ActionResult Note()
        {
            var note = Request.Form["note"];
            ViewBag.Note = new HtmlString(note); // vuln:PK1002 HtmlString of a form field
            return View();
        }

        public ActionResult Continue(string returnUrl)
        {
            return Redirect(returnUrl); // vuln:PK1005 MVC Redirect of a parameter
        }

        public ActionResult ContinueLocal(string returnUrl)
        {
            if (Url.IsLocalUrl(returnUrl))
            {
                return Redirect(returnUrl); // safe:PK1005 Url.IsLocalUrl checked
            }

            return RedirectToAction("Index", "Home"); // safe:PK1005 route redirect
        }

        public ActionResult Partner(string site)
        {
            return new RedirectResult("https://" + site + "/landing"); // vuln:PK1005 host chosen by the request
        }

        public ActionResult Receipt(string file)
        {
            var path = Server.MapPath("~/App_Data/receipts/" + file);
            return File(path, "application/pdf"); // vuln:PK1004 file name from the request
        }

        public ActionResult ReceiptSafe(string file)
        {
            var path = Server.MapPath("~/App_Data/receipts/" + Path.GetFileName(file));
            return File(path, "application/pdf"); // safe:PK1004 GetFileName strips directories
        }

        public ActionResult Manual(string lang)
        {
            var text = System.IO.File.ReadAllText(Server.MapPath("~/App_Data/manuals/" + lang + ".txt")); // vuln:PK1004 ReadAllText with a request segment
            return Content(text, "text/plain");
        }

        public ActionResult ManualSafe(string lang)
        {
            var file = lang == "ja" ? "manual-ja.txt" : "manual-en.txt";
            var text = System.IO.File.ReadAllText(Server.MapPath("~/App_Data/manuals/" + file)); // safe:PK1004 file chosen from constants
            return Content(text, "text/plain");
        }
    }
}
