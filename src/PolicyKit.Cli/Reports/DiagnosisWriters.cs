using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static PolicyKit.Cli.Reports.ViewMarkup;

namespace PolicyKit.Cli.Reports;

/// <summary>The 診断報告書 view as Markdown (<c>policykit-diagnosis.md</c>); renders a <see cref="DiagnosisView"/> only.</summary>
/// <param name="view">The view.</param>
internal sealed class DiagnosisMarkdownWriter(DiagnosisView view) : IReportWriter
{
    private static readonly SeverityBand[] Bands = [SeverityBand.Critical, SeverityBand.High, SeverityBand.Medium, SeverityBand.Low, SeverityBand.Info];

    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc/>
    public string FileName => "policykit-diagnosis.md";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter o)
    {
        var t = ViewText.For(view.Report.Header.Language);
        var h = view.Report.Header;
        o.Write($"# {t["DiagnosisTitle"]}\n\n| | |\n|---|---|\n| {t["Target"]} | {Cell(h.Input)} |\n| {t["InputHash"]} | `{h.InputHash}` |\n| {t["Policy"]} | {Cell(h.PolicyName)} |\n| {t["PolicyHash"]} | `{h.PolicyHash}` |\n");
        o.Write($"| {t["Tool"]} | {h.ToolName} {h.ToolVersion} / {h.RulesVersion} |\n| {t["Date"]} | {h.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |\n| {t["Method"]} | {t["MethodText"]} |\n\n");
        o.Write($"## {t["Grade"]}: **{view.Grade}**{(view.Report.Coverage.IsComplete ? string.Empty : " — " + t["CoverageIncomplete"])}\n\n");
        o.Write($"| {t["Severity"]} | {t["Confirmed"]} | {t["ToConfirm"]} |\n|---|---|---|\n");
        foreach (var band in Bands)
        {
            o.Write($"| {t["Sev." + band]} | {view.Count(band, true)} | {view.Count(band, false)} |\n");
        }

        o.Write($"\n### {t["GradeRule"]}\n\n");
        foreach (var grade in "ABCDE")
        {
            o.Write($"- {t["Grade." + grade]}\n");
        }

        o.Write($"\n{t["GradeNote"]}\n\n### {t["SeverityCriteria"]}\n\n| {t["Severity"]} | {t["Score"]} | {t["Criterion"]} |\n|---|---|---|\n");
        foreach (var band in Bands)
        {
            o.Write($"| {t["Sev." + band]} | {SecuritySeverity.Range(band)} | {t["Crit." + band]} |\n");
        }

        o.Write("\n");
        CoverageMarkdown(view.Report.Coverage, t, o);
        o.Write($"## {t["FixGroups"]}\n\n{t["FixGroupsNote"]}\n\n");
        if (view.FixGroups.IsEmpty)
        {
            o.Write(t["NoFindings"] + "\n\n");
        }
        else
        {
            o.Write($"| # | {t["Rules"]} | {t["FixPoint"]} | {t["Resolves"]} |\n|---|---|---|---|\n");
            foreach (var group in view.FixGroups)
            {
                o.Write($"| {group.Id} | {group.RuleId} | `{Cell(group.Location)}` | {string.Join(", ", group.Findings)} |\n");
            }

            o.Write("\n");
        }

        Findings(o, t, t["Confirmed"], view.Findings.Where(f => f.Confirmed).ToList());
        Findings(o, t, t["ToConfirm"], view.Findings.Where(f => !f.Confirmed).ToList());
        o.Write($"## {t["Waivers"]}\n\n");
        if (view.Waived.IsEmpty)
        {
            o.Write(t["NoWaivers"] + "\n\n");
        }
        else
        {
            foreach (var w in view.Waived)
            {
                o.Write($"- {w.Finding.Id} {w.Finding.RuleId} `{Cell(w.Finding.Path)}:{w.Finding.StartLine}` — {Cell(w.Finding.Waiver!.Justification)} ({w.Finding.Waiver.Approver}, {w.Finding.Waiver.Expires})\n");
            }

            o.Write("\n");
        }

        o.Write($"## {t["Rediagnosis"]}\n\n");
        if (view.Report.Baseline is { } b)
        {
            o.Write($"| {t["New"]} | {t["Unchanged"]} | {t["Fixed"]} |\n|---|---|---|\n| {b.New} | {b.Unchanged} | {b.Fixed.Length} |\n\n");
            foreach (var f in view.Findings.Where(f => f.Finding.BaselineState == "new"))
            {
                o.Write($"- {t["New"]}: {f.Finding.Id} {f.Finding.RuleId} `{Cell(f.Finding.Path)}:{f.Finding.StartLine}`\n");
            }

            foreach (var f in b.Fixed)
            {
                o.Write($"- {t["Fixed"]}: {f.RuleId} `{Cell(f.Path)}:{f.Line}` — {Cell(f.Message)}\n");
            }
        }
        else
        {
            o.Write(t["NoRediagnosis"] + "\n");
        }
    }

    private static void Findings(TextWriter o, ViewText t, string heading, List<DiagnosisFinding> findings)
    {
        o.Write($"## {heading} ({findings.Count})\n\n");
        if (findings.Count == 0)
        {
            o.Write(t["NoFindings"] + "\n\n");
            return;
        }

        foreach (var f in findings)
        {
            var x = f.Finding;
            o.Write($"### {x.Id} [{t["Sev." + f.Band]} {f.Score.ToString("0.0", CultureInfo.InvariantCulture)}] {x.RuleId} {Cell(f.Title)}\n\n");
            o.Write($"- **{t["Location"]}**: `{Cell(x.Path)}:{x.StartLine}` ({f.FixGroup})\n");
            if (!x.Trace.IsEmpty)
            {
                o.Write($"- **{t["CodePath"]}**: " + string.Join(" → ", x.Trace.Select(s => $"`{Cell(s.Path)}:{s.Line}` ({t["Source"]})")) + $" → `{Cell(x.Path)}:{x.StartLine}` ({t["Sink"]})\n");
            }

            o.Write($"- **{t["Impact"]}**: {Cell(f.Impact)}\n- **{t["Fix"]}**: {Cell(x.Message)} — {Cell(f.Remediation)}\n");
            var refs = f.IpaItems.Concat(f.Cwe).Concat(f.Isms).Append(f.HelpUri).Where(r => r.Length > 0);
            o.Write($"- **{t["References"]}**: {string.Join(", ", refs)}\n\n");
        }
    }
}

