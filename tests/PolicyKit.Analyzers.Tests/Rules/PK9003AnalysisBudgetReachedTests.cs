using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK9003AnalysisBudgetReachedAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>
/// PK9003 on the shapes of <see cref="Flow.TaintEngineBudgetTests"/>: the bound is a count (operations, call depth),
/// so the note appears deterministically, once, at the method that was not fully analysed; ordinary code never has it.
/// </summary>
public sealed class PK9003AnalysisBudgetReachedTests
{
    [Fact]
    public Task Flags_a_method_of_ten_thousand_statements_once_at_its_name()
    {
        var code = new StringBuilder("""
            using Microsoft.AspNetCore.Mvc;
            public class BigController : ControllerBase
            {
                public IActionResult {|#0:Run|}(string input)
                {
                    var s0 = input;

            """);
        for (var i = 1; i < 10_000; i++)
        {
            code.Append("        var s").Append(i).Append(" = s").Append(i - 1).Append(" + \"x\";\n");
        }

        code.Append("        return Redirect(s9999);\n    }\n}\n");
        return Verify.Analyzer(code.ToString(), Verify.Diagnostic().WithLocation(0)
            .WithArguments("Run", "operation budget of one taint walk", "20000").WithSeverity(DiagnosticSeverity.Info));
    }

    [Fact]
    public Task Flags_the_action_whose_call_chain_of_fifty_methods_is_cut_at_the_depth_limit()
    {
        var code = new StringBuilder("""
            using Microsoft.AspNetCore.Mvc;
            public class ChainController : ControllerBase
            {
                public IActionResult {|#0:Run|}(string name) { Chain.M0(name); return Ok(); }
            }
            public static class Chain
            {

            """);
        for (var i = 0; i < 49; i++)
        {
            code.Append("    public static void M").Append(i).Append("(string p) => M").Append(i + 1).Append("(p + \"/\");\n");
        }

        code.Append("    public static void M49(string p) => System.IO.File.Delete(p);\n}\n");
        return Verify.Analyzer(code.ToString(), Verify.Diagnostic().WithLocation(0)
            .WithArguments("Run", "call-depth limit of the taint summaries", "5"));
    }

    [Fact]
    public Task Flags_a_giant_sql_builder_that_exhausts_the_string_analysis()
    {
        var code = new StringBuilder("""
            using Microsoft.Data.SqlClient;
            public class Reports
            {
                public void {|#0:Build|}(SqlConnection connection, string filter)
                {
                    var s0 = "select * from t where ";
                    var count = 0;

            """);

        // Small enough for one taint walk, but the string analysis rescans the body for each of the 150 locals.
        for (var i = 1; i < 150; i++)
        {
            code.Append("        var s").Append(i).Append(" = s").Append(i - 1).Append(" + \"x\";\n");
        }

        for (var i = 0; i < 3_000; i++)
        {
            code.Append("        count++;\n");
        }

        code.Append("        using var command = new SqlCommand(s149 + filter, connection);\n    }\n}\n");
        return Verify.Analyzer(code.ToString(), Verify.Diagnostic().WithLocation(0)
            .WithArguments("Build", "operation budget of the SQL string analysis", "200000"));
    }

    [Fact]
    public Task Ignores_a_call_chain_within_the_depth_limit() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Mvc;
        public class ChainController : ControllerBase
        {
            public IActionResult Run(string name) { Chain.M0(name); return Ok(); }
        }
        public static class Chain
        {
            public static void M0(string p) => M1(p.Trim());
            public static void M1(string p) => M2("/srv/" + p);
            public static void M2(string p) => M3(p);
            public static void M3(string p) => M4(p);
            public static void M4(string p) => System.IO.File.Delete(p);
        }
        """);

    [Fact]
    public Task Ignores_a_long_chain_that_no_request_data_enters()
    {
        var code = new StringBuilder("""
            using Microsoft.AspNetCore.Mvc;
            public class ChainController : ControllerBase
            {
                public IActionResult Run() { Chain.M0("fixed"); return Ok(); }
            }
            public static class Chain
            {

            """);
        for (var i = 0; i < 9; i++)
        {
            code.Append("    public static void M").Append(i).Append("(string p) => M").Append(i + 1).Append("(p + \"/\");\n");
        }

        code.Append("    public static void M9(string p) => System.IO.File.Delete(p);\n}\n");
        return Verify.NoDiagnostic(code.ToString());
    }

    [Fact]
    public Task Ignores_a_recursive_helper() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Mvc;
        public class TreeController : ControllerBase
        {
            public IActionResult Show(string path) => Content(Walk(path, 3));

            private static string Walk(string path, int depth) =>
                depth == 0 ? path : Walk(System.IO.Path.Combine(path, "child"), depth - 1);
        }
        """);

    [Fact]
    public Task Ignores_ordinary_controllers_pages_and_minimal_apis()
    {
        var test = Verify.Create("""
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Data.SqlClient;

            var app = WebApplication.Create(args);
            app.MapGet("/files/{name}", (string name) => Results.File(System.IO.Path.Combine("/srv", System.IO.Path.GetFileName(name))));
            app.MapGet("/go", (string to, HttpContext http) => http.Response.Redirect(to.StartsWith('/') ? to : "/"));
            app.Run();

            public class OrdersController : Controller
            {
                private readonly SqlConnection _db;
                public OrdersController(SqlConnection db) => _db = db;

                public async Task<IActionResult> Search(string name, string sort)
                {
                    var sql = "select * from Orders where Name = @name order by " + (sort == "date" ? "Date" : "Id");
                    var rows = await _db.QueryAsync(sql, new { name });
                    return View(rows);
                }

                public IActionResult Back(string returnUrl) => Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction("Index");
            }

            public class EditModel : PageModel
            {
                public void OnGet(string title) => ViewData["Title"] = title;
            }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }
}
