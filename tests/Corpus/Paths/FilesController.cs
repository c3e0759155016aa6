using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Corpus.Paths;

public enum ReportKind { Daily, Weekly, Monthly }

public sealed record AttachmentRequest(string Folder, string FileName);

[Authorize]
[Route("files")]
public sealed class FilesController(DocumentStore store, IWebHostEnvironment environment) : Controller
{
    private const string Root = "/srv/shop/files";
    private static readonly HashSet<string> Manuals = new(StringComparer.OrdinalIgnoreCase) { "install.pdf", "returns.pdf", "warranty.pdf" };

    [HttpGet("read")]
    public IActionResult Read(string name) => Content(System.IO.File.ReadAllText(Path.Combine(Root, name))); // vuln:PK1004 Path.Combine with a query value

    [HttpGet("read-name")]
    public IActionResult ReadName(string name) =>
        Content(System.IO.File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)))); // safe:PK1004 Path.GetFileName strips directories

    [HttpGet("download")]
    public IActionResult Download(string file) => PhysicalFile("/srv/shop/files/" + file, "application/octet-stream"); // vuln:PK1004 PhysicalFile with concatenated input

    [HttpGet("download-checked")]
    public IActionResult DownloadChecked(string file)
    {
        var full = Path.GetFullPath(Path.Combine(Root, file));
        if (!full.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return NotFound();
        }

        return PhysicalFile(full, "application/octet-stream"); // safe:PK1004 canonical path inside the root
    }

    [HttpGet("download-prefix")]
    public IActionResult DownloadPrefix(string file)
    {
        var full = Path.GetFullPath(Path.Combine(Root, file));
        if (!full.StartsWith(Root, StringComparison.Ordinal))
        {
            return NotFound();
        }

        return PhysicalFile(full, "application/octet-stream"); // vuln:PK1004 prefix without separator lets /srv/shop/files-private through
    }

    [HttpGet("raw-prefix")]
    public IActionResult RawPrefix(string path)
    {
        if (!path.StartsWith("/srv/shop/files/", StringComparison.Ordinal))
        {
            return NotFound();
        }

        return PhysicalFile(path, "application/octet-stream"); // vuln:PK1004 raw prefix check: /srv/shop/files/../../etc/passwd passes
    }

    [HttpGet("stripped")]
    public IActionResult Stripped(string file)
    {
        var cleaned = file.Replace("../", "");
        return PhysicalFile(Path.Combine(Root, cleaned), "text/plain"); // vuln:PK1004 "....//" survives one Replace pass
    }

    [HttpGet("manual")]
    public IActionResult Manual(string name)
    {
        if (!Manuals.Contains(name))
        {
            return NotFound();
        }

        return PhysicalFile(Path.Combine(Root, "manuals", name), "application/pdf"); // safe:PK1004 allow-listed file name
    }

    [HttpGet("report")]
    public IActionResult Report(ReportKind kind)
    {
        var file = kind switch
        {
            ReportKind.Daily => "daily.csv",
            ReportKind.Weekly => "weekly.csv",
            _ => "monthly.csv",
        };
        return PhysicalFile(Path.Combine(Root, "reports", file), "text/csv"); // safe:PK1004 constant names from an enum
    }

    [HttpGet("slug")]
    public IActionResult BySlug(string slug)
    {
        if (!Regex.IsMatch(slug, "^[a-z0-9-]{1,64}$"))
        {
            return BadRequest();
        }

        return PhysicalFile(Path.Combine(Root, "pages", slug + ".html"), "text/html"); // safe:PK1004 slug pattern has no separators or dots
    }

    [HttpGet("static")]
    public IActionResult Static(string name) => File("~/docs/" + name, "application/pdf"); // safe:PK1004 virtual path served by the web-root provider, which will not leave it

    [HttpGet("provider")]
    public IActionResult Provider(string name)
    {
        var info = environment.ContentRootFileProvider.GetFileInfo(Path.Combine("templates", name));
        return info.Exists ? File(info.CreateReadStream(), "text/plain") : NotFound(); // safe:PK1004 file provider refuses paths above its root
    }

    [HttpGet("stream")]
    public async Task<IActionResult> Stream(string name)
    {
        await using var stream = new FileStream(Path.Combine(Root, "exports", name), FileMode.Open, FileAccess.Read); // vuln:PK1004 FileStream on input
        using var reader = new StreamReader(stream);
        return Content(await reader.ReadToEndAsync());
    }

    [HttpGet("stream-id")]
    public async Task<IActionResult> StreamById(Guid exportId)
    {
        await using var stream = new FileStream(Path.Combine(Root, "exports", exportId + ".csv"), FileMode.Open, FileAccess.Read); // safe:PK1004 Guid file name
        using var reader = new StreamReader(stream);
        return Content(await reader.ReadToEndAsync());
    }

    [HttpGet("list")]
    public IActionResult List(string folder) => Ok(Directory.GetFiles(Path.Combine(Root, folder))); // vuln:PK1004 directory listing of any folder

    [HttpGet("list-root")]
    public IActionResult ListRoot() => Ok(Directory.GetFiles(Root).Select(Path.GetFileName)); // safe:PK1004 fixed folder

    [HttpPost("upload")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Upload(IFormFile file)
    {
        var target = Path.Combine(Root, "uploads", file.FileName);
        await using var output = System.IO.File.Create(target); // vuln:PK1004 client-chosen upload name
        await file.CopyToAsync(output);
        return Ok();
    }

    [HttpPost("upload-safe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UploadSafe(IFormFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".png" or ".jpg" or ".pdf"))
        {
            return BadRequest();
        }

        var target = Path.Combine(Root, "uploads", Path.GetRandomFileName() + extension);
        await using var output = System.IO.File.Create(target); // safe:PK1004 server-generated name, allow-listed extension
        await file.CopyToAsync(output);
        return Ok();
    }

    [HttpPost("unzip")]
    [ValidateAntiForgeryToken]
    public IActionResult Unzip(IFormFile archive)
    {
        using var zip = new ZipArchive(archive.OpenReadStream());
        foreach (var entry in zip.Entries)
        {
            entry.ExtractToFile(Path.Combine(Root, "unpacked", entry.FullName), overwrite: true); // vuln:PK1004 zip slip: entry names from the uploaded archive
        }

        return Ok();
    }

    [HttpPost("unzip-safe")]
    [ValidateAntiForgeryToken]
    public IActionResult UnzipSafe(IFormFile archive)
    {
        var destination = Path.GetFullPath(Path.Combine(Root, "unpacked")) + Path.DirectorySeparatorChar;
        using var zip = new ZipArchive(archive.OpenReadStream());
        foreach (var entry in zip.Entries)
        {
            var target = Path.GetFullPath(Path.Combine(destination, entry.FullName));
            if (!target.StartsWith(destination, StringComparison.Ordinal))
            {
                return BadRequest();
            }

            entry.ExtractToFile(target, overwrite: true); // safe:PK1004 every entry checked against the canonical destination
        }

        return Ok();
    }

    [HttpGet("doc")]
    public async Task<IActionResult> Doc(string name) => Content(await store.ReadAsync(name)); // vuln:PK1004#store-read query to DocumentStore.ReadAsync

    [HttpGet("doc-checked")]
    public async Task<IActionResult> DocChecked(string name) => Content(await store.ReadCheckedAsync(name)); // safe:PK1004#store-read-checked

    [HttpPost("doc/delete")]
    [ValidateAntiForgeryToken]
    public IActionResult DeleteDoc(string path)
    {
        store.Delete(path); // vuln:PK1004#store-delete client path to File.Delete
        return NoContent();
    }

    [HttpPost("doc/delete-id")]
    [ValidateAntiForgeryToken]
    public IActionResult DeleteDocById(int id)
    {
        store.DeleteById(id); // safe:PK1004#store-delete-id
        return NoContent();
    }

    [HttpGet("avatar")]
    public IActionResult Avatar(string user) =>
        PhysicalFile(Path.Combine(user.UserFolder(), "avatar.png"), "image/png"); // vuln:PK1004 user name becomes a folder via an extension

    [HttpGet("avatar-id")]
    public IActionResult AvatarById(Guid user) =>
        PhysicalFile(Path.Combine(user.SafeUserFolder(), "avatar.png"), "image/png"); // safe:PK1004 Guid folder

    [HttpPost("copy")]
    [ValidateAntiForgeryToken]
    public IActionResult Copy(int templateId, string destination)
    {
        System.IO.File.Copy($"{Root}/templates/{templateId}.docx", Path.Combine(Root, destination)); // vuln:PK1004 destination path from the form
        return Ok();
    }

    [HttpPost("attachment")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Attachment(AttachmentRequest request, IFormFile file)
    {
        var folder = Path.Combine(Root, "attachments", request.Folder);
        Directory.CreateDirectory(folder); // vuln:PK1004 folder from a bound record
        await using var output = System.IO.File.Create(Path.Combine(folder, Path.GetFileName(request.FileName)));
        await file.CopyToAsync(output);
        return Ok();
    }

    [HttpGet("info")]
    public IActionResult Info(string name)
    {
        var info = new FileInfo(Path.Combine(Root, name)); // vuln:PK1004 FileInfo reveals size and dates of any file
        return Ok(new { info.Length, info.LastWriteTimeUtc });
    }

    [HttpGet("info-name")]
    public IActionResult InfoName(string name)
    {
        var info = new FileInfo(Path.Combine(Root, Path.GetFileNameWithoutExtension(name) + ".pdf")); // safe:PK1004 name without directory
        return Ok(new { info.Length, info.LastWriteTimeUtc });
    }

    [HttpGet("language")]
    public IActionResult Language()
    {
        var culture = Request.Cookies["culture"] ?? "en";
        var json = System.IO.File.ReadAllText($"/srv/shop/i18n/{culture}.json"); // vuln:PK1004 cookie value in a path
        return Content(json, "application/json");
    }

    [HttpGet("language-known")]
    public IActionResult LanguageKnown()
    {
        var culture = Request.Cookies["culture"] switch
        {
            "ja" => "ja",
            "fr" => "fr",
            _ => "en",
        };
        var json = System.IO.File.ReadAllText($"/srv/shop/i18n/{culture}.json"); // safe:PK1004 cookie mapped to constant cultures
        return Content(json, "application/json");
    }
}

public sealed class ThemeAssetsModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Theme { get; set; } = "default";

    public IActionResult OnGet() => PhysicalFile($"/srv/shop/themes/{Theme}/site.css", "text/css"); // vuln:PK1004 bound page property in a path

    public IActionResult OnGetKnown() =>
        Theme is "default" or "dark" ? PhysicalFile($"/srv/shop/themes/{Theme}/site.css", "text/css") : NotFound(); // safe:PK1004 only two constant themes reach the path
}

public static class FileMinimalApis
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/files").RequireAuthorization();
        files.MapGet("/{*path}", (string path) => Results.File(Path.Combine("/srv/shop/public", path), "application/octet-stream")); // vuln:PK1004 catch-all route value
        files.MapGet("/by-id/{id:int}", (int id) => Results.File($"/srv/shop/public/{id}.bin", "application/octet-stream")); // safe:PK1004 integer id
        files.MapGet("/send", async (HttpContext context) =>
            await context.Response.SendFileAsync(Path.Combine("/srv/shop/public", context.Request.Query["f"].ToString()))); // vuln:PK1004 SendFileAsync with a query value
        files.MapGet("/send-name", async (HttpContext context) =>
            await context.Response.SendFileAsync(Path.Combine("/srv/shop/public", Path.GetFileName(context.Request.Query["f"].ToString())))); // safe:PK1004 GetFileName
        files.MapPost("/note", async (string name, string text) =>
        {
            await File.WriteAllTextAsync(Path.Combine("/srv/shop/notes", name), text); // vuln:PK1004 write to any path
            return Results.Ok();
        });
        files.MapPost("/note-id", async (int noteId, string text) =>
        {
            await File.WriteAllTextAsync($"/srv/shop/notes/{noteId}.txt", text); // safe:PK1004 integer id names the file
            return Results.Ok();
        });
        files.MapGet("/tenant", (HttpRequest request) =>
            Directory.EnumerateFiles(Path.Combine("/srv/tenants", request.Headers["X-Tenant"].ToString()))); // vuln:PK1004 tenant header chooses the folder
        files.MapGet("/config-file", (Microsoft.Extensions.Options.IOptions<Corpus.Commands.ToolOptions> options) =>
            Results.File(options.Value.ConverterPath, "application/octet-stream")); // safe:PK1004 configured path, not request data
        files.MapGet("/readme", () => Results.File("/srv/shop/public/README.txt", "text/plain")); // safe:PK1004 constant path
    }
}
