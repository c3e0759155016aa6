using System.Threading.Tasks;
using static PolicyKit.Analyzers.Tests.Infrastructure.TaintVerifier<PolicyKit.Analyzers.Rules.PK1004PathTraversalAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK1004: zip slip, prefix checks without a separator, and validations that pin a name down.</summary>
public sealed class PK1004GuardShapesTests
{
    // ---- flagged ----

    [Fact]
    public Task Flags_entry_names_of_an_uploaded_archive() => Flags("""
        using System.IO;
        using System.IO.Compression;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : Controller
        {
            [HttpPost]
            public IActionResult Unpack(IFormFile {|#1:bundle|})
            {
                using var archive = new ZipArchive(bundle.OpenReadStream());
                foreach (var item in archive.Entries)
                {
                    item.ExtractToFile({|#0:Path.Combine("/srv/imports", item.FullName)|}, overwrite: true);
                }

                return Ok();
            }
        }
        """, "parameter 'bundle'", "ZipFileExtensions.ExtractToFile");

    [Fact]
    public Task Flags_a_prefix_check_whose_root_lacks_a_separator() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class MediaController : Controller
        {
            private const string Media = "/srv/media";

            public IActionResult Get(string {|#1:name|})
            {
                var full = Path.GetFullPath(Path.Combine(Media, name));
                if (!full.StartsWith(Media, System.StringComparison.Ordinal))
                {
                    return NotFound();
                }

                return PhysicalFile({|#0:full|}, "image/png");
            }
        }
        """, "parameter 'name'", "ControllerBase.PhysicalFile");

    [Fact]
    public Task Flags_a_constant_comparison_that_does_not_guard_the_read() => Flags("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class ThemeController : Controller
        {
            public IActionResult Css(string {|#1:theme|}) =>
                theme != "dark" ? PhysicalFile({|#0:$"/srv/themes/{theme}.css"|}, "text/css") : PhysicalFile("/srv/themes/dark.css", "text/css");
        }
        """, "parameter 'theme'", "ControllerBase.PhysicalFile");

    // ---- near misses: silent ----

    [Fact]
    public Task Ignores_a_helper_that_returns_only_paths_under_its_root() => Silent("""
        using System;
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public static class Reports
        {
            private static readonly string Root = Path.GetFullPath("/srv/reports") + Path.DirectorySeparatorChar;

            public static string Under(string name)
            {
                var full = Path.GetFullPath(Path.Combine(Root, name));
                return full.StartsWith(Root, StringComparison.Ordinal) ? full : throw new ArgumentException("Outside the report root.", nameof(name));
            }
        }

        public class ReportsController : Controller
        {
            public IActionResult Get(string name) => PhysicalFile(Reports.Under(name), "application/pdf");
        }
        """);

    [Fact]
    public Task Ignores_names_validated_as_bare_file_names() => Silent("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public class NotesController : Controller
        {
            public IActionResult Read(string note)
            {
                if (note.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    return BadRequest();
                }

                return Content(System.IO.File.ReadAllText("/srv/notes/" + note + ".txt"));
            }

            public IActionResult Open(string note)
            {
                if (Path.GetFileName(note) != note)
                {
                    return BadRequest();
                }

                return PhysicalFile(Path.Combine("/srv/notes", note), "text/plain");
            }
        }
        """);

    [Fact]
    public Task Ignores_values_restricted_to_constants() => Silent("""
        using Microsoft.AspNetCore.Mvc;

        public class ThemeController : Controller
        {
            public IActionResult Css(string theme) =>
                theme is "light" or "dark" ? PhysicalFile($"/srv/themes/{theme}.css", "text/css") : NotFound();

            public IActionResult Icon(string size)
            {
                if (size != "small")
                {
                    return NotFound();
                }

                return PhysicalFile($"/srv/icons/{size}.png", "image/png");
            }
        }
        """);

    [Fact]
    public Task Ignores_entries_checked_against_the_canonical_destination() => Silent("""
        using System.IO;
        using System.IO.Compression;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public class ImportController : Controller
        {
            [HttpPost]
            public IActionResult Unpack(IFormFile bundle)
            {
                var destination = Path.GetFullPath("/srv/imports") + Path.DirectorySeparatorChar;
                using var archive = new ZipArchive(bundle.OpenReadStream());
                foreach (var item in archive.Entries)
                {
                    var target = Path.GetFullPath(Path.Combine(destination, item.FullName));
                    if (!target.StartsWith(destination, System.StringComparison.Ordinal))
                    {
                        return BadRequest();
                    }

                    item.ExtractToFile(target, overwrite: true);
                }

                return Ok();
            }
        }
        """);
}
