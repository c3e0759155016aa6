using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Policy;

/// <summary>
/// policykit.json <c>dataFlow</c>: the same code gives a finding or none depending only on the adopter's declarations
/// of their own sources, sinks, sanitizers and guards.
/// </summary>
public sealed class DeclaredDataFlowTests
{
    private static Task Run<TAnalyzer>(string source, string? policy, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = PolicyVerifier<TAnalyzer>.Create(source, policy);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Taint<TAnalyzer>(string origin, string sink)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        PolicyVerifier<TAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(origin, sink);

    // ---- Sinks --------------------------------------------------------------------------------------------------

    private const string RawSql = """
        namespace Acme.Data
        {
            public static class Db
            {
                // Forwards to a driver PolicyKit does not know.
                public static int Raw(string sql) => sql.Length;
            }
        }

        public class Reports
        {
            public int Count(string table) => Acme.Data.Db.Raw({|#0:"select count(*) from " + table|});
        }
        """;

    private const string RawSqlPolicy = """{ "dataFlow": { "sinks": [ { "method": "Acme.Data.Db.Raw", "parameter": "sql", "kinds": ["sql"] } ] } }""";

    [Fact]
    public Task Ignores_string_built_sql_given_to_an_undeclared_helper() =>
        Run<PK1001SqlFromNonConstantStringAnalyzer>(RawSql.Replace("{|#0:", "").Replace("|}", ""), policy: null);

    [Fact]
    public Task Flags_string_built_sql_given_to_a_declared_sql_sink() =>
        Run<PK1001SqlFromNonConstantStringAnalyzer>(RawSql, RawSqlPolicy,
            PolicyVerifier<PK1001SqlFromNonConstantStringAnalyzer>.Diagnostic().WithLocation(0).WithArguments("Raw", "string concatenation"));

    private const string Shell = """
        using Microsoft.AspNetCore.Mvc;

        namespace Acme.Ops { public sealed class Shell { public void Run(string command) { } } }

        public class OpsController : Controller
        {
            private readonly Acme.Ops.Shell _shell = new();
            public IActionResult Ping(string {|#1:host|})
            {
                _shell.Run({|#0:"ping -c 1 " + host|});
                return Ok();
            }
        }
        """;

    [Fact]
    public Task Ignores_request_data_given_to_an_undeclared_method() =>
        Run<PK1003CommandInjectionAnalyzer>(Shell.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), policy: null);

    [Fact]
    public Task Flags_request_data_given_to_a_declared_command_sink() =>
        Run<PK1003CommandInjectionAnalyzer>(Shell, """{ "dataFlow": { "sinks": [ { "method": "Acme.Ops.Shell.Run", "parameterIndex": 0, "kinds": ["command"] } ] } }""",
            Taint<PK1003CommandInjectionAnalyzer>("parameter 'host'", "Shell.Run"));

    private const string Subject = """
        using Microsoft.AspNetCore.Mvc;

        namespace Acme.Mail { public interface IGateway { void Send(string to, string subject, string body); } }

        public class ContactController : Controller
        {
            private readonly Acme.Mail.IGateway _mail;
            public ContactController(Acme.Mail.IGateway mail) => _mail = mail;

            [HttpPost]
            public IActionResult Send(string {|#1:topic|}, string text)
            {
                _mail.Send("support@example.jp", {|#0:topic|}, text);
                return Ok();
            }
        }
        """;

    [Fact]
    public Task Flags_request_data_given_to_a_declared_header_sink_behind_an_interface() =>
        Run<PK1006HeaderInjectionAnalyzer>(Subject, """{ "dataFlow": { "sinks": [ { "method": "Acme.Mail.IGateway.Send", "parameter": "subject", "kinds": ["header"] } ] } }""",
            Taint<PK1006HeaderInjectionAnalyzer>("parameter 'topic'", "IGateway.Send"));

