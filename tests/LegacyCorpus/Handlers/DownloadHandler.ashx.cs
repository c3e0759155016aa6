using System;
using System.IO;
using System.Web;

namespace LegacyCorpus.Handlers
{
    /// <summary>Download.ashx: serves documents from App_Data.</summary>
    public class DownloadHandler : IHttpHandler
    {
        public bool IsReusable => false;

        public void ProcessRequest(HttpContext context)
        {
            var name = context.Request.QueryString["doc"];
            var mode = context.Request.QueryString["mode"];
            var root = context.Server.MapPath("~/App_Data/docs/");
            context.Response.ContentType = "application/octet-stream";
            if (mode == "transmit")
            {
                context.Response.TransmitFile(root + name); // vuln:PK1004 TransmitFile with the query string
            }
            else if (mode == "write")
            {
                context.Response.WriteFile(Path.Combine(root, name)); // vuln:PK1004 Path.Combine keeps ..\ and rooted paths
            }
            else if (mode == "stream")
            {
                using (var stream = new FileStream(Path.Combine(root, name), FileMode.Open, FileAccess.Read)) // vuln:PK1004 FileStream on a request path
                {
                    stream.CopyTo(context.Response.OutputStream);
                }
            }
            else if (mode == "safe")
            {
                context.Response.TransmitFile(Path.Combine(root, Path.GetFileName(name))); // safe:PK1004 directory parts stripped
            }
            else
            {
                context.Response.TransmitFile(root + "index.pdf"); // safe:PK1004 constant file
            }
        }
    }

    /// <summary>Thumbnail.ashx: resizes catalogue images.</summary>
    public class ThumbnailHandler : IHttpHandler
    {
        private static readonly string[] Known = { "shoe.png", "bag.png", "hat.png" };

        public bool IsReusable => true;

        public void ProcessRequest(HttpContext context)
        {
            var image = context.Request["img"];
            if (Array.IndexOf(Known, image) < 0)
            {
                context.Response.StatusCode = 404;
                return;
            }

            var bytes = File.ReadAllBytes(context.Server.MapPath("~/images/" + image)); // safe:PK1004 allow-listed name
            context.Response.ContentType = "image/png";
            context.Response.BinaryWrite(bytes);
        }
    }

    /// <summary>Echo.ashx: a status page that echoes its query.</summary>
    public class EchoHandler : IHttpHandler
    {
        public bool IsReusable => true;

        public void ProcessRequest(HttpContext context)
        {
            var who = context.Request.QueryString["who"];
            context.Response.ContentType = "text/html";
            context.Response.Write("<html><body>Hello " + who + "</body></html>"); // vuln:PK1002 handler writes the query into HTML
            context.Response.Write("<p>" + HttpUtility.HtmlEncode(who) + "</p>"); // safe:PK1002 encoded
            var log = File.ReadAllText(context.Server.MapPath("~/App_Data/logs/" + context.Request.QueryString["day"] + ".log")); // vuln:PK1004 log file chosen by the query
            context.Response.Write(HttpUtility.HtmlEncode(log)); // safe:PK1002 encoded file content
            int day;
            if (int.TryParse(context.Request.QueryString["archive"], out day))
            {
                context.Response.WriteFile(context.Server.MapPath("~/App_Data/logs/archive-" + day + ".log")); // safe:PK1004 number only
            }
        }
    }
}