/// <summary>The 診断報告書 view as one self-contained HTML file (<c>policykit-diagnosis.html</c>).</summary>
/// <param name="view">The view.</param>
internal sealed class DiagnosisHtmlWriter(DiagnosisView view) : IReportWriter
{
    private static readonly SeverityBand[] Bands = [SeverityBand.Critical, SeverityBand.High, SeverityBand.Medium, SeverityBand.Low, SeverityBand.Info];

    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc/>
    public string FileName => "policykit-diagnosis.html";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter o)
    {
        var t = ViewText.For(view.Report.Header.Language);
        var h = view.Report.Header;
        o.Write($"<!DOCTYPE html>\n<html lang=\"{t.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(t["DiagnosisTitle"])}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<h1>{E(t["DiagnosisTitle"])}</h1>\n<table>\n");
        foreach (var (label, value) in new[] { (t["Target"], h.Input), (t["InputHash"], h.InputHash), (t["Policy"], h.PolicyName), (t["PolicyHash"], h.PolicyHash), (t["Tool"], h.ToolName + " " + h.ToolVersion + " / " + h.RulesVersion), (t["Date"], h.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (t["Method"], t["MethodText"]) })
        {
            o.Write($"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>\n");
        }

        o.Write($"</table>\n<section id=\"grade-section\"><h2>{E(t["Grade"])}</h2>\n<p><span id=\"grade\" class=\"grade g-{view.Grade}\" data-grade=\"{view.Grade}\">{view.Grade}</span> {(view.Report.Coverage.IsComplete ? string.Empty : "<span class=\"incomplete\">⚠ " + E(t["CoverageIncomplete"]) + "</span>")}</p>\n");
        o.Write($"<table id=\"counts\"><tr><th>{E(t["Severity"])}</th><th>{E(t["Confirmed"])}</th><th>{E(t["ToConfirm"])}</th></tr>\n");
        foreach (var band in Bands)
        {
            o.Write($"<tr data-band=\"{band}\"><td>{E(t["Sev." + band])}</td><td>{view.Count(band, true)}</td><td>{view.Count(band, false)}</td></tr>\n");
        }

        o.Write($"</table>\n<h3>{E(t["GradeRule"])}</h3>\n<ul>\n");
        foreach (var grade in "ABCDE")
        {
            o.Write($"<li>{E(t["Grade." + grade])}</li>\n");
        }

        o.Write($"</ul>\n<p class=\"meta\">{E(t["GradeNote"])}</p>\n<h3>{E(t["SeverityCriteria"])}</h3>\n<table id=\"criteria\"><tr><th>{E(t["Severity"])}</th><th>{E(t["Score"])}</th><th>{E(t["Criterion"])}</th></tr>\n");
        foreach (var band in Bands)
        {
            o.Write($"<tr><td>{E(t["Sev." + band])}</td><td>{SecuritySeverity.Range(band)}</td><td>{E(t["Crit." + band])}</td></tr>\n");
        }

        o.Write("</table></section>\n");
        CoverageHtml(view.Report.Coverage, t, o);
        o.Write($"<section id=\"fix-groups\"><h2>{E(t["FixGroups"])}</h2>\n<p class=\"meta\">{E(t["FixGroupsNote"])}</p>\n<table><tr><th>#</th><th>{E(t["Rules"])}</th><th>{E(t["FixPoint"])}</th><th>{E(t["Resolves"])}</th></tr>\n");
        foreach (var group in view.FixGroups)
        {
            o.Write($"<tr data-group=\"{group.Id}\"><td>{group.Id}</td><td>{group.RuleId}</td><td><code>{E(group.Location)}</code></td><td>{E(string.Join(", ", group.Findings))}</td></tr>\n");
        }

        o.Write("</table></section>\n");
        Findings(o, t, "confirmed", t["Confirmed"], view.Findings.Where(f => f.Confirmed).ToList());
        Findings(o, t, "toconfirm", t["ToConfirm"], view.Findings.Where(f => !f.Confirmed).ToList());
        o.Write($"<section id=\"waivers\"><h2>{E(t["Waivers"])}</h2>\n");
        o.Write(view.Waived.IsEmpty ? $"<p>{E(t["NoWaivers"])}</p>\n" : "<ul>\n" + string.Concat(view.Waived.Select(w => $"<li>{w.Finding.Id} {w.Finding.RuleId} <code>{E(w.Finding.Path)}:{w.Finding.StartLine}</code> — {E(w.Finding.Waiver!.Justification)} ({E(w.Finding.Waiver.Approver)}, {E(w.Finding.Waiver.Expires)})</li>\n")) + "</ul>\n");
        o.Write($"</section>\n<section id=\"rediagnosis\"><h2>{E(t["Rediagnosis"])}</h2>\n");
        if (view.Report.Baseline is { } b)
        {
            o.Write($"<table><tr><th>{E(t["New"])}</th><th>{E(t["Unchanged"])}</th><th>{E(t["Fixed"])}</th></tr><tr><td data-diff=\"new\">{b.New}</td><td data-diff=\"unchanged\">{b.Unchanged}</td><td data-diff=\"fixed\">{b.Fixed.Length}</td></tr></table>\n<ul>\n");
            foreach (var f in b.Fixed)
            {
                o.Write($"<li>{E(t["Fixed"])}: {f.RuleId} <code>{E(f.Path)}:{f.Line}</code> — {E(f.Message)}</li>\n");
            }

            o.Write("</ul>\n");
        }
        else
        {
            o.Write($"<p>{E(t["NoRediagnosis"])}</p>\n");
        }

        o.Write("</section>\n</body>\n</html>\n");
    }

    private static void Findings(TextWriter o, ViewText t, string id, string heading, List<DiagnosisFinding> findings)
    {
        o.Write($"<section id=\"{id}\"><h2>{E(heading)} ({findings.Count})</h2>\n");
        foreach (var f in findings)
        {
            var x = f.Finding;
            o.Write($"<div class=\"finding {id}\" data-finding=\"{x.Id}\" data-rule=\"{x.RuleId}\" data-band=\"{f.Band}\"><h3>{x.Id} [{E(t["Sev." + f.Band])} {f.Score.ToString("0.0", CultureInfo.InvariantCulture)}] {x.RuleId} {E(f.Title)}</h3>\n<table>\n");
            o.Write($"<tr><th>{E(t["Location"])}</th><td><code>{E(x.Path)}:{x.StartLine}</code> ({f.FixGroup})</td></tr>\n");
            if (!x.Trace.IsEmpty)
            {
                o.Write($"<tr><th>{E(t["CodePath"])}</th><td>" + string.Join(" → ", x.Trace.Select(s => $"<code>{E(s.Path)}:{s.Line}</code> ({E(t["Source"])}) <code>{E(s.Text)}</code>")) + $" → <code>{E(x.Path)}:{x.StartLine}</code> ({E(t["Sink"])})</td></tr>\n");
            }

            o.Write($"<tr><th>{E(t["Impact"])}</th><td>{E(f.Impact)}</td></tr>\n<tr><th>{E(t["Fix"])}</th><td>{E(x.Message)}<br>{E(f.Remediation)}</td></tr>\n");
            var refs = f.IpaItems.Concat(f.Cwe).Concat(f.Isms).Where(r => r.Length > 0).Select(E);
            o.Write($"<tr><th>{E(t["References"])}</th><td>{string.Join(", ", refs)} <a href=\"{E(f.HelpUri)}\">{E(x.RuleId)}</a></td></tr>\n</table></div>\n");
        }

        o.Write("</section>\n");
    }
}
