using System;
using System.Web;
using System.Web.Http;
using System.Web.Mvc;

namespace LegacyVendorShop
{
    public class Global : HttpApplication
    {
        protected void Application_Start()
        {
            FilterConfig.RegisterGlobalFilters(GlobalFilters.Filters);
            GlobalConfiguration.Configure(WebApiConfig.Register);
        }

        protected void Application_Error(object sender, EventArgs e)
        {
            // "So support can see what happened"
            var error = Server.GetLastError();
            Response.Write("<h1>Error</h1><pre>" + error.ToString() + "</pre>");
            Server.ClearError();
        }
    }
}
