using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1004PathTraversalAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK1004 over System.Web: request values reaching <c>Response.TransmitFile/WriteFile</c> and <c>System.IO</c>.</summary>
public sealed class PK1004PathTraversalLegacyTests
{
    [Fact]
    public Task Flags_transmit_file_of_a_query_string_name() => LegacyFlags("""
        using System.Web;

        public class Download : IHttpHandler
        {
            public bool IsReusable { get { return false; } }

            public void ProcessRequest(HttpContext context)
            {
                var name = {|#1:context.Request.QueryString|}["file"];
                context.Response.TransmitFile({|#0:context.Server.MapPath("~/App_Data/" + name)|});
            }
        }
        """, "Request.QueryString", "Response.TransmitFile");

    [Fact]
    public Task Flags_write_file_of_a_form_value() => LegacyFlags("""
        using System.Web.UI;

        public class ReportPage : Page
        {
            protected void Export_Click(object sender, System.EventArgs e)
            {
                Response.WriteFile({|#0:@"D:\reports\" + {|#1:Request.Form|}["report"]|});
            }
        }
        """, "Request.Form", "Response.WriteFile");

    [Fact]
    public Task Flags_file_read_of_a_textbox_path() => LegacyFlags("""
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class ViewerPage : Page
        {
            protected TextBox FileName;
            protected Literal Content;

            protected void Show_Click(object sender, System.EventArgs e)
            {
                var text = File.ReadAllText({|#0:Path.Combine(Server.MapPath("~/docs"), {|#1:FileName.Text|})|});
                Content.Text = Server.HtmlEncode(text);
            }
        }
        """, "TextBox.Text", "File.ReadAllText");

    [Fact]
    public Task Flags_file_delete_from_an_mvc5_parameter() => LegacyFlags("""
        using System.IO;
        using System.Web.Mvc;

        public class UploadsController : Controller
        {
            [HttpPost]
            public ActionResult Remove(string {|#1:name|})
            {
                System.IO.File.Delete({|#0:Server.MapPath("~/uploads/" + name)|});
                return RedirectToAction("Index");
            }
        }
        """, "parameter 'name'", "File.Delete");

    [Fact]
    public Task Flags_stream_reader_of_a_cookie_value() => LegacyFlags("""
        using System.IO;
        using System.Web;

        public class TemplateHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                var template = {|#1:context.Request.Cookies|}["template"].Value;
                using (var reader = new StreamReader({|#0:"templates/" + template + ".html"|}))
                {
                    context.Response.Write(HttpUtility.HtmlEncode(reader.ReadToEnd()));
                }
            }
        }
        """, "Request.Cookies", "StreamReader");

    [Fact]
    public Task Flags_web_api_file_read_of_a_route_value() => LegacyFlags("""
        using System.IO;
        using System.Web.Http;

        public class InvoicesController : ApiController
        {
            public IHttpActionResult Get(string {|#1:id|})
            {
                return Ok(File.ReadAllBytes({|#0:@"C:\invoices\" + id + ".pdf"|}));
            }
        }
        """, "parameter 'id'", "File.ReadAllBytes");

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_file_name_reduced_by_path_get_file_name() => LegacySilent("""
        using System.IO;
        using System.Web;

        public class Download : IHttpHandler
        {
            public bool IsReusable { get { return false; } }

            public void ProcessRequest(HttpContext context)
            {
                var name = Path.GetFileName(context.Request.QueryString["file"]);
                context.Response.TransmitFile(context.Server.MapPath("~/App_Data/" + name));
            }
        }
        """);

    [Fact]
    public Task Ignores_a_constant_file() => LegacySilent("""
        using System.Web.UI;

        public class TermsPage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.TransmitFile(Server.MapPath("~/App_Data/terms.pdf"));
            }
        }
        """);

    [Fact]
    public Task Ignores_a_numeric_id_in_the_path() => LegacySilent("""
        using System.Web.UI;

        public class InvoicePage : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                var id = int.Parse(Request.QueryString["id"]);
                Response.WriteFile(@"D:\invoices\" + id + ".pdf");
            }
        }
        """);

