using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Reports;

/// <summary>
/// The HTML checklist prints each IPA item in two cells (number, wording) under one 項目 heading: the headings must span
/// as many columns as every row has, or 根本的解決 / 保険的対策 is shown under the wrong heading.
/// </summary>
public sealed class ChecklistHtmlTableTests
{
    [Fact]
    public async Task Reports_every_checklist_row_under_headings_that_span_all_its_cells()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "html", "--view", "checklist", "--lang", "ja");
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(Path.Combine(delivery.Out, "policykit-checklist.html"));

        var tables = Regex.Matches(html, "<table>\n<tr>(?<head>.*?)</tr>\n(?<rows>.*?)</table>", RegexOptions.Singleline);
        Assert.NotEmpty(tables);
        foreach (Match table in tables)
        {
            var width = Regex.Matches(table.Groups["head"].Value, "<th(?: colspan=\"(?<span>\\d+)\")?>")
                .Sum(m => m.Groups["span"].Success ? int.Parse(m.Groups["span"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1);
            foreach (var row in table.Groups["rows"].Value.Split('\n').Where(r => r.StartsWith("<tr data-item=", System.StringComparison.Ordinal)))
            {
                Assert.True(Regex.Matches(row, "<td").Count == width, row);
            }
        }

        Assert.Contains("<th colspan=\"2\">項目</th><th>対策の性質</th>", html);
    }
}
