using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1003CommandInjectionAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1003CommandInjectionTests
{
    // ---- MVC ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_shell_command_line_built_from_a_parameter() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class NetworkController : Controller
        {
            public IActionResult Ping(string {|#1:host|})
            {
                Process.Start("/bin/sh", {|#0:"-c \"ping -c 1 " + host + "\""|});
                return Ok();
            }
        }
        """, "parameter 'host'", "Process.Start");

    [Fact]
    public Task Flags_a_tainted_program_name() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public class ToolsController : ControllerBase
        {
            [HttpPost("run")]
            public IActionResult Run([FromQuery] string {|#1:tool|})
            {
                Process.Start({|#0:tool|});
                return Accepted();
            }
        }
        """, "parameter 'tool'", "Process.Start");

    [Fact]
    public Task Flags_process_start_info_arguments_in_an_initialiser() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class ConvertController : Controller
        {
            public IActionResult Convert(string {|#1:file|})
            {
                var info = new ProcessStartInfo { FileName = "convert", Arguments = {|#0:$"{file} out.png"|}, UseShellExecute = false };
                using var process = Process.Start(info);
                return Ok();
            }
        }
        """, "parameter 'file'", "ProcessStartInfo.Arguments");

    [Fact]
    public Task Flags_argument_list_of_a_shell() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class ScriptController : Controller
        {
            public IActionResult Exec(string {|#1:script|})
            {
                var info = new ProcessStartInfo("bash");
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add({|#0:script|});
                Process.Start(info);
                return Ok();
            }
        }
        """, "parameter 'script'", "ProcessStartInfo.ArgumentList");

    [Fact]
    public Task Flags_a_process_start_info_constructor_with_cmd() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class BackupController : Controller
        {
            public IActionResult Backup(BackupRequest {|#1:request|})
            {
                Process.Start(new ProcessStartInfo("cmd.exe", {|#0:"/c xcopy " + request.Source + " D:\\backup"|}));
                return Ok();
            }
        }

        public class BackupRequest { public string Source { get; set; } = ""; }
        """, "parameter 'request'", "ProcessStartInfo");

    [Fact]
    public Task Flags_a_command_run_by_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            private readonly ReportRunner _runner;
            public ReportsController(ReportRunner runner) => _runner = runner;

            public IActionResult Build(string {|#1:name|}) => Ok(_runner.Run({|#0:name|}));
        }
        """, "parameter 'name'", "ReportRunner.Run → ProcessStartInfo.Arguments",
        ("Service.cs", """
        using System.Diagnostics;

        public class ReportRunner
        {
            public int Run(string report)
            {
                var info = new ProcessStartInfo { FileName = "/usr/bin/report-tool" };
                info.Arguments = "--report " + report;
                using var process = Process.Start(info)!;
                process.WaitForExit();
                return process.ExitCode;
            }
        }
        """));

    // ---- Razor Pages ------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_bind_property_in_a_powershell_command() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class AdminModel : PageModel
        {
            [BindProperty]
            public string {|#1:UserName|} { get; set; } = "";

            public void OnPost() => Process.Start("powershell", {|#0:"-Command Get-ADUser " + UserName|});
        }
        """, "property 'UserName'", "Process.Start");

    [Fact]
    public Task Flags_a_page_handler_parameter_as_file_name() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class OpenModel : PageModel
        {
            public void OnGet(string {|#1:program|})
            {
                var info = new ProcessStartInfo();
                info.FileName = {|#0:program|};
                Process.Start(info);
            }
        }
        """, "parameter 'program'", "ProcessStartInfo.FileName");

    // ---- Minimal APIs -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_query_value_in_a_lambda() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/dig", (HttpRequest request) =>
        {
            var domain = {|#1:request.Query|}["domain"].ToString();
            Process.Start("dig", {|#0:domain|});
            return Results.Ok();
        });
        app.Run();
        """, "Request.Query", "Process.Start");

    [Fact]
    public Task Flags_a_method_group_handler_in_a_group() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGroup("/ops").MapPost("/restart/{service}", Ops.Restart);
        app.Run();

        static class Ops
        {
            public static IResult Restart(string {|#1:service|})
            {
                Process.Start("sh", {|#0:string.Format("-c \"systemctl restart {0}\"", service)|});
                return Results.Accepted();
            }
        }
        """, "parameter 'service'", "Process.Start");

    // ---- Silent -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_argument_list_of_a_fixed_program() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class NetworkController : Controller
        {
            public IActionResult Ping(string host)
            {
                var info = new ProcessStartInfo("ping");
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add("1");
                info.ArgumentList.Add(host);
                Process.Start(info);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_process_start_with_an_argument_list_of_a_fixed_program() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/lookup", (string name) =>
        {
            Process.Start("nslookup", new[] { name });
            return Results.Ok();
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_numeric_argument() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class JobsController : Controller
        {
            public IActionResult Kill(int pid)
            {
                Process.Start("kill", "-9 " + pid);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_an_allow_listed_command() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class ServicesController : Controller
        {
            public IActionResult Restart(string service)
            {
                var unit = service switch { "web" => "nginx", "db" => "postgresql", _ => "noop" };
                Process.Start("/bin/sh", "-c \"systemctl restart " + unit + "\"");
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_regex_validated_argument() => Silent("""
        using System.Diagnostics;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public class NetworkController : Controller
        {
            public IActionResult Ping(string host)
            {
                if (!Regex.IsMatch(host, "^[a-z0-9.-]+$")) return BadRequest();
                Process.Start("ping", "-c 1 " + host);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_constant_commands() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class HealthController : Controller
        {
            public IActionResult Disk()
            {
                Process.Start(new ProcessStartInfo { FileName = "df", Arguments = "-h" });
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_service_using_argument_list_in_another_file() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            public IActionResult Build(string name) => Ok(SafeRunner.Run(name));
        }
        """,
        ("Service.cs", """
        using System.Diagnostics;

        public static class SafeRunner
        {
            public static int Run(string report)
            {
                var info = new ProcessStartInfo("/usr/bin/report-tool");
                info.ArgumentList.Add("--report");
                info.ArgumentList.Add(report);
                using var process = Process.Start(info)!;
                process.WaitForExit();
                return process.ExitCode;
            }
        }
        """));

    [Fact]
    public Task Ignores_a_guid_parameter() => Silent("""
        using System;
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapPost("/jobs/{id:guid}", (Guid id) =>
        {
            Process.Start("/usr/bin/job-runner", "--id " + id);
            return Results.Accepted();
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_process_started_outside_a_request() => Silent("""
        using System.Diagnostics;

        public static class Launcher
        {
            public static void Open(string target) => Process.Start("/bin/sh", "-c " + target);
        }
        """);

    [Fact]
    public Task Ignores_a_service_injected_into_a_lambda() => Silent("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        var app = WebApplication.Create(args);
        app.MapPost("/reindex", (ILogger<Indexer> logger) => Results.Ok(new Indexer(logger).Run()));
        app.Run();

        public class Indexer
        {
            private readonly ILogger _logger;
            private readonly string _tool = "/usr/bin/indexer";
            public Indexer(ILogger<Indexer> logger) => _logger = logger;
            public int Run() { Process.Start(_tool, "--all"); return 0; }
        }
        """);
}
