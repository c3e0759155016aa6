using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyKit.Cli.Reports;

namespace PolicyKit.Cli.Commands;

/// <summary>A view of the review, written to its own files (<c>--view</c>).</summary>
internal enum ReportView
{
    /// <summary>The acceptance report by control (<c>policykit-report.*</c>).</summary>
    Acceptance,

    /// <summary>The IPA checklist by item (<c>policykit-checklist.md/html</c>).</summary>
    Checklist,

    /// <summary>The 脆弱性診断報告書 (<c>policykit-diagnosis.md/html</c>).</summary>
    Diagnosis,
}

/// <summary>Reads <c>--view</c> and chooses the writers of each view; every view renders the same report.</summary>
internal static class ReportViews
{
    /// <summary>Reads the view names.</summary>
    /// <param name="names">The <c>--view</c> values (comma-separated or repeated); empty means acceptance only.</param>
    /// <param name="views">The views.</param>
    /// <param name="problem">The unknown name, or <see langword="null"/>.</param>
    /// <returns>Whether every name was known.</returns>
    public static bool TryParse(IReadOnlyList<string> names, out ImmutableArray<ReportView> views, out string? problem)
    {
        var builder = ImmutableArray.CreateBuilder<ReportView>();
        problem = null;
        foreach (var name in names.Count == 0 ? ["acceptance"] : names)
        {
            ReportView? view = name.ToLowerInvariant() switch
            {
                "acceptance" => ReportView.Acceptance,
                "checklist" or "ipa" => ReportView.Checklist,
                "diagnosis" => ReportView.Diagnosis,
                "all" => null,
                _ => (ReportView)(-1),
            };
            if (view is null)
            {
                builder.AddRange(ReportView.Acceptance, ReportView.Checklist, ReportView.Diagnosis);
            }
            else if ((int)view.Value < 0)
            {
                problem = $"unknown view '{name}'; expected acceptance, checklist, diagnosis or all.";
                views = ImmutableArray<ReportView>.Empty;
                return false;
            }
            else
            {
                builder.Add(view.Value);
            }
        }

        views = builder.Distinct().ToImmutableArray();
        return true;
    }

    /// <summary>The writers of the checklist and diagnosis views for the chosen formats (SARIF is the acceptance view's).</summary>
    /// <param name="views">The views.</param>
    /// <param name="formats">The formats.</param>
    /// <param name="report">The report.</param>
    /// <param name="catalog">The control catalog.</param>
    /// <returns>The writers.</returns>
    public static IEnumerable<IReportWriter> Writers(ImmutableArray<ReportView> views, ImmutableArray<ReportFormat> formats, AcceptanceReport report, ControlCatalog catalog)
    {
        if (views.Contains(ReportView.Checklist))
        {
            var checklist = ChecklistView.Build(report, catalog);
            if (formats.Contains(ReportFormat.Markdown))
            {
                yield return new ChecklistMarkdownWriter(checklist);
            }

            if (formats.Contains(ReportFormat.Html))
            {
                yield return new ChecklistHtmlWriter(checklist);
            }
        }

        if (views.Contains(ReportView.Diagnosis))
        {
            var diagnosis = DiagnosisView.Build(report);
            if (formats.Contains(ReportFormat.Markdown))
            {
                yield return new DiagnosisMarkdownWriter(diagnosis);
            }

            if (formats.Contains(ReportFormat.Html))
            {
                yield return new DiagnosisHtmlWriter(diagnosis);
            }
        }
    }
}
