using System.Threading.Tasks;
using Command = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1003CommandInjectionAnalyzer>;
using PathTraversal = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1004PathTraversalAnalyzer>;
using Redirect = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK1005OpenRedirectAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Data-flow shapes from peers' trackers: request data that taint engines lost through <c>async</c>/<c>await</c>,
/// <c>ConfigureAwait</c>, <c>Task.Result</c>, tuples and type patterns on its way from an entry point to a sink.
/// </summary>
public sealed class ReportedShapesFlow
{
    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/5410", "CodeQL C# data flow",
        ReportedAs.FalseNegative, "taint lost when a value comes back from an async method: await, var x = await, .Result")]
    public Task Flags_input_returned_by_an_async_helper() => PathTraversal.Flags("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class DocumentsController : Controller
        {
            public async Task<IActionResult> Show(string name) =>
                Content(System.IO.File.ReadAllText({|#0:await ResolveAsync(name)|}));

            public async Task<IActionResult> Raw(string name)
            {
                var path = await ResolveAsync(name);
                return Content(System.IO.File.ReadAllText({|#1:path|}));
            }

            public IActionResult Legacy(string name) =>
                Content(System.IO.File.ReadAllText({|#2:ResolveAsync(name).Result|}));

            private static async Task<string> ResolveAsync(string name)
            {
                await Task.Yield();
                return Path.Combine("/srv/documents", name);
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/vitali87/code-graph-rag/pull/1360", "code-graph-rag C# taint",
        ReportedAs.FalseNegative, "taint lost through await …ConfigureAwait(false), tuple deconstruction and an is-pattern")]
    public Task Flags_input_through_configure_await_tuples_and_patterns() => Command.Flags("""
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/jobs")]
        public class JobsController : ControllerBase
        {
            [HttpPost("run")]
            public async Task<IActionResult> Run([FromForm] string script)
            {
                var command = await Normalize(script).ConfigureAwait(false);
                Process.Start("/bin/sh", {|#0:"-c " + command|});
                return Ok();
            }

            [HttpPost("pair")]
            public IActionResult Pair([FromForm] string tool, [FromForm] string mode)
            {
                var (program, flags) = (tool, "--fast");
                Process.Start({|#1:program|}, flags);
                return Ok();
            }

            [HttpPost("fixed")]
            public IActionResult Fixed([FromForm] string mode)
            {
                // The element paired with the input is not the one started: only matching elements carry it.
                var (program, flags) = ("git", mode);
                Process.Start(program, new[] { "status", "--short" });
                return Ok(flags.Length);
            }

            [HttpPost("boxed")]
            public IActionResult Boxed([FromForm] string tool)
            {
                object value = tool;
                if (value is string program)
                {
                    Process.Start({|#2:program|});
                }

                return Ok();
            }

            private static Task<string> Normalize(string text) => Task.FromResult(text.Trim());
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/pull/126", "Security Code Scan taint",
        ReportedAs.FalseNegative, "expressions following an await in an async action were not checked")]
    public Task Flags_a_redirect_after_an_await() => Redirect.Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;

        public class SessionController : Controller
        {
            private readonly SignInManager<IdentityUser> _signIn;
            public SessionController(SignInManager<IdentityUser> signIn) => _signIn = signIn;

            [HttpPost]
            public async Task<IActionResult> SignOut(string returnTo)
            {
                await _signIn.SignOutAsync();
                return Redirect({|#0:returnTo|});
            }
        }
        """);
}
