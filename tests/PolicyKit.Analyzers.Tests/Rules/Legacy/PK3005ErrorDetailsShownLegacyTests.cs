using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3005ErrorDetailsShownAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK3005 over System.Web: exception details written with <c>Response.Write</c>, MVC 5 results and WebForms labels.</summary>
public sealed class PK3005ErrorDetailsShownLegacyTests
{
    [Fact]
    public Task Flags_the_last_error_written_in_application_error() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web;

        public class Global : HttpApplication
        {
            protected void Application_Error(object sender, EventArgs e)
            {
                var error = Server.GetLastError();
                Response.Write("<pre>" + [|error.ToString()|] + "</pre>");
            }
        }
        """);

    [Fact]
    public Task Flags_an_exception_message_in_a_handler() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web;

        public class ExportHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                try { context.Response.TransmitFile("report.csv"); }
                catch (Exception ex) { context.Response.Write([|ex.Message|]); }
            }
        }
        """);

    [Fact]
    public Task Flags_a_stack_trace_in_a_label() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class OrderPage : Page
        {
            protected Label ErrorLabel;

            protected void Save_Click(object sender, EventArgs e)
            {
                try { Save(); }
                catch (Exception ex) { ErrorLabel.Text = [|ex.StackTrace|]; }
            }

            private void Save() { }
        }
        """);

    [Fact]
    public Task Flags_an_exception_in_a_literal() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class ImportPage : Page
        {
            protected Literal Result;

            protected void Import_Click(object sender, EventArgs e)
            {
                try { throw new InvalidOperationException("x"); }
                catch (InvalidOperationException ex) { Result.Text = "Failed: " + [|ex|]; }
            }
        }
        """);

    [Fact]
    public Task Flags_mvc5_content_of_an_exception() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.Mvc;

        public class ImportController : Controller
        {
            public ActionResult Run()
            {
                try { return View(); }
                catch (Exception ex) { return Content([|ex.ToString()|]); }
            }
        }
        """);

    [Fact]
    public Task Flags_mvc5_json_of_an_inner_exception() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.Mvc;

        public class ApiLikeController : Controller
        {
            public ActionResult Save()
            {
                try { return View(); }
                catch (Exception ex) { return Json(new { error = [|ex.InnerException.Message|] }); }
            }
        }
        """);

    // ---- near misses --------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_generic_message() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web;

        public class Global : HttpApplication
        {
            protected void Application_Error(object sender, EventArgs e)
            {
                var error = Server.GetLastError();
                System.Diagnostics.Trace.TraceError(error.ToString());
                Response.Write("<p>Sorry, something went wrong.</p>");
            }
        }
        """);

    [Fact]
    public Task Ignores_logging_the_exception() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class OrderPage : Page
        {
            protected Label ErrorLabel;

            protected void Save_Click(object sender, EventArgs e)
            {
                try { }
                catch (Exception ex)
                {
                    System.Diagnostics.Trace.TraceError(ex.ToString());
                    ErrorLabel.Text = "The order could not be saved.";
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_details_in_a_textbox_the_user_does_not_see_as_html() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class AdminPage : Page
        {
            protected HiddenField LastErrorId;

            protected void Run_Click(object sender, EventArgs e)
            {
                try { }
                catch (Exception ex) { LastErrorId.Value = ex.HResult.ToString(); }
            }
        }
        """);

    [Fact]
    public Task Ignores_response_write_of_request_independent_text() => Verify.LegacyAnalyzer("""
        using System.Web;

        public class PingHandler : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                context.Response.Write("pong");
            }
        }
        """);

    [Fact]
    public Task Ignores_mvc5_content_of_an_error_id() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.Mvc;

        public class ImportController : Controller
        {
            public ActionResult Run()
            {
                try { return View(); }
                catch (Exception) { return Content("Import failed: reference " + Guid.NewGuid()); }
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_type_names_written_to_the_trace() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web;

        public class Global : HttpApplication
        {
            protected void Application_Error(object sender, EventArgs e)
            {
                var error = Server.GetLastError();
                Context.Trace.Warn("error", error.Message);
                Server.ClearError();
                Response.Redirect("~/Error.aspx");
            }
        }
        """);
}
