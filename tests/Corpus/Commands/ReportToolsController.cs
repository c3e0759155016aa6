using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Corpus.Commands;

public sealed record PdfRequest(string Pages, string Owner);

[Authorize]
[Route("reports/tools")]
public sealed class ReportToolsController(IOptions<ToolOptions> options) : Controller
{
    [HttpPost("merge")]
    [ValidateAntiForgeryToken]
    public IActionResult Merge()
    {
        var pages = Request.Form["pages"].ToString();
        Process.Start("pdftk", $"in.pdf cat {pages} output out.pdf"); // vuln:PK1003 form field on the command line
        return Ok();
    }

    [HttpPost("merge-range")]
    [ValidateAntiForgeryToken]
    public IActionResult MergeRange(int from, int to)
    {
        Process.Start("pdftk", $"in.pdf cat {from}-{to} output out.pdf"); // safe:PK1003 two integers
        return Ok();
    }

    [HttpPost("sign")]
    [ValidateAntiForgeryToken]
    public IActionResult Sign(IFormFile upload)
    {
        Process.Start("openssl", "dgst -sha256 -sign key.pem " + upload.FileName); // vuln:PK1003 client file name on openssl's command line
        return Ok();
    }

    [HttpPost("sign-stored")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SignStored(IFormFile upload)
    {
        var stored = Path.Combine("/srv/uploads", $"{Guid.NewGuid():N}.bin");
        await using (var target = System.IO.File.Create(stored))
        {
            await upload.CopyToAsync(target);
        }

        Process.Start("openssl", "dgst -sha256 -sign key.pem " + stored); // safe:PK1003 server-generated file name
        return Ok();
    }

    [HttpPost("stamp")]
    [ValidateAntiForgeryToken]
    public IActionResult Stamp(PdfRequest request) => Ok(StampWith(request.Owner)); // vuln:PK1003#stamp owner flows into a private helper

    private static int StampWith(string owner)
    {
        var arguments = "-stamp \"" + owner + "\" in.pdf";
        using var process = Process.Start("pdfstamp", arguments); // vuln:PK1003#stamp
        process!.WaitForExit();
        return process.ExitCode;
    }

    [HttpPost("stamp-date")]
    [ValidateAntiForgeryToken]
    public IActionResult StampDate(DateOnly date) => Ok(StampDateWith(date)); // safe:PK1003#stamp-date a date cannot carry options

    private static int StampDateWith(DateOnly date)
    {
        using var process = Process.Start("pdfstamp", $"-stamp {date:yyyy-MM-dd} in.pdf"); // safe:PK1003#stamp-date
        process!.WaitForExit();
        return process.ExitCode;
    }

    [HttpGet("convert")]
    public IActionResult Convert(string from)
    {
        Process.Start(options.Value.ConverterPath, "-density 150 /srv/in.pdf /srv/out.png"); // safe:PK1003 configured program, constant arguments
        return Ok(from.Length);
    }

    [HttpGet("convert-any")]
    public IActionResult ConvertAny(string program)
    {
        Process.Start(program, "-density 150 /srv/in.pdf /srv/out.png"); // vuln:PK1003 program named by the query
        return Ok();
    }

    [HttpGet("git")]
    public IActionResult Clone(string repository)
    {
        Process.Start("git", $"clone --depth 1 {repository} /srv/checkouts/latest"); // vuln:PK1003 --upload-pack can ride in the URL argument
        return Ok();
    }

    [HttpGet("git-checked")]
    public IActionResult CloneChecked(string repository)
    {
        if (!Uri.TryCreate(repository, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return BadRequest();
        }

        var info = new ProcessStartInfo("git");
        foreach (var argument in new[] { "clone", "--depth", "1", "--", uri.AbsoluteUri, "/srv/checkouts/latest" })
        {
            info.ArgumentList.Add(argument); // safe:PK1003 https URL after "--", argv entries
        }

        Process.Start(info);
        return Ok();
    }

    [HttpGet("log-tail")]
    public async Task<IActionResult> Tail(string lines)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync($"tail -n {lines} /var/log/shop.log"); // vuln:PK1003 text written to an interactive shell's stdin
        return Ok();
    }

    [HttpGet("log-tail-count")]
    public async Task<IActionResult> TailCount(int lines)
    {
        var info = new ProcessStartInfo("tail") { RedirectStandardOutput = true };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(Math.Clamp(lines, 1, 500).ToString()); // safe:PK1003 clamped integer, argv entry
        info.ArgumentList.Add("/var/log/shop.log");
        using var process = Process.Start(info)!;
        return Ok(await process.StandardOutput.ReadToEndAsync());
    }

    [HttpGet("mail")]
    public IActionResult Mail(string recipient)
    {
        var command = "mail -s Report " + recipient + " < /srv/report.txt";
        Process.Start("/bin/sh", "-c \"" + command + "\""); // vuln:PK1003 recipient inside a shell command
        return Ok();
    }

    [HttpGet("mail-team")]
    public IActionResult MailTeam()
    {
        const string command = "mail -s Report team@example.com < /srv/report.txt";
        Process.Start("/bin/sh", new[] { "-c", command }); // safe:PK1003 constant shell command
        return Ok();
    }

    [HttpGet("version")]
    public IActionResult Version() => Ok(Process.Start("dotnet", "--list-runtimes")?.Id); // safe:PK1003 constant program and arguments

    [HttpGet("kill")]
    public IActionResult Kill(int processId)
    {
        Process.Start("kill", "-TERM " + processId); // safe:PK1003 integer process id
        return Ok();
    }

    [HttpGet("kill-name")]
    public IActionResult KillByName(string name)
    {
        Process.Start("pkill", "-f " + name); // vuln:PK1003 pattern and options from the query
        return Ok();
    }

    [HttpGet("clean")]
    public IActionResult Clean(Guid jobId)
    {
        Process.Start("rm", $"-rf /srv/jobs/{jobId:D}"); // safe:PK1003 Guid only
        return Ok();
    }

    [HttpGet("clean-any")]
    public IActionResult CleanAny(string job)
    {
        Process.Start("rm", "-rf /srv/jobs/" + job); // vuln:PK1003 a space in the value adds paths and options
        return Ok();
    }

    [HttpGet("zip-safe")]
    public IActionResult ZipSafe(string folder)
    {
        var name = Path.GetFileName(folder);
        if (string.IsNullOrEmpty(name) || name.StartsWith('-'))
        {
            return BadRequest();
        }

        var info = new ProcessStartInfo("zip");
        info.ArgumentList.Add("-r");
        info.ArgumentList.Add("/tmp/out.zip");
        info.ArgumentList.Add(Path.Combine("/srv/folders", name)); // safe:PK1003 argv entry, cannot start with "-"
        Process.Start(info);
        return Ok();
    }

    [HttpGet("disk")]
    public IActionResult Disk(bool human)
    {
        var arguments = human ? "-h /srv" : "-k /srv";
        Process.Start("df", arguments); // safe:PK1003 both choices are constants
        return Ok();
    }

    [HttpGet("resolve")]
    public IActionResult Resolve(string domain)
    {
        var ascii = new System.Globalization.IdnMapping().GetAscii(domain);
        if (ascii.StartsWith('-') || ascii.Contains(' '))
        {
            return BadRequest();
        }

        Process.Start("host", new[] { ascii }); // safe:PK1003 IDN-normalised host name, one argv entry, no shell
        return Ok();
    }

    [HttpGet("hash")]
    public IActionResult Hash([FromQuery] Compression level)
    {
        Process.Start("sha256sum", level == Compression.Best ? "/srv/full.tar" : "/srv/fast.tar"); // safe:PK1003 enum picks a constant path
        return Ok();
    }
}
