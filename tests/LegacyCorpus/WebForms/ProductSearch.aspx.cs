using System;
using System.Web;
using System.Web.UI;
using System.Web.UI.WebControls;

namespace LegacyCorpus.WebForms
{
    /// <summary>Product search results (WebForms code-behind).</summary>
    public partial class ProductSearch : Page
    {
        protected Label SearchTermLabel;
        protected Literal BannerLiteral;
        protected Label CountLabel;
        protected Literal FooterLiteral;

        protected void Page_Load(object sender, EventArgs e)
        {
            var term = Request.QueryString["q"];
            SearchTermLabel.Text = "Results for " + term; // vuln:PK1002 Label.Text renders unencoded
            CountLabel.Text = Server.HtmlEncode(term); // safe:PK1002 encoded before the label
            Response.Write("<h2>You searched for " + term + "</h2>"); // vuln:PK1002 Response.Write of the query string
            Response.Write("<p>" + HttpUtility.HtmlEncode(term) + "</p>"); // safe:PK1002 HtmlEncode
            BannerLiteral.Text = Request.Cookies["campaign"]?.Value; // vuln:PK1002 cookie value into a PassThrough literal
            FooterLiteral.Text = "<small>&copy; Example Shop</small>"; // safe:PK1002 constant markup
        }

        protected void Preview_Click(object sender, EventArgs e)
        {
            var comment = Request.Form["comment"];
            Response.Write(comment); // vuln:PK1002 posted comment echoed
            var length = comment == null ? 0 : comment.Length;
            Response.Write(length); // safe:PK1002 a number
        }

        protected void Navigate_Click(object sender, EventArgs e)
        {
            var target = Request.QueryString["page"];
            Server.Transfer(target); // vuln:PK1005 request-chosen page executed by Server.Transfer
        }

        protected void NavigateSafe_Click(object sender, EventArgs e)
        {
            Server.Transfer(Request.QueryString["print"] == "1" ? "~/Print.aspx" : "~/Results.aspx"); // safe:PK1005 fixed targets
        }

        protected void Back_Click(object sender, EventArgs e)
        {
            Response.Redirect(Request.QueryString["returnUrl"]); // vuln:PK1005 unchecked return URL
        }

        protected void BackSafe_Click(object sender, EventArgs e)
        {
            var returnUrl = Request.QueryString["returnUrl"];
            if (!string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith("/") && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\"))
            {
                Response.Redirect(returnUrl); // safe:PK1005 local paths only
            }

            Response.Redirect("~/Default.aspx"); // safe:PK1005 constant
        }
    }
}