    [Fact]
    public Task Ignores_the_same_mail_gateway_without_the_declaration() =>
        Run<PK1006HeaderInjectionAnalyzer>(Subject.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), policy: null);

    // ---- Sanitizers and guards ----------------------------------------------------------------------------------

    private const string Markup = """
        using Microsoft.AspNetCore.Mvc;

        namespace Acme.Security { public static class Html { public static string Clean(string html) => html; } }

        public class CommentsController : Controller
        {
            public IActionResult Preview(string {|#1:text|}) => Content({|#0:Acme.Security.Html.Clean(text)|}, "text/html");
        }
        """;

    [Fact]
    public Task Flags_html_through_an_undeclared_cleaning_helper() =>
        Run<PK1002CrossSiteScriptingAnalyzer>(Markup, policy: null, Taint<PK1002CrossSiteScriptingAnalyzer>("parameter 'text'", "ControllerBase.Content"));

    [Fact]
    public Task Ignores_html_through_a_declared_xss_sanitizer() =>
        Run<PK1002CrossSiteScriptingAnalyzer>(Markup.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""),
            """{ "dataFlow": { "sanitizers": [ { "method": "Acme.Security.Html.Clean", "kinds": ["xss"] } ] } }""");

    [Fact]
    public Task A_sanitizer_declared_for_another_kind_does_not_silence() =>
        Run<PK1002CrossSiteScriptingAnalyzer>(Markup, """{ "dataFlow": { "sanitizers": [ { "method": "Acme.Security.Html.Clean", "kinds": ["sql"] } ] } }""",
            Taint<PK1002CrossSiteScriptingAnalyzer>("parameter 'text'", "ControllerBase.Content"));

    private const string Download = """
        using Microsoft.AspNetCore.Mvc;

        namespace Acme.Security { public static class Paths { public static bool IsSafe(string root, string path) => path.Length > 0; } }

        public class FilesController : Controller
        {
            public IActionResult Get(string {|#1:path|})
            {
                if (!Acme.Security.Paths.IsSafe("/srv/files", path))
                {
                    return BadRequest();
                }

                return PhysicalFile({|#0:path|}, "application/octet-stream");
            }
        }
        """;

    [Fact]
    public Task Flags_a_path_checked_by_an_undeclared_validator() =>
        Run<PK1004PathTraversalAnalyzer>(Download, policy: null, Taint<PK1004PathTraversalAnalyzer>("parameter 'path'", "ControllerBase.PhysicalFile"));

    [Fact]
    public Task Ignores_a_path_checked_by_a_declared_guard() =>
        Run<PK1004PathTraversalAnalyzer>(Download.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""),
            """{ "dataFlow": { "guards": [ { "method": "Acme.Security.Paths.IsSafe", "parameter": "path", "kinds": ["path"] } ] } }""");

    // ---- Sources ------------------------------------------------------------------------------------------------

    private const string Reader = """
        using Microsoft.AspNetCore.Mvc;

        namespace Acme.Web { public interface IRequestReader { string Read(string key); } }

        public class LinksController : Controller
        {
            private readonly Acme.Web.IRequestReader _reader;
            public LinksController(Acme.Web.IRequestReader reader) => _reader = reader;

            public IActionResult Go() => Redirect({|#0:{|#1:_reader.Read("next")|}|});
        }
        """;

    [Fact]
    public Task Ignores_a_value_from_an_undeclared_reader() =>
        Run<PK1005OpenRedirectAnalyzer>(Reader.Replace("{|#0:{|#1:", "").Replace("|}|}", ""), policy: null);

    [Fact]
    public Task Flags_a_value_from_a_declared_source() =>
        Run<PK1005OpenRedirectAnalyzer>(Reader, """{ "dataFlow": { "sources": [ { "method": "Acme.Web.IRequestReader.Read" } ] } }""",
            Taint<PK1005OpenRedirectAnalyzer>("IRequestReader.Read()", "ControllerBase.Redirect"));

    private const string Inbox = """
        namespace Acme.Jobs
        {
            public sealed class Inbox
            {
                public void Handle(string {|#1:payload|}) => System.IO.File.Delete({|#0:"/var/spool/" + payload|});
            }
        }

        public class Anchor : Microsoft.AspNetCore.Mvc.ControllerBase { }
        """;

    [Fact]
    public Task Ignores_a_parameter_of_an_ordinary_method() =>
        Run<PK1004PathTraversalAnalyzer>(Inbox.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), policy: null);

    [Fact]
    public Task Flags_a_parameter_declared_as_a_source() =>
        Run<PK1004PathTraversalAnalyzer>(Inbox, """{ "dataFlow": { "sources": [ { "method": "Acme.Jobs.Inbox.Handle", "parameter": "payload", "kinds": ["path", "command"] } ] } }""",
            Taint<PK1004PathTraversalAnalyzer>("parameter 'payload'", "File.Delete"));
}
