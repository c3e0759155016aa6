using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyKit.Cli.Reports;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// Vendor-controlled strings (file names, code excerpts, messages) reach the reports as text only: no script, markup,
/// link or image can be injected into the HTML or the Markdown (SECURITY.md, "Report injection").
/// </summary>
public sealed class ReportInjectionTests
{
    // The line the finding is on carries the payloads, so they appear in the excerpt and the SARIF snippet.
    private const string Code = """
        // </script><script>alert(2)</script> ``` [click](javascript:alert(3)) ![x](https://tracker.example/p.png)
        class Evil { byte[] H(byte[] b) => System.Security.Cryptography.SHA1.HashData(b); /* </pre></script><img src=x onerror=alert(4)> */ }
        """;

    [Fact]
    public async Task File_named_script_and_code_closing_script_stay_text_in_html_markdown_and_sarif()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        // "/" cannot be part of a file name: the relative path <script>alert(1)</script>.cs is a folder and a file.
        const string hostile = "App/<script>alert(1)</script>.cs";
        delivery.Write(hostile, Code);
        delivery.Write("App/[link](javascript:alert(5)) `x` |cell|.cs", Code.Replace("Evil", "Evil2"));

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        var html = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</pre></", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.cs", html);
        Assert.Contains("&lt;/pre&gt;&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt;", html);

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        var prose = OutsideCodeFences(markdown);
        foreach (var line in prose)
        {
            // Outside fenced code, markup appears only escaped or inside a code span, and no link or image is formed.
            var withoutSpans = Regex.Replace(line, @"(`+) .*? \1|`[^`]*`", string.Empty);
            Assert.DoesNotContain("<script", withoutSpans, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", withoutSpans, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", withoutSpans);
        }

        Assert.Contains("— `App/<script>alert(1)</script>.cs:2`", markdown);
        Assert.Contains("— `` App/[link](javascript:alert(5)) `x` |cell|.cs:2 ``", markdown);
        // A fence inside the excerpt cannot close the excerpt's fence.
        Assert.Equal(0, markdown.Split('\n').Count(l => l.StartsWith(">", StringComparison.Ordinal) && l.Contains("```", StringComparison.Ordinal)));

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToList();
        Assert.Contains(uris, u => Uri.UnescapeDataString(u) == hostile);
        Assert.All(uris, u => Assert.DoesNotContain("<", u, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("[x](javascript:y)", "\\[x\\](javascript:y)")]
    [InlineData("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;")]
    [InlineData("a\\|b", "a\\\\\\|b")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("`code`", "\\`code\\`")]
    public void Inline_text_cannot_form_markup(string text, string expected) =>
        Assert.Equal(expected, MarkdownEscaping.Inline(text));

    [Theory]
    [InlineData("src/App.cs", "`src/App.cs`")]
    [InlineData("a`b", "`` a`b ``")]
    [InlineData("``x", "``` ``x ```")]
    [InlineData("line\nbreak", "`line break`")]
    public void Code_spans_are_fenced_longer_than_any_backtick_run_inside(string text, string expected) =>
        Assert.Equal(expected, MarkdownEscaping.Code(text));

    private static string[] OutsideCodeFences(string markdown)
    {
        var inFence = false;
        return markdown.Split('\n').Where(line =>
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                return false;
            }

            return !inFence;
        }).ToArray();
    }
}
