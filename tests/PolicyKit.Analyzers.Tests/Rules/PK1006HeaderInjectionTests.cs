using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1006HeaderInjectionAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1006HeaderInjectionTests
{
    // ---- HTTP response headers ---------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_response_header_indexer_set_from_a_query_parameter() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class DownloadController : Controller
        {
            public IActionResult Get(string {|#1:name|})
            {
                Response.Headers["Content-Disposition"] = {|#0:"attachment; filename=" + name|};
                return File(new byte[0], "application/octet-stream");
            }
        }
        """, "parameter 'name'", "Response.Headers[…]");

    [Fact]
    public Task Flags_headers_append_with_a_request_header_value() => Flags("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class TraceController : ControllerBase
        {
            [HttpGet("trace")]
            public IActionResult Echo()
            {
                string id = {|#1:Request.Headers|}["X-Correlation-Id"].ToString();
                Response.Headers.Append("X-Correlation-Id", {|#0:id|});
                return Ok();
            }
        }
        """, "Request.Headers", "Response.Headers.Append");

    [Fact]
    public Task Flags_the_typed_location_setter_in_a_razor_page() => Flags("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class MovedModel : PageModel
        {
            public void OnGet(string {|#1:next|})
            {
                Response.StatusCode = 301;
                Response.Headers.Location = {|#0:"/docs/" + next|};
            }
        }
        """, "parameter 'next'", "Response.Headers.Location");

    [Fact]
    public Task Flags_headers_add_in_a_minimal_api() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/lang", (string {|#1:lang|}, HttpContext http) =>
        {
            http.Response.Headers.Add("Content-Language", {|#0:lang|});
            return Results.Ok();
        });
        app.Run();
        """, "parameter 'lang'", "Response.Headers.Add");

    [Fact]
    public Task Flags_a_content_disposition_file_name_from_a_bound_property() => Flags("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Net.Http.Headers;

        public class ExportModel : PageModel
        {
            [BindProperty(SupportsGet = true)] public string {|#1:FileName|} { get; set; } = "";

            public IActionResult OnGet()
            {
                var disposition = new ContentDispositionHeaderValue("attachment") { FileName = {|#0:FileName|} };
                Response.Headers.ContentDisposition = disposition.ToString();
                return new EmptyResult();
            }
        }
        """, "property 'FileName'", "ContentDispositionHeaderValue.FileName");

    // ---- Mail headers and recipients ---------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_mail_subject_from_a_form_model() => Flags("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc;

        public class ContactForm { public string Email { get; set; } = ""; public string Subject { get; set; } = ""; public string Body { get; set; } = ""; }

        public class ContactController : Controller
        {
            [HttpPost]
            public IActionResult Send([FromForm] ContactForm {|#1:form|})
            {
                using var message = new MailMessage();
                message.To.Add(new MailAddress("support@example.jp"));
                message.Subject = {|#0:"[Contact] " + form.Subject|};
                message.Body = form.Body;
                new SmtpClient("localhost").Send(message);
                return View();
            }
        }
        """, "parameter 'form'", "MailMessage.Subject");

    [Fact]
    public Task Flags_a_recipient_chosen_by_a_hidden_form_field() => Flags("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class InquiryModel : PageModel
        {
            public void OnPost(string {|#1:to|}, string body)
            {
                using var message = new MailMessage { From = new MailAddress("noreply@example.jp"), Body = body };
                message.To.Add({|#0:to|});
                new SmtpClient("localhost").Send(message);
            }
        }
        """, "parameter 'to'", "MailMessage.To.Add");

    [Fact]
    public Task Flags_new_mail_address_from_a_minimal_api_parameter() => Flags("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapPost("/notify", (string {|#1:email|}) =>
        {
            using var message = new MailMessage(new MailAddress("noreply@example.jp"), new MailAddress({|#0:email|}));
            new SmtpClient("localhost").Send(message);
            return Results.Accepted();
        });
        app.Run();
        """, "parameter 'email'", "new MailAddress");

    [Fact]
    public Task Flags_a_custom_mail_header_value() => Flags("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc;

        public class TicketsController : Controller
        {
            public IActionResult Create(string {|#1:reference|})
            {
                using var message = new MailMessage("noreply@example.jp", "desk@example.jp");
                message.Headers.Add("X-Ticket", {|#0:reference|});
                new SmtpClient("localhost").Send(message);
                return Ok();
            }
        }
        """, "parameter 'reference'", "MailMessage.Headers.Add");

    [Fact]
    public Task Flags_smtp_send_with_a_subject_from_the_query_string() => Flags("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc;

        public class AlertsController : ControllerBase
        {
            [HttpGet("alert")]
            public IActionResult Alert()
            {
                var subject = {|#1:Request.Query|}["s"].ToString();
                new SmtpClient("localhost").Send("noreply@example.jp", "ops@example.jp", {|#0:subject|}, "see dashboard");
                return Ok();
            }
        }
        """, "Request.Query", "SmtpClient.Send");

    [Fact]
    public Task Flags_a_subject_set_in_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class FeedbackController : Controller
        {
            private readonly Mailer _mailer;
            public FeedbackController(Mailer mailer) => _mailer = mailer;

            [HttpPost]
            public IActionResult Post(string {|#1:topic|}, string text)
            {
                _mailer.Send({|#0:topic|}, text);
                return Ok();
            }
        }
        """, "parameter 'topic'", "Mailer.Send → MailMessage.Subject",
        ("Mailer.cs", """
        using System.Net.Mail;

        public class Mailer
        {
            public void Send(string topic, string text)
            {
                using var message = new MailMessage("noreply@example.jp", "feedback@example.jp");
                message.Subject = "Feedback: " + topic;
                message.Body = text;
                new SmtpClient("localhost").Send(message);
            }
        }
        """));

    [Fact]
    public Task Flags_a_header_written_by_a_service_behind_an_interface_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/report", (string {|#1:title|}, HttpContext http, IDownloadHeaders headers) =>
        {
            headers.Apply(http.Response, {|#0:title|});
            return Results.Ok();
        });
        app.Run();
        """, "parameter 'title'", "IDownloadHeaders.Apply → Response.Headers[…]",
        ("Headers.cs", """
        using Microsoft.AspNetCore.Http;

        public interface IDownloadHeaders { void Apply(HttpResponse response, string title); }

        public sealed class DownloadHeaders : IDownloadHeaders
        {
            public void Apply(HttpResponse response, string title) =>
                response.Headers["Content-Disposition"] = $"attachment; filename=\"{title}.pdf\"";
        }
        """));

    [Fact]
    public Task Flags_when_only_carriage_returns_are_removed() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class LangController : Controller
        {
            public IActionResult Set(string {|#1:lang|})
            {
                Response.Headers["Content-Language"] = {|#0:lang.Replace("\r", "")|};
                return Ok();
            }
        }
        """, "parameter 'lang'", "Response.Headers[…]");

    [Fact]
    public Task Flags_a_mimekit_subject_matched_by_name() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class NewsletterController : Controller
        {
            [HttpPost]
            public IActionResult Send(string {|#1:title|})
            {
                var message = new MimeKit.MimeMessage();
                message.Subject = {|#0:title|};
                return Ok();
            }
        }
        """, "parameter 'title'", "MimeMessage.Subject",
        // MimeKit is not among the test references: PK1006 matches its types by namespace and name, so this shape stands in.
        ("MimeKit.cs", """
        namespace MimeKit
        {
            public class MimeMessage { public string Subject { get; set; } = ""; }
        }
        """));

    // ---- Silent ---------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_value_with_cr_and_lf_removed() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class LangController : Controller
        {
            public IActionResult Set(string lang)
            {
                Response.Headers["Content-Language"] = lang.Replace("\r", string.Empty).Replace("\n", string.Empty);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_cr_and_lf_removed_in_two_statements() => Silent("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class MovedModel : PageModel
        {
            public void OnGet(string next)
            {
                var noCr = next.Replace('\r', ' ');
                var clean = noCr.Replace('\n', ' ');
                Response.Headers.Location = "/docs/" + clean;
            }
        }
        """);

    [Fact]
    public Task Ignores_a_regex_that_strips_line_breaks() => Silent("""
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/lang", (string lang, HttpContext http) =>
        {
            http.Response.Headers.Append("Content-Language", Regex.Replace(lang, @"[\r\n]", ""));
            return Results.Ok();
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_percent_encoded_file_name() => Silent("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class DownloadController : Controller
        {
            public IActionResult Get(string name)
            {
                Response.Headers["Content-Disposition"] = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(name);
                return File(new byte[0], "application/octet-stream");
            }
        }
        """);

    [Fact]
    public Task Ignores_an_allow_listed_language() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class LangController : Controller
        {
            public IActionResult Set(string lang)
            {
                var header = lang switch { "ja" => "ja-JP", "en" => "en-US", _ => "ja-JP" };
                Response.Headers["Content-Language"] = header;
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_numeric_id_in_a_header() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : ControllerBase
        {
            [HttpPost("orders/{id}")]
            public IActionResult Create(int id, string trace)
            {
                Response.Headers.Location = "/orders/" + id;
                Response.Headers["X-Request-Id"] = System.Guid.Parse(trace).ToString();
                return StatusCode(201);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_recipient_validated_with_mail_address_try_create() => Silent("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class InquiryModel : PageModel
        {
            public void OnPost(string email, string body)
            {
                if (!MailAddress.TryCreate(email, out var address))
                {
                    return;
                }

                using var message = new MailMessage { From = new MailAddress("noreply@example.jp"), Body = body };
                message.To.Add(address);
                new SmtpClient("localhost").Send(message);
            }
        }
        """);

    [Fact]
    public Task Ignores_a_fixed_subject_and_recipient_with_the_input_in_the_body() => Silent("""
        using System.Net.Mail;
        using Microsoft.AspNetCore.Mvc;

        public class ContactController : Controller
        {
            [HttpPost]
            public IActionResult Send(string name, string text)
            {
                using var message = new MailMessage("noreply@example.jp", "support@example.jp", "Contact form", name + ": " + text);
                new SmtpClient("localhost").Send(message);
                return View();
            }
        }
        """);

    [Fact]
    public Task Ignores_writing_request_headers() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class ProxyController : ControllerBase
        {
            [HttpGet("proxy")]
            public IActionResult Forward(string tenant)
            {
                Request.Headers["X-Tenant"] = tenant;
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_service_that_strips_line_breaks_in_another_file() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class FeedbackController : Controller
        {
            private readonly Mailer _mailer;
            public FeedbackController(Mailer mailer) => _mailer = mailer;

            [HttpPost]
            public IActionResult Post(string topic, string text)
            {
                _mailer.Send(topic, text);
                return Ok();
            }
        }
        """,
        ("Mailer.cs", """
        using System.Net.Mail;

        public class Mailer
        {
            public void Send(string topic, string text)
            {
                using var message = new MailMessage("noreply@example.jp", "feedback@example.jp");
                message.Subject = "Feedback: " + topic.ReplaceLineEndings(" ");
                message.Body = text;
                new SmtpClient("localhost").Send(message);
            }
        }
        """));

    [Fact]
    public Task Ignores_configuration_values_in_headers() => Silent("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Configuration;

        public class InfoController : ControllerBase
        {
            private readonly IConfiguration _configuration;
            public InfoController(IConfiguration configuration) => _configuration = configuration;

            [HttpGet("info")]
            public IActionResult Get()
            {
                Response.Headers["X-Version"] = _configuration["App:Version"];
                return Ok();
            }
        }
        """);
}
