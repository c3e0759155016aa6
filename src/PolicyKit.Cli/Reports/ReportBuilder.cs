using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Reports;

/// <summary>Turns a review outcome into the acceptance report: the one place where outcomes are decided.</summary>
internal static class ReportBuilder
{
    // The waiver details the analyzers attach to a diagnostic (PolicyKit.Analyzers.Policy.PolicyDiagnostic).
    private const string WaiverRule = "policykit.waiver.rule";
    private const string WaiverJustification = "policykit.waiver.justification";
    private const string WaiverApprover = "policykit.waiver.approver";
    private const string WaiverExpires = "policykit.waiver.expires";
    private const string WaiverScope = "policykit.waiver.scope";
    private const int ExcerptContext = 2;

    private static readonly string[] MicSql = ["MIC-38", "MIC-39", "MIC-40", "MIC-41", "MIC-42"];
    private static readonly string[] SourceOrder = ["mynumber", "ipa-contractor", "isms-2005", "mic", "asvs5-l2", "nist-800-63b", "baseline"];
    private static readonly string[] CannotSee = ["Waf", "Patches", "Database", "Network", "Runtime", "Binaries", "Logs", "Inspection"];

    /// <summary>Builds the report.</summary>
    /// <param name="outcome">The review outcome.</param>
    /// <param name="culture">The report language.</param>
    /// <param name="failOn"><c>error</c>, <c>warning</c> or <c>none</c>.</param>
    /// <param name="baseline">The previous delivery's findings and SARIF path, or <see langword="null"/>.</param>
    /// <param name="catalog">The control catalog.</param>
    /// <returns>The report.</returns>
    public static AcceptanceReport Build(ReviewOutcome outcome, CultureInfo culture, string failOn, (string Path, List<(string Fingerprint, FixedFinding Finding)> Results)? baseline, ControlCatalog catalog)
    {
        var text = ReportText.For(culture);
        var root = outcome.Delivery.Root;
        var rules = outcome.Analyzers.Rules.Select(d => ToRuleInfo(d, culture)).ToImmutableArray();
        var ruleControls = rules.ToDictionary(r => r.Id, r => ControlsOf(r, catalog), StringComparer.Ordinal);

        var findings = new List<Finding>();
        var seen = new HashSet<(string, string, int, int, string)>();
        foreach (var project in outcome.Projects)
        {
            foreach (var diagnostic in project.Diagnostics)
            {
                var finding = ToFinding(diagnostic, project.Plan.RelativePath, root, culture, ruleControls);
                // A file compiled into two projects gives the same finding twice: report it once.
                if (seen.Add((finding.RuleId, finding.Path, finding.StartLine, finding.StartColumn, finding.Message)))
                {
                    findings.Add(finding);
                }
            }
        }

        findings.Sort((a, b) => (string.CompareOrdinal(a.Path, b.Path), a.StartLine.CompareTo(b.StartLine), a.StartColumn.CompareTo(b.StartColumn), string.CompareOrdinal(a.RuleId, b.RuleId)) switch
        {
            (not 0 and var c, _, _, _) => c,
            (_, not 0 and var c, _, _) => c,
            (_, _, not 0 and var c, _) => c,
            (_, _, _, 0) => string.CompareOrdinal(a.Message, b.Message),   // determinism: analyzers report concurrently
            var (_, _, _, c) => c,
        });

        BaselineComparison? comparison = null;
        if (baseline is { } previous)
        {
            var remaining = previous.Results.GroupBy(r => r.Fingerprint).ToDictionary(g => g.Key, g => new Queue<FixedFinding>(g.Select(x => x.Finding)), StringComparer.Ordinal);
            int added = 0, unchanged = 0;
            for (var i = 0; i < findings.Count; i++)
            {
                var known = remaining.TryGetValue(findings[i].Fingerprint, out var queue) && queue.Count > 0;
                if (known)
                {
                    queue!.Dequeue();
                    unchanged++;
                }
                else
                {
                    added++;
                }

                findings[i] = findings[i] with { BaselineState = known ? "unchanged" : "new" };
            }

            var fixedOnes = remaining.Values.SelectMany(q => q).OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ToImmutableArray();
            comparison = new BaselineComparison(previous.Path, added, unchanged, fixedOnes);
        }

        for (var i = 0; i < findings.Count; i++)
        {
            findings[i] = findings[i] with { Id = "F" + (i + 1).ToString("000", CultureInfo.InvariantCulture) };
        }

        var controls = BuildControls(catalog, findings, rules, ruleControls, text);
        var waivers = findings.Where(f => f.Waiver is not null).Select(f => f.Waiver!).Distinct().ToImmutableArray();
        var threshold = failOn switch { "error" => 2, "warning" => 1, _ => int.MaxValue };
        var blocking = findings.Count(f => !f.IsWaived && Rank(f.Level) >= threshold);
        var policy = outcome.Policy;
        var declared = policy.Load.Declared ?? policy.Load.Policy!;
        var header = new ReportHeader(
            declared.Name ?? policy.Origin,
            declared.Version,
            policy.Load.Hash,
            policy.Origin,
            declared.Profiles.ToImmutableArray(),
            policy.PendingDecisions.Select(e => e.JsonPath + (e.Clause is null ? string.Empty : " [" + e.Clause + "]")).Distinct().ToImmutableArray(),
            "policykit",
            ToolVersion(),
            outcome.Analyzers.Version,
            outcome.Delivery.Target,
            outcome.InputHash,
            outcome.Delivery.Files.Count,
            outcome.Packs.Description,
            outcome.StartedAt,
            text.Language);
        return new AcceptanceReport(
            header,
            controls,
            findings.ToImmutableArray(),
            waivers,
            NotChecked(outcome, text),
            CannotSee.Select(k => text["CannotSee." + k]).ToImmutableArray(),
            Resolution(outcome),
            rules,
            comparison,
            new GateResult(failOn, blocking == 0, blocking))
        {
            Coverage = AnalysisCoverage.Of(outcome, findings),
            Endpoints = EndpointSection.Build(outcome, findings),
        };
    }

