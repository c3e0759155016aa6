using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1004PathTraversalAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1004PathTraversalTests
{
    // ---- MVC ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_file_read_all_text_of_a_combined_path() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("docs")]
        public class DocsController : ControllerBase
        {
            [HttpGet("{name}")]
            public string Get(string {|#1:name|}) => System.IO.File.ReadAllText({|#0:Path.Combine("/srv/docs", name)|});
        }
        """, "parameter 'name'", "File.ReadAllText");

    [Fact]
    public Task Flags_physical_file_with_a_query_value() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class DownloadController : Controller
        {
            public IActionResult Get()
            {
                var file = {|#1:Request.Query|}["file"].ToString();
                var path = Path.Combine("/srv/files", file);
                return PhysicalFile({|#0:path|}, "application/octet-stream");
            }
        }
        """, "Request.Query", "ControllerBase.PhysicalFile");

    [Fact]
    public Task Flags_file_delete_with_a_bound_model_property() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class DeleteRequest { public string Folder { get; set; } = ""; public string FileName { get; set; } = ""; public int Version { get; set; } }

        [ApiController]
        public class FilesController : ControllerBase
        {
            [HttpPost("delete")]
            public IActionResult Delete([FromBody] DeleteRequest {|#1:request|})
            {
                System.IO.File.Delete({|#0:$"/data/{request.Folder}/{request.FileName}"|});
                return NoContent();
            }
        }
        """, "parameter 'request'", "File.Delete");

    [Fact]
    public Task Flags_a_file_stream_on_an_uploaded_file_name() => Flags("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class UploadController : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile {|#1:file|})
            {
                using var stream = new FileStream({|#0:Path.Combine("/srv/uploads", file.FileName)|}, FileMode.Create);
                await file.CopyToAsync(stream);
                return Ok();
            }
        }
        """, "parameter 'file'", "FileStream");

    [Fact]
    public Task Flags_a_path_that_only_checks_the_raw_input_prefix() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            public IActionResult Show(string {|#1:path|})
            {
                if (!path.StartsWith("/srv/reports")) return BadRequest();
                return Content(System.IO.File.ReadAllText({|#0:path|}));
            }
        }
        """, "parameter 'path'", "File.ReadAllText");

    [Fact]
    public Task Flags_a_path_reaching_a_service_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class ExportController : Controller
        {
            private readonly ExportStore _store;
            public ExportController(ExportStore store) => _store = store;

            public IActionResult Download(string {|#1:report|}) => File(_store.Load({|#0:report|}), "text/csv");
        }
        """, "parameter 'report'", "ExportStore.Load → File.ReadAllBytes",
        ("Service.cs", """
        using System.IO;

        public class ExportStore
        {
            private readonly string _root = "/srv/exports";
            public byte[] Load(string name) => File.ReadAllBytes(Resolve(name));
            private string Resolve(string name) => Path.Combine(_root, name + ".csv");
        }
        """));

    [Fact]
    public Task Flags_a_directory_listing_of_a_route_value() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class BrowseController : Controller
        {
            public IActionResult Index()
            {
                var folder = (string?){|#1:Request.RouteValues|}["folder"] ?? "";
                return Json(Directory.GetFiles({|#0:Path.Combine("/srv/share", folder)|}));
            }
        }
        """, "Request.RouteValues", "Directory.GetFiles");

    [Fact]
    public Task Flags_a_path_reaching_a_service_behind_an_interface_in_another_file() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("attachments")]
        public class AttachmentsController : ControllerBase
        {
            private readonly IAttachmentStore _store;
            public AttachmentsController(IAttachmentStore store) => _store = store;

            [HttpGet("{id}")]
            public async Task<IActionResult> Get(string {|#1:id|}) => File(await _store.ReadAsync({|#0:id|}), "application/octet-stream");
        }
        """, "parameter 'id'", "IAttachmentStore.ReadAsync → File.ReadAllBytesAsync",
        ("AttachmentStore.cs", """
        using System.IO;
        using System.Threading.Tasks;

        public interface IAttachmentStore { Task<byte[]> ReadAsync(string id); }

        public sealed class DiskAttachmentStore : IAttachmentStore
        {
            private const string Root = "/srv/attachments";
            public Task<byte[]> ReadAsync(string id) => File.ReadAllBytesAsync(Path.Combine(Root, id));
        }
        """));

    [Fact]
    public Task Ignores_a_service_behind_an_interface_that_sanitizes() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("attachments")]
        public class AttachmentsController : ControllerBase
        {
            private readonly IAttachmentStore _store;
            public AttachmentsController(IAttachmentStore store) => _store = store;

            [HttpGet("{id}")]
            public async Task<IActionResult> Get(string id) => File(await _store.ReadAsync(id), "application/octet-stream");
        }
        """,
        ("AttachmentStore.cs", """
        using System.IO;
        using System.Threading.Tasks;

        public interface IAttachmentStore { Task<byte[]> ReadAsync(string id); }

        public sealed class DiskAttachmentStore : IAttachmentStore
        {
            public Task<byte[]> ReadAsync(string id) => File.ReadAllBytesAsync(Path.Combine("/srv/attachments", Path.GetFileName(id)));
        }
        """));

    // ---- Razor Pages ------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_a_stream_reader_in_a_page_handler() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class ViewLogModel : PageModel
        {
            public string Text { get; private set; } = "";

            public void OnGet(string {|#1:log|})
            {
                using var reader = new StreamReader({|#0:"/var/log/app/" + log|});
                Text = reader.ReadToEnd();
            }
        }
        """, "parameter 'log'", "StreamReader");

    // ---- Minimal APIs -------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_results_file_with_a_physical_path_in_a_lambda() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/files/{name}", (string {|#1:name|}) => Results.File({|#0:Path.Combine(app.Environment.ContentRootPath, "files", name)|}));
        app.Run();
        """, "parameter 'name'", "Results.File");

    [Fact]
    public Task Flags_file_write_in_a_method_group_handler_in_a_group() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        var notes = app.MapGroup("/notes");
        notes.MapPost("/{title}", Notes.Save);
        app.Run();

        static class Notes
        {
            public static IResult Save(string {|#1:title|}, string body)
            {
                File.WriteAllText({|#0:"/srv/notes/" + title + ".txt"|}, body);
                return Results.Ok();
            }
        }
        """, "parameter 'title'", "File.WriteAllText");

    [Fact]
    public Task Flags_file_info_from_a_constructor_field_of_a_service() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/size", (string {|#1:path|}) => Results.Ok(new FileProbe({|#0:path|}).Length()));
        app.Run();
        """, "parameter 'path'", "new FileProbe → FileInfo",
        ("Probe.cs", """
        public sealed class FileProbe
        {
            private readonly System.IO.FileInfo _info;
            public FileProbe(string path) { _info = new System.IO.FileInfo(path); }
            public long Length() => _info.Length;
        }
        """));

    [Fact]
    public Task Flags_a_field_set_from_a_constructor_argument_reaching_a_sink() => Flags("""
        using Microsoft.AspNetCore.Mvc;

        public class ExportController : Controller
        {
            [HttpPost]
            public IActionResult Export(string {|#1:name|}, string csv)
            {
                {|#0:new CsvExport(name)|}.Save(csv);
                return Ok();
            }
        }
        """, "parameter 'name'", "CsvExport.Save → File.WriteAllText",
        ("CsvExport.cs", """
        using System.IO;

        public sealed class CsvExport
        {
            private readonly string _path;
            public CsvExport(string name) { _path = Path.Combine("/srv/exports", name + ".csv"); }
            public void Save(string content) => File.WriteAllText(_path, content);
        }
        """));

    // ---- Silent -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_path_reduced_to_its_file_name() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class DocsController : Controller
        {
            public IActionResult Get(string name) =>
                PhysicalFile(Path.Combine("/srv/docs", Path.GetFileName(name)), "text/plain");
        }
        """);

    [Fact]
    public Task Ignores_a_canonical_prefix_check() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class DocsController : Controller
        {
            private const string Root = "/srv/docs/";

            public IActionResult Get(string name)
            {
                var full = Path.GetFullPath(Path.Combine(Root, name));
                if (!full.StartsWith(Root, System.StringComparison.Ordinal))
                {
                    return NotFound();
                }

                return PhysicalFile(full, "text/plain");
            }
        }
        """);

    [Fact]
    public Task Ignores_a_read_inside_a_canonical_prefix_check() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/docs/{name}", (string name) =>
        {
            var path = Path.Combine("/srv/docs", name);
            if (Path.GetFullPath(path).StartsWith("/srv/docs/"))
            {
                return Results.Text(File.ReadAllText(path));
            }

            return Results.NotFound();
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_an_allow_listed_file_name() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class LegalController : Controller
        {
            private static readonly string[] Documents = { "terms.html", "privacy.html" };

            public IActionResult Show(string doc)
            {
                if (!System.Linq.Enumerable.Contains(Documents, doc)) return NotFound();
                return PhysicalFile(Path.Combine("/srv/legal", doc), "text/html");
            }
        }
        """);

    [Fact]
    public Task Ignores_a_numeric_id_in_the_path() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class InvoicesController : Controller
        {
            public IActionResult Get(int id, System.Guid tenant) =>
                PhysicalFile($"/srv/invoices/{tenant}/{id}.pdf", "application/pdf");
        }
        """);

    [Fact]
    public Task Ignores_a_parsed_value() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/page", (string n) =>
        {
            if (!int.TryParse(n, out var page)) return Results.BadRequest();
            return Results.Text(File.ReadAllText($"/srv/pages/{page}.txt"));
        });
        app.Run();
        """);

    [Fact]
    public Task Ignores_a_service_that_sanitizes_in_another_file() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class ExportController : Controller
        {
            private readonly SafeStore _store;
            public ExportController(SafeStore store) => _store = store;

            public IActionResult Download(string report) => File(_store.Load(report), "text/csv");
        }
        """,
        ("Service.cs", """
        using System.IO;

        public class SafeStore
        {
            public byte[] Load(string name) => File.ReadAllBytes(Path.Combine("/srv/exports", Path.GetFileName(name)));
        }
        """));

    [Fact]
    public Task Ignores_a_configured_path() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Configuration;

        public class HealthController : Controller
        {
            private readonly IConfiguration _config;
            public HealthController(IConfiguration config) => _config = config;

            public IActionResult Status() => Content(System.IO.File.ReadAllText(_config["StatusFile"]!));
        }
        """);

    [Fact]
    public Task Ignores_file_contents_from_the_request() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class NotesController : Controller
        {
            [HttpPost]
            public IActionResult Save(string text)
            {
                System.IO.File.WriteAllText("/srv/notes/latest.txt", text);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Ignores_a_helper_that_is_not_an_entry_point() => Silent("""
        using System.IO;

        public class Archive
        {
            public string Read(string path) => File.ReadAllText(path);
        }
        """);
}
