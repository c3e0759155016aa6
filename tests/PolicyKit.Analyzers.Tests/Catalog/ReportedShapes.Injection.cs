using System.Threading.Tasks;
using Command = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1003CommandInjectionAnalyzer>;
using PathTraversal = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1004PathTraversalAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// OS-command and path shapes from peers' trackers (PK1003, PK1004): request data the tools did not follow into a
/// process start or a file path, and file paths built from configuration that they flagged.
/// </summary>
public sealed class ReportedShapesInjection
{
    // ---- OS commands (PK1003) ------------------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/5095", "CA3006",
        ReportedAs.FalseNegative, "Request.Form value given to Process.Start in an ASP.NET Core MVC controller")]
    public Task Flags_a_form_value_started_as_a_process() => Command.Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public class ToolsController : Controller
        {
            [HttpPost]
            public IActionResult Open()
            {
                string tool = Request.Form["tool"]!;
                using var process = Process.Start({|#0:tool|});
                return View();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/semgrep/semgrep/issues/9301", "Semgrep os-command-injection",
        ReportedAs.FalseNegative, "Arguments set inside a ProcessStartInfo object initializer nested in new Process { StartInfo = … }")]
    public Task Flags_arguments_set_in_a_nested_start_info_initializer() => Command.Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/thumbnails")]
        public class ThumbnailsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Create([FromForm] string size)
            {
                var process = new Process
                {
                    StartInfo = new ProcessStartInfo
                    {
                        FileName = "magick",
                        Arguments = {|#0:"upload.png -resize " + size + " thumb.png"|},
                        UseShellExecute = false,
                    },
                };
                process.Start();
                process.WaitForExit();
                return Ok();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/pumasecurity/puma-scan/issues/10", "Puma Scan command injection",
        ReportedAs.FalseNegative, "Process.Start with a non-hard-coded argument string from user input")]
    public Task Flags_a_minimal_api_value_in_a_command_line() => Command.Flags("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/history", (string author) =>
        {
            using var git = Process.Start("git", {|#0:$"log --oneline --author={author}"|});
            git!.WaitForExit();
            return Results.Ok();
        });
        app.Run();
        """);

    // ---- File paths (PK1004) -------------------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/dotnet-security-guard/roslyn-security-guard/issues/33", "Roslyn Security Guard",
        ReportedAs.FalseNegative, "File.OpenRead of a directory constant concatenated with request input")]
    public Task Flags_a_directory_constant_concatenated_with_input() => PathTraversal.Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class ExportsController : Controller
        {
            private const string ExportDirectory = "/var/app/exports/";

            public IActionResult Get(string name)
            {
                var stream = System.IO.File.OpenRead({|#0:ExportDirectory + name|});
                return File(stream, "text/csv");
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/semgrep/semgrep-rules/pull/1804", "Semgrep unsafe-path-combine",
        ReportedAs.FalseNegative, "public method string argument reaching Path.Combine; Path.GetFileName is the sanitizer")]
    public Task Flags_path_combine_of_input_but_not_its_file_name() => PathTraversal.Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/attachments")]
        public class AttachmentsController : ControllerBase
        {
            private const string Root = "/srv/attachments";

            [HttpGet("raw")]
            public IActionResult Raw(string path) =>
                PhysicalFile({|#0:Path.Combine(Root, path)|}, "application/octet-stream");

            [HttpGet("named")]
            public IActionResult Named(string path) =>
                PhysicalFile(Path.Combine(Root, Path.GetFileName(path)), "application/octet-stream");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/pull/10050", "CodeQL remote flow sources",
        ReportedAs.FalseNegative, "parameters of a delegate given to MapGet were not remote sources")]
    public Task Flags_a_map_get_route_value_in_a_file_path() => PathTraversal.Flags("""
        using System;
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        var reports = app.MapGroup("/reports");
        reports.MapGet("/{file}", (string file) =>
            Results.Text(File.ReadAllText({|#0:Path.Combine("/data/reports", file)|})));

        // The handler held in a delegate local, then given to MapGet, is an endpoint too; one never mapped is not.
        Func<string, IResult> archived = name => Results.Text(File.ReadAllText({|#1:Path.Combine("/data/archive", name)|}));
        reports.MapGet("/archive/{name}", archived);
        Func<string, string> template = name => File.ReadAllText(Path.Combine("/data/templates", name));
        app.MapGet("/welcome", () => Results.Text(template("welcome.txt")));
        app.Run();
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/pull/9393", "CodeQL remote flow sources",
        ReportedAs.FalseNegative, "properties of a view model bound as an action parameter were not tainted")]
    public Task Flags_a_nested_property_of_a_bound_model_in_a_file_path() => PathTraversal.Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ShippingInfo { public string Carrier { get; set; } = ""; public string LabelFile { get; set; } = ""; }
        public sealed class ShipmentForm { public int OrderId { get; set; } public ShippingInfo Shipping { get; set; } = new(); }

        public class ShipmentsController : Controller
        {
            [HttpPost]
            public IActionResult Cancel(ShipmentForm form)
            {
                System.IO.File.Delete({|#0:Path.Combine("/srv/labels", form.Shipping.LabelFile)|});
                return RedirectToAction("Index");
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/psalm/psalm-plugin-laravel/issues/471", "Psalm Laravel taint (same shape in ASP.NET Core)",
        ReportedAs.FalseNegative, "the client-supplied name of an uploaded file not treated as a path-traversal source")]
    public Task Flags_an_uploaded_file_name_used_as_the_storage_path() => PathTraversal.Flags("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/avatars")]
        public class AvatarsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile avatar)
            {
                await using var target = new FileStream({|#0:Path.Combine("/srv/avatars", avatar.FileName)|}, FileMode.Create);
                await avatar.CopyToAsync(target);
                return Ok();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/forkwright/mouseion/issues/62", "CodeQL cs/path-combine",
        ReportedAs.FalsePositive, "41 Path.Combine calls reported for review although none combined user input")]
    public Task Ignores_path_combine_of_configuration_and_constants() => PathTraversal.Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Configuration;

        public class SeedController : Controller
        {
            private readonly IWebHostEnvironment _environment;
            private readonly IConfiguration _configuration;

            public SeedController(IWebHostEnvironment environment, IConfiguration configuration)
            {
                _environment = environment;
                _configuration = configuration;
            }

            public IActionResult Index()
            {
                var seed = Path.Combine(_environment.ContentRootPath, "App_Data", "seed.json");
                var cache = Path.Combine(_configuration["Media:CacheRoot"] ?? "/tmp", "thumbnails");
                Directory.CreateDirectory(cache);
                return Content(System.IO.File.ReadAllText(seed), "application/json");
            }
        }
        """);
}
