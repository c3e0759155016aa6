using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths;

public interface IExportStorage
{
    Task<byte[]> LoadAsync(string batch, string file);
}

/// <summary>Export storage behind an interface: the value is built in the controller and used here.</summary>
public sealed class DiskExportStorage : IExportStorage
{
    public Task<byte[]> LoadAsync(string batch, string file) =>
        File.ReadAllBytesAsync(Path.Join("/srv/exports", batch, file)); // vuln:PK1004#export-iface reached through an interface from the controller
}

public static class LogFiles
{
    private static readonly string LogRoot = Path.GetFullPath("/var/log/shop") + Path.DirectorySeparatorChar;

    public static string Resolve(string name)
    {
        var candidate = Path.GetFullPath(Path.Combine(LogRoot, name));
        return candidate.StartsWith(LogRoot, StringComparison.Ordinal) ? candidate : throw new ArgumentException("Invalid log name.", nameof(name));
    }

    public static string Unchecked(string name) => Path.GetFullPath(Path.Combine(LogRoot, name));
}

[Authorize(Roles = "admin")]
[ApiController]
[Route("api/exports")]
public sealed class ExportsController(IExportStorage storage) : ControllerBase
{
    [HttpGet("{batch}/{file}")]
    public async Task<IActionResult> Get(string batch, string file) =>
        File(await storage.LoadAsync(batch, file), "application/zip"); // vuln:PK1004#export-iface

    [HttpGet("{batchId:guid}/{part:int}")]
    public async Task<IActionResult> GetPart(Guid batchId, int part) =>
        File(await storage.LoadAsync(batchId.ToString("N"), $"part-{part}.zip"), "application/zip"); // safe:PK1004 Guid and integer reach the same storage

    [HttpGet("logs")]
    public IActionResult Log(string name) => PhysicalFile(LogFiles.Resolve(name), "text/plain"); // safe:PK1004 helper returns only paths under the log root

    [HttpGet("logs/raw")]
    public IActionResult LogRaw(string name) => PhysicalFile(LogFiles.Unchecked(name), "text/plain"); // vuln:PK1004 canonicalised but never checked

    [HttpGet("logs/tail")]
    public async Task<IActionResult> Tail(string name)
    {
        using var reader = new StreamReader("/var/log/shop/" + name); // vuln:PK1004 StreamReader on a client path
        return Ok(await reader.ReadToEndAsync());
    }

    [HttpGet("logs/today")]
    public async Task<IActionResult> Today()
    {
        using var reader = new StreamReader($"/var/log/shop/{DateTime.UtcNow:yyyy-MM-dd}.log"); // safe:PK1004 date-derived file name
        return Ok(await reader.ReadToEndAsync());
    }

    [HttpDelete("cache")]
    public IActionResult ClearCache([FromQuery] string scope)
    {
        Directory.Delete(Path.Combine("/srv/cache", scope), recursive: true); // vuln:PK1004 recursive delete of a client path
        return NoContent();
    }

    [HttpDelete("cache/{days:int}")]
    public IActionResult ClearOld(int days)
    {
        foreach (var file in new DirectoryInfo("/srv/cache").EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-days)))
        {
            file.Delete(); // safe:PK1004 files enumerated by the server
        }

        return NoContent();
    }

    [HttpGet("exists")]
    public IActionResult Exists([FromHeader(Name = "X-Export-Path")] string path) => Ok(System.IO.File.Exists(path)); // vuln:PK1004 file-existence oracle on any path

    [HttpGet("size")]
    public IActionResult Size(string folder) => Ok(new DirectoryInfo(Path.Combine("/srv/exports", folder)).EnumerateFiles().Sum(f => f.Length)); // vuln:PK1004 DirectoryInfo on a client folder

    [HttpGet("size/{year:int}")]
    public IActionResult SizeOfYear(int year) => Ok(new DirectoryInfo($"/srv/exports/{year}").EnumerateFiles().Sum(f => f.Length)); // safe:PK1004 integer folder

    [HttpPost("move")]
    public IActionResult Move(string from)
    {
        System.IO.File.Move(Path.Combine("/srv/exports/incoming", from), Path.Combine("/srv/exports/done", Guid.NewGuid().ToString("N"))); // vuln:PK1004 source path from the query
        return Ok();
    }

    [HttpPost("move-name")]
    public IActionResult MoveName(string from)
    {
        var name = Path.GetFileName(from);
        System.IO.File.Move(Path.Combine("/srv/exports/incoming", name), Path.Combine("/srv/exports/done", name)); // safe:PK1004 both paths use the bare file name
        return Ok();
    }

    [HttpGet("append")]
    public async Task<IActionResult> Append(string journal, string line)
    {
        await System.IO.File.AppendAllTextAsync($"/srv/journals/{journal}", line + Environment.NewLine); // vuln:PK1004 appends to any file the process can write
        return Ok();
    }

    [HttpGet("append-safe")]
    public async Task<IActionResult> AppendSafe(string journal, string line)
    {
        if (journal.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || journal.Contains("..") || journal.Length > 40)
        {
            return BadRequest();
        }

        await System.IO.File.AppendAllTextAsync($"/srv/journals/{journal}.log", line + Environment.NewLine); // safe:PK1004 no separators or dot-dot can pass
        return Ok();
    }

    [HttpGet("temp")]
    public async Task<IActionResult> Temp()
    {
        var path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        await System.IO.File.WriteAllTextAsync(path, "probe"); // safe:PK1004 random temp file
        return Ok();
    }

    [HttpGet("open")]
    public IActionResult Open(string relative)
    {
        var absolute = "/srv/exports" + Path.DirectorySeparatorChar + relative.TrimStart('/');
        return File(System.IO.File.OpenRead(absolute), "application/octet-stream"); // vuln:PK1004 TrimStart('/') does not remove "../"
    }
}
