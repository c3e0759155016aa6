using System.Web;

namespace LegacyVendorShop.Handlers
{
    public class Download : IHttpHandler
    {
        public bool IsReusable
        {
            get { return false; }
        }

        public void ProcessRequest(HttpContext context)
        {
            var name = context.Request.QueryString["file"];
            context.Response.ContentType = "application/octet-stream";
            context.Response.TransmitFile(context.Server.MapPath("~/App_Data/invoices/" + name));
        }
    }
}
