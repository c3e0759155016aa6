using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1003CommandInjectionAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1003: option injection into argv, commands written to a shell's stdin, an upload's file name on a command line.</summary>
public sealed class PK1003OptionsAndStdinTests
{
    [Fact]
    public Task Flags_a_request_value_that_can_be_read_as_an_option() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class BackupController : Controller
        {
            [HttpPost]
            public IActionResult Pack(string {|#1:folder|})
            {
                var info = new ProcessStartInfo("rsync");
                info.ArgumentList.Add("-a");
                info.ArgumentList.Add({|#0:folder|});
                info.ArgumentList.Add("/srv/backup/");
                Process.Start(info);
                return Ok();
            }
        }
        """, "parameter 'folder'", "ProcessStartInfo.ArgumentList (option)");

    [Fact]
    public Task Flags_a_line_written_to_a_shells_standard_input() => Flags("""
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class ConsoleController : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Grep(string {|#1:pattern|})
            {
                using var shell = Process.Start(new ProcessStartInfo("sh") { RedirectStandardInput = true })!;
                await shell.StandardInput.WriteLineAsync({|#0:"grep " + pattern + " /var/log/app.log"|});
                return Ok();
            }
        }
        """, "parameter 'pattern'", "Process.StandardInput");

    [Fact]
    public Task Flags_an_upload_file_name_on_a_command_line() => Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ScanController : Controller
        {
            [HttpPost]
            public IActionResult Scan(IFormFile {|#1:document|})
            {
                Process.Start("clamscan", {|#0:"--no-summary " + document.FileName|});
                return Ok();
            }
        }
        """, "parameter 'document'", "Process.Start");

    [Fact]
    public Task Ignores_operands_after_double_dash_and_entries_with_a_fixed_start() => Silent("""
        using System.Diagnostics;
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class BackupController : Controller
        {
            [HttpPost]
            public IActionResult Pack(string folder, string label)
            {
                var info = new ProcessStartInfo("rsync");
                info.ArgumentList.Add("-a");
                info.ArgumentList.Add("--label=" + label);
                info.ArgumentList.Add(Path.Combine("/srv/data", folder));
                info.ArgumentList.Add("--");
                info.ArgumentList.Add(folder);
                Process.Start(info);
                return Ok();
            }

            [HttpPost]
            public IActionResult Count(string pattern)
            {
                using var tool = Process.Start(new ProcessStartInfo("wc") { RedirectStandardInput = true })!;
                tool.StandardInput.WriteLine(pattern);
                return Ok();
            }
        }
        """);
}
