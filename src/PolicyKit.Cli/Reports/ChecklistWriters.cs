using System.Globalization;
using System.IO;
using System.Linq;
using static PolicyKit.Cli.Reports.ViewMarkup;

namespace PolicyKit.Cli.Reports;

/// <summary>The checklist view as Markdown (<c>policykit-checklist.md</c>); renders a <see cref="ChecklistView"/> only.</summary>
/// <param name="view">The view.</param>
internal sealed class ChecklistMarkdownWriter(ChecklistView view) : IReportWriter
{
    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc/>
    public string FileName => "policykit-checklist.md";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter output)
    {
        var t = ViewText.For(view.Report.Header.Language);
        var h = view.Report.Header;
        output.Write($"# {t["ChecklistTitle"]}\n\n");
        output.Write($"| | |\n|---|---|\n| {t["Target"]} | {Cell(h.Input)} |\n| {t["Policy"]} | {Cell(h.PolicyName)} |\n| {t["PolicyHash"]} | `{h.PolicyHash}` |\n| {t["Tool"]} | {h.ToolName} {h.ToolVersion} / {h.RulesVersion} |\n| {t["Date"]} | {h.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |\n\n");
        CoverageMarkdown(view.Report.Coverage, t, output);
        output.Write($"## {t["Summary"]}\n\n| {t["Status.Done"]} | {t["Status.NotDone"]} | {t["Status.NotNeeded"]} | {t["Status.ReviewByHand"]} |\n|---|---|---|---|\n");
        output.Write($"| {view.Count(ChecklistStatus.Done)} | {view.Count(ChecklistStatus.NotDone)} | {view.Count(ChecklistStatus.NotNeeded)} | {view.Count(ChecklistStatus.ReviewByHand)} |\n\n{t["ChecklistNote"]}\n");
        foreach (var category in view.Items.GroupBy(i => i.Category))
        {
            output.Write($"\n### {t["Category." + category.Key]}\n\n");
            Table(category, t, output);
        }

        output.Write($"\n## {t["SiteCheck"]}\n\n");
        Table(view.SiteCheck, t, output);
    }

    private static void Table(System.Collections.Generic.IEnumerable<ChecklistItem> items, ViewText t, TextWriter output)
    {
        output.Write($"| {t["Item"]} | {t["Measure"]} | {t["Check"]} | {t["Status"]} | {t["Findings"]} | {t["Evidence"]} |\n|---|---|---|---|---|---|\n");
        foreach (var item in items)
        {
            var title = (item.Group is null ? string.Empty : "※ ") + item.Title;
            output.Write($"| {item.Item} {Cell(title)} | {Measure(item, t)} | {t["Check." + item.Checkable]} | **{t["Status." + item.Status]}** | {string.Join(", ", item.Findings)} | {Cell(item.Reason)} |\n");
        }
    }

    private static string Measure(ChecklistItem item, ViewText t) => item.Measure switch
    {
        MeasureKind.Fundamental => t["Fundamental"],
        MeasureKind.Mitigation => t["Mitigation"],
        _ => "—",
    };
}

/// <summary>The checklist view as one self-contained HTML file (<c>policykit-checklist.html</c>).</summary>
/// <param name="view">The view.</param>
internal sealed class ChecklistHtmlWriter(ChecklistView view) : IReportWriter
{
    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc/>
    public string FileName => "policykit-checklist.html";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter o)
    {
        var t = ViewText.For(view.Report.Header.Language);
        var h = view.Report.Header;
        o.Write($"<!DOCTYPE html>\n<html lang=\"{t.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(t["ChecklistTitle"])}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        o.Write($"<h1>{E(t["ChecklistTitle"])}</h1>\n<table>\n<tr><th>{E(t["Target"])}</th><td><code>{E(h.Input)}</code></td></tr>\n<tr><th>{E(t["Policy"])}</th><td>{E(h.PolicyName)}</td></tr>\n");
        o.Write($"<tr><th>{E(t["PolicyHash"])}</th><td><code id=\"policy-hash\">{E(h.PolicyHash)}</code></td></tr>\n<tr><th>{E(t["Tool"])}</th><td>{E(h.ToolName + " " + h.ToolVersion + " / " + h.RulesVersion)}</td></tr>\n<tr><th>{E(t["Date"])}</th><td>{E(h.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</td></tr>\n</table>\n");
        CoverageHtml(view.Report.Coverage, t, o);
        o.Write($"<section id=\"summary\"><h2>{E(t["Summary"])}</h2>\n<table><tr>");
        foreach (var status in new[] { ChecklistStatus.Done, ChecklistStatus.NotDone, ChecklistStatus.NotNeeded, ChecklistStatus.ReviewByHand })
        {
            o.Write($"<th>{E(t["Status." + status])}</th>");
        }

        o.Write("</tr><tr>");
        foreach (var status in new[] { ChecklistStatus.Done, ChecklistStatus.NotDone, ChecklistStatus.NotNeeded, ChecklistStatus.ReviewByHand })
        {
            o.Write($"<td data-count=\"{status}\">{view.Count(status)}</td>");
        }

        o.Write($"</tr></table>\n<p class=\"meta\">{E(t["ChecklistNote"])}</p></section>\n<section id=\"items\">\n");
        foreach (var category in view.Items.GroupBy(i => i.Category))
        {
            o.Write($"<h2>{E(t["Category." + category.Key])}</h2>\n");
            Table(category, t, o);
        }

        o.Write($"</section>\n<section id=\"sitecheck\"><h2>{E(t["SiteCheck"])}</h2>\n");
        Table(view.SiteCheck, t, o);
        o.Write("</section>\n</body>\n</html>\n");
    }

    private static void Table(System.Collections.Generic.IEnumerable<ChecklistItem> items, ViewText t, TextWriter o)
    {
        o.Write($"<table>\n<tr><th colspan=\"2\">{E(t["Item"])}</th><th>{E(t["Measure"])}</th><th>{E(t["Check"])}</th><th>{E(t["Status"])}</th><th>{E(t["Findings"])}</th><th>{E(t["Evidence"])}</th></tr>\n");
        foreach (var item in items)
        {
            var measure = item.Measure switch { MeasureKind.Fundamental => t["Fundamental"], MeasureKind.Mitigation => t["Mitigation"], _ => "—" };
            o.Write($"<tr data-item=\"{E(item.Id)}\" data-status=\"{item.Status.ToString().ToLowerInvariant()}\"><td class=\"id\">{E(item.Item)}</td><td>{(item.Group is null ? string.Empty : "※ ")}{E(item.Title)}</td>");
            o.Write($"<td>{E(measure)}</td><td>{E(t["Check." + item.Checkable])}</td><td><span class=\"badge s-{item.Status.ToString().ToLowerInvariant()}\">{E(t["Status." + item.Status])}</span></td><td>{E(string.Join(", ", item.Findings))}</td><td>{E(item.Reason)}</td></tr>\n");
        }

        o.Write("</table>\n");
    }
}
