using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>The endpoint inventory in the reports: a table in Markdown and HTML, <c>policykit/endpoints</c> in SARIF.</summary>
public sealed class EndpointReportTests
{
    [Fact]
    public async Task Reports_list_every_endpoint_with_authorization_antiforgery_and_findings()
    {
        using var delivery = TempDelivery.Of("RazorShop");

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("## Endpoints", markdown);
        Assert.Contains("| Route | Methods | Handler | Authorization | Antiforgery | Findings |", markdown);
        Assert.Contains("| `/Comments/Hide` | POST | CommentsController.Hide `Controllers/CommentsController.cs:15` | authorized (roles: Moderator) — [Authorize] on Hide | validated — [ValidateAntiForgeryToken] on Hide |  |", markdown);
        Assert.Contains("| `/Feedback` | POST | Pages/Feedback OnPost `Pages/Feedback.cshtml.cs:15` | anonymous — no [Authorize], no RequireAuthorization, no fallback policy | validated — Razor Pages default | F", markdown);
        Assert.Contains("| `/api/comments/{id}` | DELETE | DELETE /api/comments/{id} `Program.cs:13` | authorized (policy: Moderators) — .RequireAuthorization() on group /api/comments |", markdown);
        Assert.Contains("| `/health` | GET | GET /health `Program.cs:11` | anonymous (AllowAnonymous) — .AllowAnonymous() on the endpoint | not applicable — GET only |", markdown);

        var html = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.html"));
        Assert.Contains("<section id=\"endpoints\"><h2>Endpoints (8)</h2>", html);
        Assert.Contains("data-antiforgery=\"Ignored\"><td><code>/api/comments/import</code></td>", html);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var endpoints = run.GetProperty("properties").GetProperty("policykit/endpoints").EnumerateArray().ToList();
        Assert.Equal(8, endpoints.Count);
        var counter = endpoints.Single(e => e.GetProperty("kind").GetString() == "Component");
        Assert.Equal("/counter", counter.GetProperty("route").GetString());
        Assert.Equal("Components/Counter.razor", counter.GetProperty("uri").GetString());
        Assert.Equal("authorized (roles: Staff) — [Authorize] on Counter", counter.GetProperty("authorizationDetail").GetString());
        var import = endpoints.Single(e => e.GetProperty("route").GetString() == "/api/comments/import");
        Assert.Equal("POST", import.GetProperty("verbs").GetString());
        Assert.Equal("MinimalApi", import.GetProperty("kind").GetString());
        Assert.Equal("Authorized", import.GetProperty("authorization").GetString());
        Assert.Equal("Ignored", import.GetProperty("antiforgery").GetString());
        Assert.Equal("Program.cs", import.GetProperty("uri").GetString());

        // The findings column links the PK3006 finding on DisableAntiforgery() to its endpoint.
        var findingId = Assert.Single(import.GetProperty("findings").EnumerateArray()).GetString();
        var pk3006 = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("properties").GetProperty("findingId").GetString() == findingId);
        Assert.Equal("PK3006", pk3006.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_delivery_without_AspNetCore_says_no_endpoint_was_found()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        delivery.Write("Lib/Calc.cs", "namespace Lib;\n\npublic static class Calc\n{\n    public static int Add(int a, int b) => a + b;\n}\n");

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--lang", "ja");

        Assert.Contains("ASP.NET Core のエンドポイントは見つかりませんでした。", File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md")));
    }
}
