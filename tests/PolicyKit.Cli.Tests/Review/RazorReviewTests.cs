using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyKit.Cli.Review;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

/// <summary>
/// .cshtml and .razor files reviewed through the SDK's Razor source generator, run in process by the review: a flaw in
/// markup is reported at the markup file and line in SARIF, Markdown and HTML; encoded output stays silent.
/// </summary>
public sealed class RazorReviewTests
{
    [Fact]
    public async Task Html_Raw_of_model_data_in_a_view_is_reported_at_the_cshtml_line()
    {
        using var delivery = TempDelivery.Of("RazorShop");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var xss = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "PK1002").ToList();
        var finding = Assert.Single(xss);
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Views/Comments/Show.cshtml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(4, region.GetProperty("startLine").GetInt32());
        Assert.Equal("<div class=\"body\">@Html.Raw(Model.Text)</div>", region.GetProperty("snippet").GetProperty("text").GetString());
        Assert.Contains("Model.Text", finding.GetProperty("message").GetProperty("text").GetString());

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("PK1002 Cross-site scripting: request data written as HTML — `Views/Comments/Show.cshtml:4`", markdown);
        Assert.Contains(">    4  <div class=\"body\">@Html.Raw(Model.Text)</div>", markdown);
        Assert.DoesNotContain("*.cshtml, *.razor", markdown);
        var html = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.html"));
        Assert.Contains("<code>Views/Comments/Show.cshtml:4:", html);
    }

    [Fact]
    public async Task Encoded_model_output_in_markup_stays_silent()
    {
        using var delivery = TempDelivery.Of("RazorShop");
        // @Model.Text is HTML-encoded by Razor; a literal passed to Html.Raw is not data.
        delivery.Write("Views/Comments/Show.cshtml", "@model Comment\n<h1>Comment</h1>\n<p class=\"author\">@Model.Author</p>\n<div class=\"body\">@Model.Text @Html.Raw(\"<hr>\")</div>\n");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif");

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.DoesNotContain("PK1002", rules);
        Assert.NotEmpty(rules);
        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task Markup_that_cannot_be_compiled_is_listed_as_not_analysed()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        delivery.Write("app/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");
        delivery.Write("app/Views/Home/Index.cshtml", "<p>@Html.Raw(ViewBag.Text)</p>\n");
        // A view outside any project has no project to be compiled with: it stays in the "not checked" list.
        delivery.Write("legacy/Orphan.cshtml", "<p>@Html.Raw(ViewBag.Text)</p>\n");

        await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("- `*.cshtml, *.razor (1)`: Razor views and components (.cshtml, .razor): markup not analysed", markdown);
    }

    [Fact]
    public void Without_an_SDK_Razor_generator_the_review_has_none_and_markup_stays_in_the_not_checked_list()
    {
        using var empty = TempDelivery.Empty();

        Assert.Null(RazorGeneration.Find(empty.Path));
        Assert.NotNull(RazorGeneration.Find());
    }
}
