using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Commands;

public enum Compression { Fast, Best }

public sealed record TranscodeRequest(string Input, string Codec, int Bitrate);

[Authorize(Roles = "ops")]
[ApiController]
[Route("api/diagnostics")]
public sealed class DiagnosticsController(ProcessRunner runner, ImageConverter images, ExportRunner exports) : ControllerBase
{
    private static readonly Regex HostName = new("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]{1,63})*$", RegexOptions.Compiled);

    [HttpGet("ping")]
    public IActionResult Ping(string host)
    {
        Process.Start("ping", "-c 4 " + host); // vuln:PK1003 host joins the command line
        return Accepted();
    }

    [HttpGet("ping-ip")]
    public IActionResult PingIp(string host)
    {
        if (!IPAddress.TryParse(host, out var address))
        {
            return BadRequest();
        }

        Process.Start("ping", new[] { "-c", "4", address.ToString() }); // safe:PK1003 parsed IP address as an argv entry
        return Accepted();
    }

    [HttpGet("lookup")]
    public IActionResult Lookup(string domain)
    {
        var info = new ProcessStartInfo("bash", $"-c \"nslookup {domain}\"") { RedirectStandardOutput = true }; // vuln:PK1003 domain inside bash -c
        using var process = Process.Start(info)!;
        return Ok(process.StandardOutput.ReadToEnd());
    }

    [HttpGet("lookup-checked")]
    public IActionResult LookupChecked(string domain)
    {
        if (domain.Length > 253 || !HostName.IsMatch(domain))
        {
            return BadRequest();
        }

        var info = new ProcessStartInfo("nslookup") { RedirectStandardOutput = true };
        info.ArgumentList.Add(domain); // safe:PK1003 host-name pattern, no shell
        using var process = Process.Start(info)!;
        return Ok(process.StandardOutput.ReadToEnd());
    }

    [HttpGet("dig")]
    public IActionResult Dig(string domain)
    {
        Process.Start("nslookup", domain); // vuln:PK1003 raw argument string (options can be injected)
        return Accepted();
    }

