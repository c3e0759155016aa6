using System.Globalization;
using System.IO;
using System.Linq;

namespace PolicyKit.Cli.Reports;

/// <summary>Markdown for pull requests and tickets: summary, controls by group, findings, waivers, limits.</summary>
internal sealed class MarkdownWriter : IReportWriter
{
    /// <inheritdoc/>
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc/>
    public string FileName => "policykit-report.md";

    /// <inheritdoc/>
    public void Write(AcceptanceReport report, TextWriter output)
    {
        var t = ReportText.For(CultureInfo.GetCultureInfo(report.Header.Language));
        var h = report.Header;
        output.Write($"# {t["Title"]}: {Cell(h.Input)}\n\n");
        output.Write($"**{t["Gate"]}: {(report.Gate.Passed ? t["GatePassed"] : t["GateFailed"])}** — {t.Format("GateDetail", report.Gate.Blocking, report.Gate.FailOn)}\n\n");
        var open = report.Findings.Count(f => !f.IsWaived);
        output.Write($"{t["FindingsTotal"]}: {report.Findings.Length} ({t["FindingsOpen"]} {open}, {t["FindingsWaived"]} {report.Findings.Length - open})  \n");
        output.Write(t.Format("Counts", Count(report, ControlOutcome.Pass), Count(report, ControlOutcome.Fail), Count(report, ControlOutcome.Waived), Count(report, ControlOutcome.NotCheckableFromSource)) + "\n\n");
        if (report.Baseline is { } baseline)
        {
            output.Write($"{t["BaselineHeading"]} ({MarkdownEscaping.Code(baseline.BaselinePath)}): {t["New"]} {baseline.New}, {t["Unchanged"]} {baseline.Unchanged}, {t["Fixed"]} {baseline.Fixed.Length}\n\n");
        }

        ViewMarkup.CoverageMarkdown(report.Coverage, ViewText.For(report.Header.Language), output);
        output.Write($"## {t["Header"]}\n\n| | |\n|---|---|\n");
        Row(output, t["Policy"], h.PolicyName);
        Row(output, t["PolicyVersion"], h.PolicyVersion ?? "—");
        Row(output, t["PolicyHash"], "`" + h.PolicyHash + "`");
        Row(output, t["PolicyOrigin"], h.PolicyOrigin);
        Row(output, t["Profiles"], h.Profiles.IsEmpty ? "—" : string.Join(", ", h.Profiles));
        Row(output, t["Tool"], h.ToolName + " " + h.ToolVersion);
        Row(output, t["RulesVersion"], h.RulesVersion);
        Row(output, t["Input"], h.Input);
        Row(output, t["InputHash"], "`" + h.InputHash + "`");
        Row(output, t["InputFiles"], h.InputFiles.ToString(CultureInfo.InvariantCulture));
        Row(output, t["ReferencePacks"], h.ReferencePacks);
        Row(output, t["Date"], h.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        if (!h.PendingDecisions.IsEmpty)
        {
            Row(output, t["PendingDecisions"], string.Join(", ", h.PendingDecisions));
        }

        output.Write($"\n## {t["ControlsHeading"]}\n");
        foreach (var group in report.Controls.GroupBy(c => c.Group))
        {
            output.Write($"\n### {Cell(group.Key)}\n\n| {t["Control"]} | {t["ControlTitle"]} | {t["Status"]} | {t["Evidence"]} |\n|---|---|---|---|\n");
            foreach (var control in group)
            {
                output.Write($"| {control.Id} | {Cell(control.Title)} | {t.Outcome(control)} | {string.Join(", ", control.Evidence)} |\n");
            }
        }

        output.Write($"\n## {t["FindingsHeading"]}\n\n");
        if (report.Findings.IsEmpty)
        {
            output.Write(t["NoFindings"] + "\n");
        }

        var rules = report.Rules.ToDictionary(r => r.Id);
        foreach (var finding in report.Findings)
        {
            rules.TryGetValue(finding.RuleId, out var rule);
            output.Write($"### {finding.Id} {finding.RuleId} {Cell(rule?.Title ?? string.Empty)} — {MarkdownEscaping.Code(finding.Path + ":" + finding.StartLine.ToString(CultureInfo.InvariantCulture))}\n\n");
            output.Write($"{finding.Level}{(finding.BaselineState is { } s ? ", " + (s == "new" ? t["New"] : t["Unchanged"]) : string.Empty)}: {Cell(finding.Message)}\n\n");
            if (!finding.Excerpt.IsEmpty)
            {
                output.Write("```csharp\n");
                foreach (var line in finding.Excerpt)
                {
                    output.Write($"{(line.IsFinding ? ">" : " ")}{line.Number,5}  {line.Text.Replace("```", "` ` `")}\n");
                }

                output.Write("```\n\n");
            }

            if (finding.Waiver is { } waiver)
            {
                output.Write($"**{t["WaivedBy"]}**: {Cell(waiver.Justification)} ({t["Approver"]}: {Cell(waiver.Approver)}, {t["Expires"]}: {waiver.Expires})\n\n");
            }

            if (rule is not null)
            {
                output.Write($"{t["Fix"]}: {Cell(rule.Description)} [{t["RuleDoc"]}]({rule.HelpUri})\n\n");
            }
        }

        if (report.Baseline is { Fixed.IsEmpty: false } comparison)
        {
            output.Write($"### {t["Fixed"]}\n\n");
            foreach (var gone in comparison.Fixed)
            {
                output.Write($"- {gone.RuleId} {MarkdownEscaping.Code(gone.Path + ":" + gone.Line.ToString(CultureInfo.InvariantCulture))} {Cell(gone.Message)}\n");
            }

            output.Write('\n');
        }

        output.Write($"## {t["WaiversHeading"]}\n\n");
        if (report.AppliedWaivers.IsEmpty)
        {
            output.Write(t["NoWaivers"] + "\n");
        }

        foreach (var waiver in report.AppliedWaivers)
        {
            output.Write($"- {waiver.Rule} ({t["Scope"]}: {MarkdownEscaping.Code(waiver.Scope)}): {Cell(waiver.Justification)} — {Cell(waiver.Approver)}, {t["Expires"]} {waiver.Expires}\n");
        }

        EndpointSection.WriteMarkdown(report, output);
        output.Write($"\n## {t["ResolutionHeading"]}\n\n{t["ResolutionNote"]}\n\n| {t["Project"]} | {t["Framework"]} | {t["Files"]} | {t["Lines"]} | {t["Unresolved"]} | {t["OtherErrors"]} | {t["FilesUnresolved"]} | {t["Packages"]} |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var p in report.Resolution.Projects)
        {
            output.Write($"| {Cell(p.Project)} | {p.TargetFramework} | {p.Files} | {p.Lines} | {p.UnresolvedType} / {p.UnresolvedNamespaceMember} / {p.UnresolvedMember} / {p.UnresolvedName} | {p.OtherErrors} | {p.FilesWithUnresolved} ({p.PercentFilesUnresolved.ToString("0.#", CultureInfo.InvariantCulture)}%) | {Cell(string.Join(", ", p.PackagesNotRestored))} |\n");
        }

        output.Write("\n" + t.Format("DeliveryAssemblies", report.Resolution.DeliveryAssemblies) + "\n");
        if (!report.Resolution.Packages.IsEmpty)
        {
            output.Write("\n" + t.Format("PackagesResolved", report.Resolution.Packages.Length) + "\n\n" + string.Concat(report.Resolution.Packages.Select(p => "- " + Cell(p) + "\n")));
        }

        output.Write($"\n## {t["NotCheckedHeading"]}\n\n");
        if (report.NotChecked.IsEmpty)
        {
            output.Write(t["NothingSkipped"] + "\n");
        }

        foreach (var item in report.NotChecked)
        {
            output.Write($"- {MarkdownEscaping.Code(item.Path)}: {Cell(item.Reason)}\n");
        }

        output.Write($"\n## {t["CannotSeeHeading"]}\n\n");
        foreach (var item in report.NotCheckableFromSource)
        {
            output.Write($"- {item}\n");
        }
    }

    private static int Count(AcceptanceReport report, ControlOutcome outcome) => report.Controls.Count(c => c.Outcome == outcome);

    private static void Row(TextWriter output, string label, string value) => output.Write($"| {label} | {Cell(value)} |\n");

    // Table cells and inline text: no line breaks, no unescaped pipes, HTML, links or code spans.
    private static string Cell(string text) => MarkdownEscaping.Inline(text);
}
