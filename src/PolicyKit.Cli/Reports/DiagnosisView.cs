using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyKit.Cli.Reports;

/// <summary>One finding as a 診断報告書 entry.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Score">The security-severity score.</param>
/// <param name="Band">Its band.</param>
/// <param name="Confirmed">確定 (true) or 要確認 (false).</param>
/// <param name="Impact">影響, in the view's language.</param>
/// <param name="Remediation">対策 (the rule's description).</param>
/// <param name="HelpUri">The rule's page.</param>
/// <param name="IpaItems">The IPA checklist items and 20ヶ条 articles it bears on.</param>
/// <param name="Cwe">CWE ids.</param>
/// <param name="Isms">ISO/IEC 27001 Annex A controls.</param>
/// <param name="FixGroup">The fix group id (<c>G01</c>).</param>
internal sealed record DiagnosisFinding(
    Finding Finding,
    string Title,
    double Score,
    SeverityBand Band,
    bool Confirmed,
    string Impact,
    string Remediation,
    string HelpUri,
    ImmutableArray<string> IpaItems,
    ImmutableArray<string> Cwe,
    ImmutableArray<string> Isms,
    string FixGroup);

/// <summary>One fix point that resolves several findings.</summary>
/// <param name="Id">The id (<c>G01</c>).</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Location">The fix point (<c>path:line</c>, or the file for configuration rules).</param>
/// <param name="Findings">The finding ids it resolves.</param>
internal sealed record FixGroup(string Id, string RuleId, string Location, ImmutableArray<string> Findings);

/// <summary>The 脆弱性診断報告書 view: grade, severity criteria, 確定/要確認, fix groups, findings, waivers, 再診断.</summary>
/// <param name="Report">The acceptance report it is computed from.</param>
/// <param name="Grade">A–E.</param>
/// <param name="Findings">Open findings, most severe first.</param>
/// <param name="Waived">Waived findings.</param>
/// <param name="FixGroups">Fix groups of the open findings, largest first.</param>
internal sealed record DiagnosisView(AcceptanceReport Report, char Grade, ImmutableArray<DiagnosisFinding> Findings, ImmutableArray<DiagnosisFinding> Waived, ImmutableArray<FixGroup> FixGroups)
{
    // Rules whose findings expect a person's judgement (IDOR candidates, budget notices): always 要確認.
    private static readonly string[] NeedsReview = ["PK1009", "PK9003"];

    // Configuration rules: one options block fixes every finding in the file.
    private static readonly string[] ConfigurationRules = ["PK3003", "PK3004", "PK3007"];

    /// <summary>Computes the view (grading rule in docs/diagnosis-report.md).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The view.</returns>
    public static DiagnosisView Build(AcceptanceReport report)
    {
        var t = ViewText.For(report.Header.Language);
        var rules = report.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var groups = new Dictionary<(string, string), List<Finding>>();
        foreach (var finding in report.Findings.Where(f => !f.IsWaived))
        {
            var key = (finding.RuleId, FixPoint(finding));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<Finding>();
            }

            list.Add(finding);
        }

        var fixGroups = groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key.Item2, StringComparer.Ordinal).ThenBy(g => g.Key.Item1, StringComparer.Ordinal)
            .Select((g, i) => new FixGroup("G" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), g.Key.Item1, g.Key.Item2, g.Value.Select(f => f.Id).ToImmutableArray()))
            .ToImmutableArray();
        var groupOf = fixGroups.SelectMany(g => g.Findings.Select(f => (f, g.Id))).ToDictionary(x => x.f, x => x.Id, StringComparer.Ordinal);

        var entries = report.Findings.Select(f => Entry(f, rules, t, groupOf)).ToList();
        var open = entries.Where(e => !e.Finding.IsWaived).OrderByDescending(e => e.Score).ThenBy(e => e.Finding.Id, StringComparer.Ordinal).ToImmutableArray();
        return new DiagnosisView(report, GradeOf(open, report.Coverage), open, entries.Where(e => e.Finding.IsWaived).ToImmutableArray(), fixGroups);
    }

    /// <summary>Open findings of a band.</summary>
    /// <param name="band">The band.</param>
    /// <param name="confirmed">確定 or 要確認.</param>
    /// <returns>The count.</returns>
    public int Count(SeverityBand band, bool confirmed) => Findings.Count(f => f.Band == band && f.Confirmed == confirmed);

    // The published rule: E/D/C by the worst confirmed open finding; an incomplete analysis is never better than C;
    // B allows only low/info or to-confirm findings; A needs a complete analysis and no open finding at all.
    private static char GradeOf(ImmutableArray<DiagnosisFinding> open, AnalysisCoverage coverage)
    {
        var confirmed = open.Where(f => f.Confirmed).Select(f => f.Band).DefaultIfEmpty(SeverityBand.Info).Max();
        if (open.Any(f => f.Confirmed) && confirmed == SeverityBand.Critical)
        {
            return 'E';
        }

        if (confirmed == SeverityBand.High)
        {
            return 'D';
        }

        if (confirmed == SeverityBand.Medium || !coverage.IsComplete)
        {
            return 'C';
        }

        return open.IsEmpty ? 'A' : 'B';
    }

    private static string FixPoint(Finding finding) =>
        ConfigurationRules.Contains(finding.RuleId, StringComparer.Ordinal)
            ? finding.Path
            : finding.Path + ":" + finding.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DiagnosisFinding Entry(Finding finding, Dictionary<string, RuleInfo> rules, ViewText t, Dictionary<string, string> groupOf)
    {
        rules.TryGetValue(finding.RuleId, out var rule);
        var score = SecuritySeverity.Score(finding.RuleId, rule?.DefaultLevel ?? finding.Level);
        var tags = rule?.Tags ?? ImmutableArray<string>.Empty;
        return new DiagnosisFinding(
            finding,
            rule?.Title ?? finding.RuleId,
            score,
            SecuritySeverity.Band(score),
            finding.Level != "note" && !NeedsReview.Contains(finding.RuleId, StringComparer.Ordinal),
            DiagnosisImpact.For(finding.RuleId, t.Japanese),
            rule?.Description ?? string.Empty,
            rule?.HelpUri ?? string.Empty,
            // The checklist items first, then the 20ヶ条 articles.
            finding.Controls.Where(c => c.StartsWith("IPA-WEB-", StringComparison.Ordinal)).Concat(finding.Controls.Where(c => c.StartsWith("IPA-SITE-", StringComparison.Ordinal))).ToImmutableArray(),
            tags.Where(x => x.StartsWith("CWE-", StringComparison.Ordinal)).ToImmutableArray(),
            finding.Controls.Where(c => c.StartsWith("A.", StringComparison.Ordinal)).ToImmutableArray(),
            groupOf.TryGetValue(finding.Id, out var group) ? group : string.Empty);
    }
}