    [HttpPost("tool")]
    public IActionResult RunTool([FromForm] string tool)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true };
        info.FileName = tool; // vuln:PK1003 client picks the program
        Process.Start(info);
        return Accepted();
    }

    [HttpPost("tool-known")]
    public IActionResult RunKnownTool([FromForm] string tool)
    {
        var program = tool switch
        {
            "uptime" => "/usr/bin/uptime",
            "disk" => "/bin/df",
            _ => null,
        };
        if (program is null)
        {
            return BadRequest();
        }

        var info = new ProcessStartInfo { RedirectStandardOutput = true };
        info.FileName = program; // safe:PK1003 program chosen from constants
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("trace")]
    public async Task<IActionResult> Trace(string host) =>
        Ok(await runner.RunAsync("traceroute", $"-m 15 {host}")); // vuln:PK1003#runner-args query reaches the runner's command line

    [HttpGet("trace-argv")]
    public async Task<IActionResult> TraceArgv(string host)
    {
        if (!HostName.IsMatch(host))
        {
            return BadRequest();
        }

        return Ok(await runner.RunArgvAsync("traceroute", new[] { "-m", "15", host })); // safe:PK1003#runner-argv validated host, argv entries
    }

    [HttpPost("script")]
    public IActionResult Script([FromBody] string command)
    {
        command.RunInShell(); // vuln:PK1003#shell-ext request body run by a shell
        return Accepted();
    }

    [HttpPost("resize")]
    public IActionResult Resize(string file, string size)
    {
        images.Resize(file, size); // vuln:PK1003#resize query values reach ImageConverter
        return Accepted();
    }

    [HttpPost("resize-checked")]
    public IActionResult ResizeChecked(Guid file, int width, int height)
    {
        images.ResizeChecked($"/srv/uploads/{file:N}.png", width, height); // safe:PK1003#resize-checked Guid and numbers
        return Accepted();
    }

    [HttpPost("export")]
    public IActionResult Export(ExportJob job)
    {
        exports.Execute(job); // vuln:PK1003#export-job bound record reaches pandoc's command line
        return Accepted();
    }

    [HttpPost("export-known")]
    public IActionResult ExportKnown(ExportJob job)
    {
        exports.ExecuteKnown(job); // safe:PK1003#export-known
        return Accepted();
    }

    [HttpPost("transcode")]
    public IActionResult Transcode(TranscodeRequest request)
    {
        var arguments = new StringBuilder("-y ");
        arguments.Append("-i ").Append(request.Input).Append(' ');
        arguments.Append("-c:v ").Append(request.Codec).Append(" -b:v ").Append(request.Bitrate).Append("k out.mp4");
        Process.Start("ffmpeg", arguments.ToString()); // vuln:PK1003 StringBuilder command line from a JSON body
        return Accepted();
    }

    [HttpPost("transcode-argv")]
    public IActionResult TranscodeArgv(TranscodeRequest request)
    {
        if (request.Codec is not ("libx264" or "libvpx-vp9"))
        {
            return BadRequest();
        }

        var info = new ProcessStartInfo("ffmpeg");
        foreach (var argument in new[] { "-y", "-i", $"/srv/media/{Guid.NewGuid():N}.mp4", "-c:v", request.Codec, "-b:v", $"{request.Bitrate}k", "out.mp4" })
        {
            info.ArgumentList.Add(argument); // safe:PK1003 codec allow-listed, argv entries, no shell
        }

        Process.Start(info);
        return Accepted();
    }

    [HttpGet("count")]
    public IActionResult Count(int packets)
    {
        Process.Start("ping", $"-c {packets} 127.0.0.1"); // safe:PK1003 integer only
        return Accepted();
    }

    [HttpGet("grep")]
    public IActionResult Grep([FromQuery] string[] patterns)
    {
        Process.Start("grep", "-rn " + string.Join(" ", patterns) + " /var/log/app"); // vuln:PK1003 joined query array
        return Accepted();
    }

    [HttpGet("print")]
    public IActionResult Print()
    {
        var printer = Request.Headers["X-Printer"].ToString();
        Process.Start("lp", $"-d {printer} /srv/spool/report.pdf"); // vuln:PK1003 header value on the command line
        return Accepted();
    }

    [HttpGet("open")]
    public IActionResult Open(string url)
    {
        Process.Start(new ProcessStartInfo(url) { UseShellExecute = true }); // vuln:PK1003 shell-execute of a client-given target
        return Accepted();
    }

    [HttpGet("archive")]
    public IActionResult Archive(string name, Compression level)
    {
        var flag = level switch
        {
            Compression.Best => "-9",
            _ => "-1",
        };
        var info = new ProcessStartInfo("tar");
        info.ArgumentList.Add("czf");
        info.ArgumentList.Add($"/srv/archive/{Guid.NewGuid():N}.tgz");
        info.ArgumentList.Add(name); // vuln:PK1003 option injection: a name like --checkpoint-action=exec=… is read as an option
        info.Environment["GZIP"] = flag;
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("archive-safe")]
    public IActionResult ArchiveSafe(string name)
    {
        var info = new ProcessStartInfo("tar");
        info.ArgumentList.Add("czf");
        info.ArgumentList.Add($"/srv/archive/{Guid.NewGuid():N}.tgz");
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(name); // safe:PK1003 after "--" the value is an operand, never an option
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("fetch")]
    public IActionResult Fetch(string url)
    {
        var info = new ProcessStartInfo("curl");
        info.ArgumentList.Add("--fail");
        info.ArgumentList.Add("--url=" + url); // safe:PK1003 fixed option prefix, one argv entry, no shell
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("backup")]
    public IActionResult Backup(string database)
    {
        var info = new ProcessStartInfo("cmd.exe");
        info.ArgumentList.Add("/c");
        info.ArgumentList.Add("backup.bat " + database); // vuln:PK1003 argv entry parsed by cmd.exe
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("backup-constant")]
    public IActionResult BackupConstant()
    {
        Process.Start("cmd.exe", "/c backup.bat shop"); // safe:PK1003 constant command line
        return Accepted();
    }

    [HttpGet("usage")]
    public IActionResult Usage(string directory)
    {
        Process.Start("/bin/sh", $"-c 'du -sh {directory}'"); // vuln:PK1003 a quote in the value closes the shell string
        return Accepted();
    }

    [HttpGet("service-status")]
    public IActionResult ServiceStatus(string unit)
    {
        var units = new HashSet<string> { "nginx", "shop-api", "shop-worker" };
        if (!units.Contains(unit))
        {
            return NotFound();
        }

        Process.Start("systemctl", "status " + unit); // safe:PK1003 allow-listed unit name
        return Accepted();
    }

    [HttpGet("ssh")]
    public IActionResult Remote(string user, string host)
    {
        var info = new ProcessStartInfo
        {
            FileName = "ssh",
            Arguments = $"{user}@{host} uptime", // vuln:PK1003 object-initializer Arguments from the query
        };
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("ps")]
    public IActionResult PowerShell(string filter)
    {
        var info = new ProcessStartInfo("pwsh");
        info.ArgumentList.Add("-Command");
        info.ArgumentList.Add($"Get-Process {filter}"); // vuln:PK1003 PowerShell parses the argument as a script
        Process.Start(info);
        return Accepted();
    }

    [HttpGet("ps-fixed")]
    public IActionResult PowerShellFixed(int processId)
    {
        var info = new ProcessStartInfo("pwsh");
        info.ArgumentList.Add("-Command");
        info.ArgumentList.Add($"Get-Process -Id {processId}"); // safe:PK1003 integer in a fixed script
        Process.Start(info);
        return Accepted();
    }
}

public static class CommandMinimalApis
{
    public static void MapToolEndpoints(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/tools").RequireAuthorization("ops");
        tools.MapPost("/zip", ([FromForm] string folder) => Process.Start("zip", $"-r /tmp/out.zip {folder}")).DisableAntiforgery(); // vuln:PK1003 minimal API form value on zip's command line
        tools.MapPost("/zip-id", (int folderId) => Process.Start("zip", $"-r /tmp/out.zip /srv/folders/{folderId}")); // safe:PK1003 integer folder id
        tools.MapGet("/whois", (string domain) => Process.Start("whois", domain)); // vuln:PK1003 query as whois arguments
        tools.MapGet("/whois-argv", (string domain) =>
        {
            var info = new ProcessStartInfo("whois");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(domain); // safe:PK1003 operand after "--", no shell
            return Process.Start(info);
        });
        tools.MapGet("/env", (HttpRequest request) =>
            Process.Start("sh", new[] { "-c", "printenv " + request.Query["name"] })); // vuln:PK1003 query inside sh -c
    }
}

public sealed class NetworkToolsModel : PageModel
{
    [BindProperty]
    public string Hostname { get; set; } = "";

    public IActionResult OnPost()
    {
        Process.Start("traceroute", Hostname); // vuln:PK1003 Razor Pages bound property on the command line
        return Page();
    }

    public IActionResult OnPostChecked()
    {
        if (!IPAddress.TryParse(Hostname, out var address))
        {
            return Page();
        }

        Process.Start("traceroute", address.ToString()); // safe:PK1003 parsed IP only
        return Page();
    }
}
