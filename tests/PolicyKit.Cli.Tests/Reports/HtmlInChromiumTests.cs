using System;
using System.IO;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// The HTML report opened in headless Chromium: the DOM it builds is asserted on, and a screenshot is kept under the
/// test output's TestResults folder. Skipped, with a message, only when no chromium binary exists.
/// </summary>
public sealed class HtmlInChromiumTests
{
    private readonly ITestOutputHelper log;

    public HtmlInChromiumTests(ITestOutputHelper log) => this.log = log;

    [Fact]
    public async Task Html_report_renders_in_chromium_with_controls_findings_and_limits()
    {
        var chromium = HeadlessChromium.Find();
        if (chromium is null)
        {
            log.WriteLine("SKIPPED: chromium not found (apt-get install -y chromium); the HTML was not rendered.");
            return;
        }

        using var delivery = TempDelivery.Of("FlawedShop");
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "html");
        Assert.True(result.ExitCode == 1, result.ToString());
        var html = Path.Combine(delivery.Out, "policykit-report.html");
        var profile = Path.Combine(delivery.Root, "chromium-profile");

        var dom = HeadlessChromium.Run(chromium, profile, "--dump-dom", new Uri(html).AbsoluteUri);

        Assert.Contains("<p id=\"gate\" class=\"gate failed\">Gate: FAILED</p>", dom);
        Assert.Contains("data-control=\"MIC-38\" data-outcome=\"fail\"", dom);
        Assert.Contains("data-control=\"MIC-40\" data-outcome=\"na\"", dom);
        Assert.True(dom.IndexOf("data-control=\"MIC-42\"", StringComparison.Ordinal) < dom.IndexOf("data-control=\"MN-01\"", StringComparison.Ordinal), "MIC's five measures come first");
        Assert.True(dom.IndexOf("data-control=\"MN-45\"", StringComparison.Ordinal) < dom.IndexOf("data-control=\"A.5.1.1\"", StringComparison.Ordinal) || !dom.Contains("data-control=\"A.5.1.1\"", StringComparison.Ordinal));
        Assert.Contains("data-rule=\"PK1001\"", dom);
        Assert.Contains("<span class=\"hit\">", dom);
        Assert.Contains("What a source review cannot see", dom);
        Assert.Contains("Web application firewall (WAF)", dom);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", dom, StringComparison.OrdinalIgnoreCase);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(screenshots);
        var png = Path.Combine(screenshots, "policykit-report.png");
        File.Delete(png);
        HeadlessChromium.Run(chromium, profile, "--screenshot=" + png, "--window-size=1280,2000", new Uri(html).AbsoluteUri);
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, "screenshot written");
        File.Copy(html, Path.Combine(screenshots, "policykit-report.html"), overwrite: true);
        log.WriteLine("screenshot: " + png);
    }
}
