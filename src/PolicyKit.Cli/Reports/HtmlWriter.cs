using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// One self-contained HTML file for the people who accept the delivery: inline CSS, no scripts, no external assets;
/// long control groups fold with <c>&lt;details&gt;</c>, which needs no JavaScript.
/// </summary>
internal sealed class HtmlWriter : IReportWriter
{
    private const string Style = """
        :root { --fail:#b3261e; --pass:#1b6e3a; --waived:#8a5a00; --na:#5f6368; --line:#d9dce1; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; color: #1f2328; }
        h1 { font-size: 26px; margin: 0 0 8px; } h2 { font-size: 20px; margin-top: 36px; border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 8px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; font-weight: 600; } td.id { white-space: nowrap; font-family: ui-monospace, Consolas, monospace; }
        .gate { display: inline-block; font-size: 18px; font-weight: 700; padding: 6px 14px; border-radius: 6px; color: #fff; }
        .gate.passed { background: var(--pass); } .gate.failed { background: var(--fail); }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; } .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; }
        .card b { display: block; font-size: 24px; } .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; color: #fff; white-space: nowrap; }
        .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.waived { background: var(--waived); } .badge.na { background: var(--na); }
        tr.fail td { background: #fdecea; } tr.waived td { background: #fff6e0; }
        details { margin: 8px 0; } summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
        .finding { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 6px; padding: 10px 14px; margin: 14px 0; }
        .finding.waived { border-left-color: var(--waived); } .finding h3 { margin: 0 0 6px; }
        pre { background: #f6f8fa; padding: 8px; overflow-x: auto; font: 13px/1.45 ui-monospace, Consolas, monospace; margin: 8px 0; }
        pre .hit { background: #ffe3e0; display: block; font-weight: 600; } .ln { color: #8c959f; user-select: none; }
        .meta { color: #57606a; font-size: 13px; } code { font-family: ui-monospace, Consolas, monospace; font-size: 13px; word-break: break-all; }
        ul.plain li { margin: 3px 0; } footer { margin-top: 40px; color: #57606a; font-size: 12px; }
        @media print { details { display: block; } .finding { break-inside: avoid; } }
        """;

    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc/>
    public string FileName => "policykit-report.html";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter o)
    {
        var t = ReportText.For(CultureInfo.GetCultureInfo(report.Header.Language));
        var h = report.Header;
        o.Write($"<!DOCTYPE html>\n<html lang=\"{t.Language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Write($"<title>{E(t["Title"])}: {E(h.Input)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        o.Write($"<header><h1>{E(t["Title"])}: {E(h.Input)}</h1>\n");
        o.Write($"<p id=\"gate\" class=\"gate {(report.Gate.Passed ? "passed" : "failed")}\">{E(t["Gate"])}: {E(report.Gate.Passed ? t["GatePassed"] : t["GateFailed"])}</p> <span class=\"meta\">{E(t.Format("GateDetail", report.Gate.Blocking, report.Gate.FailOn))}</span></header>\n");

        ViewMarkup.CoverageHtml(report.Coverage, ViewText.For(report.Header.Language), o);
        var open = report.Findings.Count(f => !f.IsWaived);
        o.Write($"<section id=\"summary\"><h2>{E(t["Summary"])}</h2>\n<div class=\"cards\">\n");
        Card(o, t["FindingsTotal"], report.Findings.Length, $"{t["FindingsOpen"]} {open} / {t["FindingsWaived"]} {report.Findings.Length - open}");
        Card(o, t["Fail"], Count(report, ControlOutcome.Fail), t["ControlsHeading"]);
        Card(o, t["Pass"], Count(report, ControlOutcome.Pass), t["ControlsHeading"]);
        Card(o, t["Waived"], Count(report, ControlOutcome.Waived), t["ControlsHeading"]);
        Card(o, t["NotCheckable"], Count(report, ControlOutcome.NotCheckableFromSource), t["ControlsHeading"]);
        if (report.Baseline is { } baseline)
        {
            Card(o, t["BaselineHeading"], baseline.New, $"{t["New"]} {baseline.New} / {t["Unchanged"]} {baseline.Unchanged} / {t["Fixed"]} {baseline.Fixed.Length}");
        }

        o.Write("</div></section>\n");

        o.Write($"<section id=\"details\"><h2>{E(t["Header"])}</h2>\n<table>\n");
        Row(o, t["Policy"], E(h.PolicyName));
        Row(o, t["PolicyVersion"], E(h.PolicyVersion ?? "—"));
        Row(o, t["PolicyHash"], $"<code>{E(h.PolicyHash)}</code>");
        Row(o, t["PolicyOrigin"], $"<code>{E(h.PolicyOrigin)}</code>");
        Row(o, t["Profiles"], E(h.Profiles.IsEmpty ? "—" : string.Join(", ", h.Profiles)));
        Row(o, t["Tool"], E(h.ToolName + " " + h.ToolVersion));
        Row(o, t["RulesVersion"], E(h.RulesVersion));
        Row(o, t["Input"], $"<code>{E(h.Input)}</code>");
        Row(o, t["InputHash"], $"<code id=\"input-hash\">{E(h.InputHash)}</code>");
        Row(o, t["InputFiles"], h.InputFiles.ToString(CultureInfo.InvariantCulture));
        Row(o, t["ReferencePacks"], E(h.ReferencePacks));
        Row(o, t["Date"], E(h.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        if (!h.PendingDecisions.IsEmpty)
        {
            Row(o, t["PendingDecisions"], E(string.Join(", ", h.PendingDecisions)));
        }

        o.Write("</table></section>\n");

        var rules = report.Rules.ToDictionary(r => r.Id);
        o.Write($"<section id=\"controls\"><h2>{E(t["ControlsHeading"])}</h2>\n");
        var first = true;
        foreach (var group in report.Controls.GroupBy(c => c.Group))
        {
            var fails = group.Count(c => c.Outcome == ControlOutcome.Fail);
            var counts = t.Format("Counts", group.Count(c => c.Outcome == ControlOutcome.Pass), fails, group.Count(c => c.Outcome == ControlOutcome.Waived), group.Count(c => c.Outcome == ControlOutcome.NotCheckableFromSource));
            o.Write($"<details class=\"group\"{(first || fails > 0 ? " open" : string.Empty)}><summary>{E(group.Key)} <span class=\"meta\">({E(counts)})</span></summary>\n");
            o.Write($"<table><thead><tr><th>{E(t["Control"])}</th><th>{E(t["ControlTitle"])}</th><th>{E(t["Status"])}</th><th>{E(t["Evidence"])}</th><th>{E(t["Rules"])}</th></tr></thead><tbody>\n");
            foreach (var control in group)
            {
                var css = control.Outcome switch { ControlOutcome.Pass => "pass", ControlOutcome.Fail => "fail", ControlOutcome.Waived => "waived", _ => "na" };
                o.Write($"<tr class=\"{css}\" data-control=\"{E(control.Id)}\" data-outcome=\"{css}\"><td class=\"id\">{E(control.Id)}</td><td>{E(control.Title)}</td><td><span class=\"badge {css}\">{E(t.Outcome(control))}</span></td><td>");
                o.Write(string.Join(" ", control.Evidence.Select(id => $"<a href=\"#{id}\">{id}</a>")));
                o.Write("</td><td>");
                o.Write(string.Join(" ", control.Rules.Select(r => rules.TryGetValue(r, out var info) ? $"<a href=\"{E(info.HelpUri)}\">{E(r)}</a>" : E(r))));
                o.Write("</td></tr>\n");
            }

            o.Write("</tbody></table></details>\n");
            first = false;
        }

        o.Write("</section>\n");

        o.Write($"<section id=\"findings\"><h2>{E(t["FindingsHeading"])} ({report.Findings.Length})</h2>\n");
        if (report.Findings.IsEmpty)
        {
            o.Write($"<p>{E(t["NoFindings"])}</p>\n");
        }

        foreach (var f in report.Findings)
        {
            rules.TryGetValue(f.RuleId, out var rule);
            o.Write($"<article class=\"finding{(f.IsWaived ? " waived" : string.Empty)}\" id=\"{f.Id}\" data-rule=\"{f.RuleId}\">\n");
            o.Write($"<h3>{f.Id} · {E(f.RuleId)} {E(rule?.Title ?? string.Empty)} {(f.IsWaived ? $"<span class=\"badge waived\">{E(t["Waived"])}</span>" : $"<span class=\"badge fail\">{E(f.Level)}</span>")}");
            if (f.BaselineState is { } state)
            {
                o.Write($" <span class=\"badge na\">{E(state == "new" ? t["New"] : t["Unchanged"])}</span>");
            }

            o.Write("</h3>\n");
            o.Write($"<p class=\"meta\">{E(t["Location"])}: <code>{E(f.Path)}:{f.StartLine}:{f.StartColumn}</code> · {E(t["Project"])}: <code>{E(f.Project)}</code> · {E(t["ControlsHeading"])}: {E(string.Join(", ", f.Controls))}</p>\n");
            o.Write($"<p class=\"message\">{E(f.Message)}</p>\n");
            if (!f.Excerpt.IsEmpty)
            {
                o.Write("<pre>");
                foreach (var line in f.Excerpt)
                {
                    var text = $"<span class=\"ln\">{line.Number,5}  </span>{E(line.Text)}";
                    o.Write(line.IsFinding ? $"<span class=\"hit\">{text}</span>" : text + "\n");
                }

                o.Write("</pre>\n");
            }

            if (f.Waiver is { } w)
            {
                o.Write($"<p><b>{E(t["WaivedBy"])}</b>: {E(w.Justification)} — {E(t["Approver"])}: {E(w.Approver)}, {E(t["Expires"])}: {E(w.Expires)}, {E(t["Scope"])}: <code>{E(w.Scope)}</code></p>\n");
            }

            if (rule is not null)
            {
                o.Write($"<p><b>{E(t["Fix"])}</b>: {E(rule.Description)} <a href=\"{E(rule.HelpUri)}\">{E(t["RuleDoc"])} {E(rule.Id)}</a></p>\n");
            }

            o.Write("</article>\n");
        }

        if (report.Baseline is { Fixed.IsEmpty: false } comparison)
        {
            o.Write($"<h3>{E(t["Fixed"])}</h3><ul class=\"plain\">\n");
            foreach (var gone in comparison.Fixed)
            {
                o.Write($"<li>{E(gone.RuleId)} <code>{E(gone.Path)}:{gone.Line}</code> {E(gone.Message)}</li>\n");
            }

            o.Write("</ul>\n");
        }

        o.Write("</section>\n");

        EndpointSection.WriteHtml(report, o);
        o.Write($"<section id=\"waivers\"><h2>{E(t["WaiversHeading"])}</h2>\n");
        if (report.AppliedWaivers.IsEmpty)
        {
            o.Write($"<p>{E(t["NoWaivers"])}</p>\n");
        }
        else
        {
            o.Write($"<table><tr><th>{E(t["Rule"])}</th><th>{E(t["Scope"])}</th><th>{E(t["Justification"])}</th><th>{E(t["Approver"])}</th><th>{E(t["Expires"])}</th></tr>\n");
            foreach (var w in report.AppliedWaivers)
            {
                o.Write($"<tr><td class=\"id\">{E(w.Rule)}</td><td><code>{E(w.Scope)}</code></td><td>{E(w.Justification)}</td><td>{E(w.Approver)}</td><td>{E(w.Expires)}</td></tr>\n");
            }

            o.Write("</table>\n");
        }

        o.Write("</section>\n");

        o.Write($"<section id=\"resolution\"><h2>{E(t["ResolutionHeading"])}</h2>\n<p class=\"meta\">{E(t["ResolutionNote"])}</p>\n");
        o.Write($"<table><tr><th>{E(t["Project"])}</th><th>{E(t["Framework"])}</th><th>{E(t["Files"])}</th><th>{E(t["Lines"])}</th><th>{E(t["Unresolved"])}</th><th>{E(t["OtherErrors"])}</th><th>{E(t["FilesUnresolved"])}</th><th>{E(t["Packages"])}</th></tr>\n");
        foreach (var p in report.Resolution.Projects)
        {
            o.Write($"<tr><td><code>{E(p.Project)}</code></td><td>{E(p.TargetFramework)}</td><td>{p.Files}</td><td>{p.Lines}</td><td>{p.UnresolvedType} / {p.UnresolvedNamespaceMember} / {p.UnresolvedMember} / {p.UnresolvedName}</td><td>{p.OtherErrors}</td><td>{p.FilesWithUnresolved} ({p.PercentFilesUnresolved.ToString("0.#", CultureInfo.InvariantCulture)}%)</td><td>{E(string.Join(", ", p.PackagesNotRestored))}</td></tr>\n");
        }

        o.Write($"</table>\n<p class=\"meta\">{E(t.Format("DeliveryAssemblies", report.Resolution.DeliveryAssemblies))}</p>\n");
        if (!report.Resolution.Packages.IsEmpty)
        {
            o.Write($"<p class=\"meta\">{E(t.Format("PackagesResolved", report.Resolution.Packages.Length))}</p>\n<ul class=\"plain\" id=\"packages\">{string.Concat(report.Resolution.Packages.Select(p => "<li>" + E(p) + "</li>"))}</ul>\n");
        }

        o.Write("</section>\n");

        o.Write($"<section id=\"not-checked\"><h2>{E(t["NotCheckedHeading"])}</h2>\n<ul class=\"plain\">\n");
        if (report.NotChecked.IsEmpty)
        {
            o.Write($"<li>{E(t["NothingSkipped"])}</li>\n");
        }

        foreach (var item in report.NotChecked)
        {
            o.Write($"<li><code>{E(item.Path)}</code>: {E(item.Reason)}</li>\n");
        }

        o.Write("</ul></section>\n");
        o.Write($"<section id=\"cannot-see\"><h2>{E(t["CannotSeeHeading"])}</h2>\n<ul class=\"plain\">\n");
        foreach (var item in report.NotCheckableFromSource)
        {
            o.Write($"<li>{E(item)}</li>\n");
        }

        o.Write("</ul></section>\n");
        o.Write($"<footer>{E(h.ToolName)} {E(h.ToolVersion)} · {E(t["RulesVersion"])} {E(h.RulesVersion)} · {E(h.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</footer>\n</body>\n</html>\n");
    }

    private static int Count(AcceptanceReport report, ControlOutcome outcome) => report.Controls.Count(c => c.Outcome == outcome);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Card(TextWriter o, string label, int value, string detail) =>
        o.Write($"<div class=\"card\"><b>{value}</b>{E(label)}<div class=\"meta\">{E(detail)}</div></div>\n");

    private static void Row(TextWriter o, string label, string html) => o.Write($"<tr><th>{E(label)}</th><td>{html}</td></tr>\n");
}
