using System.Web.Mvc;
using System.Web.Security;

namespace LegacyVendorShop.Controllers
{
    public class AccountController : Controller
    {
        [AllowAnonymous]
        public ActionResult Login(string returnUrl)
        {
            ViewBag.ReturnUrl = returnUrl;
            return View();
        }

        [HttpPost]
        [AllowAnonymous]
        public ActionResult Login(string userName, string password, string returnUrl)
        {
            if (!Membership.ValidateUser(userName, password))
            {
                return View();
            }

            FormsAuthentication.SetAuthCookie(userName, true);
            return Redirect(returnUrl);
        }
    }
}
