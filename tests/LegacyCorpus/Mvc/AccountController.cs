using System;
using System.Web.Mvc;
using System.Web.Security;

namespace LegacyCorpus.Mvc
{
    public class LoginModel
    {
        public string UserName { get; set; }
        public string Password { get; set; }
        public string ReturnUrl { get; set; }
    }

    /// <summary>Sign-in pages (MVC 5). Login and Register are on the policy's anonymous allow-list.</summary>
    public class AccountController : Controller
    {
        [HttpGet]
        public ActionResult Login(string returnUrl) // safe:PK3002 allow-listed sign-in page
        {
            ViewBag.ReturnUrl = returnUrl;
            return View();
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Login(LoginModel model) // safe:PK3006 antiforgery validated
        {
            if (!Membership.ValidateUser(model.UserName, model.Password))
            {
                return View(model);
            }

            FormsAuthentication.SetAuthCookie(model.UserName, false);
            return Url.IsLocalUrl(model.ReturnUrl) ? Redirect(model.ReturnUrl) : RedirectToAction("Index", "Home");
        }

        [HttpPost]
        public ActionResult Logout() // vuln:PK3006 cookie-authenticated POST without a token
        {
            FormsAuthentication.SignOut();
            return RedirectToAction("Index", "Home");
        }

        [HttpPost]
        [Authorize]
        public ActionResult ChangeEmail(string email) // vuln:PK3006 state change without antiforgery
        {
            return RedirectToAction("Profile");
        }

        [HttpPost]
        [Authorize]
        [ValidateAntiForgeryToken]
        public ActionResult ChangePassword(string current, string next) // safe:PK3006 token validated
        {
            return RedirectToAction("Profile");
        }

        [Authorize]
        public ActionResult Profile() // safe:PK3002 signed-in users only
        {
            return View();
        }

        public ActionResult History() // vuln:PK3002 order history without [Authorize]
        {
            return View();
        }
    }

    /// <summary>Back-office pages.</summary>
    [Authorize(Roles = "Staff")]
    public class BackOfficeController : Controller
    {
        public ActionResult Index() // safe:PK3002 controller requires Staff
        {
            return View();
        }

        [HttpPost]
        public ActionResult Refund(int orderId, decimal amount) // vuln:PK3006 refund form without antiforgery
        {
            return RedirectToAction("Index");
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Cancel(int orderId) // safe:PK3006 token validated
        {
            return RedirectToAction("Index");
        }

        [AllowAnonymous]
        public ActionResult PriceExport() // vuln:PK3002 AllowAnonymous opens a staff export
        {
            return View();
        }
    }

    /// <summary>Customer self-service (no attribute anywhere).</summary>
    public class AddressBookController : Controller
    {
        public ActionResult Index() // vuln:PK3002 address book without authorization
        {
            return View();
        }

        [HttpPost]
        public ActionResult Delete(int id) // vuln:PK3002 vuln:PK3006 anonymous, token-less delete
        {
            return RedirectToAction("Index");
        }

        [HttpGet]
        public ActionResult Export() // safe:PK3006 vuln:PK3002 GET changes nothing, but the export is anonymous
        {
            return View();
        }

        [NonAction]
        public string Format(string line) // safe:PK3002 not an action
        {
            return line.Trim();
        }
    }

    /// <summary>The public landing page.</summary>
    public class HomeController : Controller
    {
        public ActionResult Index() // safe:PK3002 allow-listed home page
        {
            return View();
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Subscribe(string email) // safe:PK3006 token validated
        {
            return RedirectToAction("Index");
        }
    }
}

namespace LegacyCorpus.Mvc
{
    /// <summary>Wish list (every action validates the token at controller level).</summary>
    [Authorize]
    [ValidateAntiForgeryToken]
    public class WishListController : Controller
    {
        [HttpPost]
        public ActionResult Add(string sku) // safe:PK3006 controller-level token validation
        {
            return RedirectToAction("Index");
        }
    }

    /// <summary>Newsletter preferences.</summary>
    [Authorize]
    public class NewsletterController : Controller
    {
        [HttpPut]
        public ActionResult Update(bool weekly) // vuln:PK3006 PUT form without antiforgery
        {
            return RedirectToAction("Index");
        }

        [HttpDelete]
        public ActionResult Unsubscribe() // vuln:PK3006 DELETE without antiforgery
        {
            return RedirectToAction("Index");
        }
    }
}
