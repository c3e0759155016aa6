using System;
using System.Web;
using System.Web.Security;
using System.Web.UI;
using System.Web.UI.WebControls;

namespace LegacyVendorShop
{
    public partial class Login : Page
    {
        protected TextBox UserName;
        protected TextBox Password;
        protected CheckBox RememberMe;
        protected Label Message;

        protected void LoginButton_Click(object sender, EventArgs e)
        {
            if (!Membership.ValidateUser(UserName.Text, Password.Text))
            {
                Message.Text = "Unknown user " + UserName.Text;
                return;
            }

            var ticket = new FormsAuthenticationTicket(1, UserName.Text, DateTime.Now, DateTime.Now.AddDays(30), RememberMe.Checked, "customer");
            var cookie = new HttpCookie(FormsAuthentication.FormsCookieName, FormsAuthentication.Encrypt(ticket));
            Response.Cookies.Add(cookie);
            Response.Cookies.Add(new HttpCookie("lastUser", UserName.Text));
            Response.Redirect(Request.QueryString["ReturnUrl"]);
        }
    }
}