    [Fact]
    public Task Ignores_an_allow_listed_report() => LegacySilent("""
        using System.Collections.Generic;
        using System.Web.UI;

        public class ReportPage : Page
        {
            private static readonly HashSet<string> Reports = new HashSet<string> { "sales.csv", "stock.csv" };

            protected void Export_Click(object sender, System.EventArgs e)
            {
                var report = Request.Form["report"];
                if (Reports.Contains(report))
                {
                    Response.WriteFile(@"D:\reports\" + report);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_writing_request_data_into_a_fixed_file() => LegacySilent("""
        using System.IO;
        using System.Web;

        public class FeedbackHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                File.AppendAllText(context.Server.MapPath("~/App_Data/feedback.txt"), context.Request.Form["comment"]);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_label_text_in_a_path() => LegacySilent("""
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class ArchivePage : Page
        {
            protected Label Folder;

            protected void Page_Load(object sender, System.EventArgs e)
            {
                Folder.Text = "2024";
                Directory.CreateDirectory(Server.MapPath("~/archive/" + Folder.Text));
            }
        }
        """);

    [Fact]
    public Task Flags_mvc5_file_result_of_an_invoice_parameter() => LegacyFlags("""
        using System.Web.Mvc;

        public class InvoicesController : Controller
        {
            public ActionResult Pdf(string {|#1:invoice|})
            {
                return File({|#0:Server.MapPath("~/App_Data/invoices/" + invoice)|}, "application/pdf");
            }
        }
        """, "parameter 'invoice'", "Controller.File");

    [Fact]
    public Task Flags_file_path_result_built_from_the_query_string() => LegacyFlags("""
        using System.Web.Mvc;

        public class ExportController : Controller
        {
            public ActionResult Csv()
            {
                var name = {|#1:Request.QueryString|}["name"];
                return new FilePathResult({|#0:@"D:\exports\" + name|}, "text/csv");
            }
        }
        """, "Request.QueryString", "FilePathResult");

    [Fact]
    public Task Ignores_mvc5_file_result_of_a_stripped_file_name() => LegacySilent("""
        using System.IO;
        using System.Web.Mvc;

        public class InvoicesController : Controller
        {
            public ActionResult Pdf(string invoice)
            {
                return File(Server.MapPath("~/App_Data/invoices/" + Path.GetFileName(invoice)), "application/pdf");
            }
        }
        """);

    [Fact]
    public Task Ignores_mvc5_file_result_of_bytes() => LegacySilent("""
        using System.Text;
        using System.Web.Mvc;

        public class LabelsController : Controller
        {
            public ActionResult Print(string text)
            {
                return File(Encoding.UTF8.GetBytes(text), "text/plain");
            }
        }
        """);

    [Fact]
    public Task Ignores_a_name_found_in_an_allowed_array_by_index_of() => LegacySilent("""
        using System;
        using System.IO;
        using System.Web;

        public class Brochure : IHttpHandler
        {
            private static readonly string[] Allowed = { "spring.pdf", "summer.pdf" };

            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                var name = context.Request.QueryString["name"];
                if (Array.IndexOf(Allowed, name) < 0)
                {
                    context.Response.StatusCode = 404;
                    return;
                }

                context.Response.BinaryWrite(File.ReadAllBytes(context.Server.MapPath("~/brochures/" + name)));
            }
        }
        """);

    [Fact]
    public Task Ignores_a_file_read_inside_a_list_index_of_check() => LegacySilent("""
        using System.Collections.Generic;
        using System.IO;
        using System.Web.UI;

        public class TemplatePage : Page
        {
            private static readonly List<string> Templates = new List<string> { "invoice", "receipt" };

            protected void Page_Load(object sender, System.EventArgs e)
            {
                var template = Request.QueryString["t"];
                if (Templates.IndexOf(template) != -1)
                {
                    Response.Write(Server.HtmlEncode(File.ReadAllText(Server.MapPath("~/templates/" + template + ".txt"))));
                }
            }
        }
        """);

    [Fact]
    public Task Flags_a_file_read_when_the_index_of_check_is_inverted() => LegacyFlags("""
        using System;
        using System.IO;
        using System.Web;

        public class Brochure : IHttpHandler
        {
            private static readonly string[] Blocked = { "web.config" };

            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                var name = {|#1:context.Request.QueryString|}["name"];
                if (Array.IndexOf(Blocked, name) >= 0)
                {
                    return;
                }

                context.Response.BinaryWrite(File.ReadAllBytes({|#0:context.Server.MapPath("~/brochures/" + name)|}));
            }
        }
        """, "Request.QueryString", "File.ReadAllBytes");
}
