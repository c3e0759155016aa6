using System.Globalization;
using System.Linq;
using System.IO;
using System.Net;

namespace PolicyKit.Cli.Reports;

/// <summary>Escaping, the shared stylesheet and the coverage statement of the checklist and 診断報告書 views.</summary>
internal static class ViewMarkup
{
    /// <summary>Inline CSS (no external assets, no scripts).</summary>
    public const string Style = """
        :root { --fail:#b3261e; --pass:#1b6e3a; --warn:#8a5a00; --na:#5f6368; --line:#d9dce1; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; color: #1f2328; }
        h1 { font-size: 24px; margin: 0 0 8px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { font-size: 16px; margin: 18px 0 6px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; font-weight: 600; } td.id { white-space: nowrap; font-family: ui-monospace, Consolas, monospace; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; color: #fff; white-space: nowrap; }
        .s-done { background: var(--pass); } .s-notdone { background: var(--fail); } .s-notneeded { background: var(--na); } .s-reviewbyhand { background: var(--warn); }
        .incomplete { border: 3px solid var(--fail); background: #fdecea; padding: 10px 14px; font-size: 18px; font-weight: 700; border-radius: 6px; }
        .complete { border: 2px solid var(--pass); padding: 8px 14px; font-weight: 600; border-radius: 6px; }
        .grade { display: inline-block; font-size: 40px; font-weight: 800; width: 72px; text-align: center; border-radius: 8px; color: #fff; background: var(--fail); }
        .grade.g-A, .grade.g-B { background: var(--pass); } .grade.g-C { background: var(--warn); }
        .finding { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 6px; padding: 10px 14px; margin: 14px 0; }
        .finding.toconfirm { border-left-color: var(--warn); }
        code { font-family: ui-monospace, Consolas, monospace; font-size: 13px; word-break: break-all; } .meta { color: #57606a; font-size: 13px; }
        @media print { .finding { break-inside: avoid; } }
        """;

    /// <summary>HTML-encodes text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Makes text safe in a Markdown table cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell text.</returns>
    public static string Cell(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", string.Empty).Replace("\n", " ");

    /// <summary>Writes the coverage statement as Markdown.</summary>
    /// <param name="coverage">The coverage.</param>
    /// <param name="t">The labels.</param>
    /// <param name="output">The output.</param>
    public static void CoverageMarkdown(AnalysisCoverage coverage, ViewText t, TextWriter output)
    {
        output.Write($"## {t["Coverage"]}\n\n");
        output.Write(coverage.IsComplete ? $"**{t["CoverageComplete"]}**\n\n" : $"> **⚠ {t["CoverageIncomplete"]}**\n>\n> " + string.Join("; ", coverage.Reasons.Select(r => t["Reason." + r])) + "\n\n");
        output.Write($"| | |\n|---|---|\n");
        foreach (var (label, value) in Rows(coverage, t))
        {
            output.Write($"| {label} | {Cell(value)} |\n");
        }

        output.Write($"\n{t["Threshold"]}\n\n");
    }

    /// <summary>Writes the coverage statement as HTML.</summary>
    /// <param name="coverage">The coverage.</param>
    /// <param name="t">The labels.</param>
    /// <param name="o">The output.</param>
    public static void CoverageHtml(AnalysisCoverage coverage, ViewText t, TextWriter o)
    {
        o.Write($"<section id=\"coverage\" data-complete=\"{(coverage.IsComplete ? "true" : "false")}\"><h2>{E(t["Coverage"])}</h2>\n");
        o.Write(coverage.IsComplete
            ? $"<p class=\"complete\">{E(t["CoverageComplete"])}</p>\n"
            : $"<p id=\"incomplete\" class=\"incomplete\">⚠ {E(t["CoverageIncomplete"])}<br><span class=\"meta\">{E(string.Join("; ", coverage.Reasons.Select(r => t["Reason." + r])))}</span></p>\n");
        o.Write("<table>\n");
        foreach (var (label, value) in Rows(coverage, t))
        {
            o.Write($"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>\n");
        }

        o.Write($"</table>\n<p class=\"meta\">{E(t["Threshold"])}</p></section>\n");
    }

    private static (string, string)[] Rows(AnalysisCoverage c, ViewText t) =>
    [
        (t["FilesParsed"], $"{c.FilesParsed} / {c.FilesFound}"),
        (t["ProjectsCompiled"], $"{c.ProjectsCompiled} / {c.ProjectsFound}"),
        (t["BoundInvocations"], string.Create(CultureInfo.InvariantCulture, $"{c.BoundInvocations} / {c.Invocations} ({c.BoundShare * 100:0.0}%)")),
        (t["Endpoints"], c.Endpoints.ToString(CultureInfo.InvariantCulture) + " (" + t.Format("EndpointsDetail", c.ControllerActions, c.PageHandlers, c.MappedEndpoints) + ")"),
        (t["BudgetHits"], c.BudgetFindings.IsEmpty ? "0" : c.BudgetFindings.Length.ToString(CultureInfo.InvariantCulture) + " (" + string.Join(", ", c.BudgetFindings) + ")"),
    ];
}