    /// <summary>The tool's version.</summary>
    /// <returns>The informational version without build metadata.</returns>
    public static string ToolVersion()
    {
        var version = typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>SARIF level of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>note</c>.</returns>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static int Rank(string level) => level switch { "error" => 2, "warning" => 1, _ => 0 };

    private static RuleInfo ToRuleInfo(DiagnosticDescriptor descriptor, CultureInfo culture)
    {
        var title = descriptor.Title.ToString(culture);
        var english = descriptor.Title.ToString(CultureInfo.InvariantCulture);
        var name = string.Concat(english.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]))
            .Where(char.IsLetterOrDigit).ToArray();
        return new RuleInfo(
            descriptor.Id,
            new string(name),
            title,
            descriptor.Description.ToString(culture),
            descriptor.HelpLinkUri,
            descriptor.Category,
            Level(descriptor.DefaultSeverity),
            descriptor.CustomTags.ToImmutableArray());
    }

    private static ImmutableArray<string> ControlsOf(RuleInfo rule, ControlCatalog catalog)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tag in rule.Tags)
        {
            if (tag.StartsWith("control:", StringComparison.Ordinal))
            {
                set.Add(tag["control:".Length..]);
            }
        }

        foreach (var control in catalog.ForRule(new RuleId(rule.Id)))
        {
            set.Add(control.Id.Value);
        }

        return set.ToImmutableArray();
    }

    private static Finding ToFinding(Diagnostic diagnostic, string project, string root, CultureInfo culture, Dictionary<string, ImmutableArray<string>> ruleControls)
    {
        var (span, text) = FindingLocation.Of(diagnostic.Location);
        var path = span.Path ?? string.Empty;
        var relative = path.Length == 0 ? string.Empty
            : Path.IsPathFullyQualified(path) && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? DeliveryScanner.Relative(root, path)
            : Path.GetFileName(path);
        var startLine = span.StartLinePosition.Line + 1;
        var excerpt = text is null ? ImmutableArray<ExcerptLine>.Empty : Excerpt(text, span.StartLinePosition.Line, span.EndLinePosition.Line);
        var lineText = text is not null && span.StartLinePosition.Line < text.Lines.Count ? text.Lines[span.StartLinePosition.Line].ToString() : string.Empty;
        AppliedWaiver? waiver = null;
        if (diagnostic.IsSuppressed)
        {
            var p = diagnostic.Properties;
            waiver = new AppliedWaiver(
                p.GetValueOrDefault(WaiverRule) ?? diagnostic.Id,
                p.GetValueOrDefault(WaiverScope) ?? "*",
                p.GetValueOrDefault(WaiverJustification) ?? string.Empty,
                p.GetValueOrDefault(WaiverApprover) ?? string.Empty,
                p.GetValueOrDefault(WaiverExpires) ?? string.Empty);
        }

        return new Finding(
            string.Empty,
            diagnostic.Id,
            Level(diagnostic.Severity),
            diagnostic.GetMessage(culture),
            relative,
            project,
            startLine,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            excerpt,
            Fingerprint.Compute(diagnostic.Id, relative, lineText),
            ruleControls.TryGetValue(diagnostic.Id, out var controls) ? controls : ImmutableArray<string>.Empty,
            waiver,
            null)
        {
            Trace = TraceStep.Of(diagnostic, root),
        };
    }

    private static ImmutableArray<ExcerptLine> Excerpt(SourceText text, int startLine, int endLine)
    {
        var first = Math.Max(0, startLine - ExcerptContext);
        var last = Math.Min(text.Lines.Count - 1, Math.Min(endLine, startLine + 6) + ExcerptContext);
        var lines = ImmutableArray.CreateBuilder<ExcerptLine>();
        for (var i = first; i <= last; i++)
        {
            var line = text.Lines[i].ToString();
            lines.Add(new ExcerptLine(i + 1, line.Length > 240 ? line[..240] + "…" : line, i >= startLine && i <= endLine));
        }

        return lines.ToImmutable();
    }

    private static ImmutableArray<ControlResult> BuildControls(ControlCatalog catalog, List<Finding> findings, ImmutableArray<RuleInfo> rules, Dictionary<string, ImmutableArray<string>> ruleControls, ReportText text)
    {
        var available = new HashSet<string>(rules.Select(r => r.Id), StringComparer.Ordinal);
        var byControl = new Dictionary<string, List<Finding>>(StringComparer.OrdinalIgnoreCase);
        foreach (var finding in findings)
        {
            foreach (var control in finding.Controls)
            {
                if (!byControl.TryGetValue(control, out var list))
                {
                    byControl[control] = list = new List<Finding>();
                }

                list.Add(finding);
            }
        }

        var ordered = new List<(CatalogControl Control, string Group)>();
        foreach (var id in MicSql)
        {
            if (catalog.Find(id) is { } control)
            {
                ordered.Add((control, text["GroupMicSql"]));
            }
        }

        foreach (var source in SourceOrder.Concat(catalog.Sources.Select(s => s.Id)).Distinct(StringComparer.Ordinal))
        {
            var title = source == "mic" ? text["GroupOtherMic"] : catalog.FindSource(source)?.Title.Get(text.Japanese) ?? source;
            foreach (var control in catalog.ForSource(source))
            {
                if (!MicSql.Contains(control.Id.Value, StringComparer.OrdinalIgnoreCase))
                {
                    ordered.Add((control, title));
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<ControlResult>(ordered.Count);
        foreach (var (control, group) in ordered)
        {
            var id = control.Id.Value;
            var controlRules = control.Rules.Select(r => r.ToString()).Concat(ruleControls.Where(kv => kv.Value.Contains(id, StringComparer.OrdinalIgnoreCase)).Select(kv => kv.Key))
                .Where(available.Contains).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToImmutableArray();
            var evidence = byControl.TryGetValue(id, out var list) ? list : new List<Finding>();
            ControlOutcome outcome;
            if (evidence.Any(f => !f.IsWaived))
            {
                outcome = ControlOutcome.Fail;
            }
            else if (evidence.Count > 0)
            {
                outcome = ControlOutcome.Waived;
            }
            else if (control.Checkable == Checkability.Manual || controlRules.IsEmpty)
            {
                outcome = ControlOutcome.NotCheckableFromSource;
            }
            else
            {
                outcome = ControlOutcome.Pass;
            }

            result.Add(new ControlResult(
                id,
                control.Source,
                group,
                control.Title.Get(text.Japanese),
                control.Checkable,
                outcome,
                outcome == ControlOutcome.Pass && control.Checkable == Checkability.Partial,
                controlRules,
                evidence.Select(f => f.Id).ToImmutableArray()));
        }

        return result.MoveToImmutable();
    }

    private static ImmutableArray<NotCheckedItem> NotChecked(ReviewOutcome outcome, ReportText text)
    {
        var items = ImmutableArray.CreateBuilder<NotCheckedItem>();
        var razor = outcome.Delivery.Skipped.Where(s => s.Kind == SkipKind.Razor).ToList();
        if (razor.Count > 0)
        {
            items.Add(new NotCheckedItem("*.cshtml, *.razor (" + razor.Count.ToString(CultureInfo.InvariantCulture) + ")", text["Skip.Razor"]));
        }

        foreach (var item in outcome.Delivery.Skipped.Where(s => s.Kind != SkipKind.Razor).DistinctBy(s => (s.Path, s.Kind)))
        {
            items.Add(new NotCheckedItem(item.Path, text["Skip." + item.Kind] + " — " + item.Reason));
        }

        foreach (var project in outcome.Projects)
        {
            foreach (var failure in project.AnalyzerFailures)
            {
                items.Add(new NotCheckedItem(project.Plan.RelativePath, text["AnalyzerFailure"] + " — " + failure));
            }
        }

        return items.ToImmutable();
    }

    private static ResolutionStatistics Resolution(ReviewOutcome outcome) =>
        new ResolutionStatistics(
            outcome.Projects.Select(p => new ProjectResolution(
                p.Plan.RelativePath,
                p.Plan.TargetFramework,
                p.Files,
                p.Lines,
                p.UnresolvedType,
                p.UnresolvedNamespaceMember,
                p.UnresolvedMember,
                p.UnresolvedName,
                p.OtherErrors,
                p.FilesWithUnresolved,
                outcome.Packages.UnresolvedFor(p.Plan))).ToImmutableArray(),
            outcome.Delivery.DeliveryReferences.Length)
        {
            Packages = outcome.Packages.Resolved.Select(r => r.Describe()).ToImmutableArray(),
        };
}
