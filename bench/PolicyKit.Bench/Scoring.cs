using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Bench;

/// <summary>Confusion counts of one tool on one category.</summary>
/// <param name="Category">The PolicyKit rule id.</param>
/// <param name="Vulnerable">Vulnerable cases in the corpus.</param>
/// <param name="Safe">Safe look-alike cases in the corpus.</param>
/// <param name="TruePositives">Vulnerable cases reported.</param>
/// <param name="FalsePositives">Safe cases reported.</param>
/// <param name="OffLabel">Findings mapped to the category on lines that carry no label of it (not scored).</param>
public sealed record CategoryScore(string Category, int Vulnerable, int Safe, int TruePositives, int FalsePositives, int OffLabel)
{
    /// <summary>Vulnerable cases missed.</summary>
    public int FalseNegatives => Vulnerable - TruePositives;

    /// <summary>TP / (TP + FN); null without vulnerable cases.</summary>
    public double? Recall => Vulnerable == 0 ? null : (double)TruePositives / Vulnerable;

    /// <summary>TP / (TP + FP); null when the tool reported no labelled case.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Harmonic mean of precision and recall (0 when either is 0 or undefined).</summary>
    public double F1 => Recall is { } r && Precision is { } p && r + p > 0 ? 2 * r * p / (r + p) : 0;
}

/// <summary>
/// Scores findings against labelled cases. A finding matches a case when it is in the same file, its rule maps to
/// the case's category, and its start line lies within one of the case's label ranges (see <see cref="CorpusLabels"/>).
/// A case counts once however many findings hit it. Findings on unlabelled lines are reported, not scored.
/// </summary>
public static class Scoring
{
    /// <summary>Scores one tool's findings on <paramref name="categories"/> (default: the ASP.NET Core corpus categories).</summary>
    public static IReadOnlyList<CategoryScore> Score(Tool tool, IReadOnlyList<LabelledCase> cases, IReadOnlyList<Finding> findings, IReadOnlyList<string>? categories = null)
    {
        var scores = new List<CategoryScore>();
        foreach (var category in categories ?? Tools.Categories)
        {
            var relevant = findings.Where(f => tool.CategoriesOf(f.RuleId).Contains(category, StringComparer.Ordinal)).ToList();
            var categoryCases = cases.Where(c => c.Category == category).ToList();
            var tp = 0;
            var fp = 0;
            var matched = new HashSet<Finding>();
            foreach (var labelledCase in categoryCases)
            {
                var hits = relevant.Where(f => labelledCase.Locations.Any(l => Matches(l, f))).ToList();
                matched.UnionWith(hits);
                if (hits.Count == 0)
                {
                    continue;
                }

                if (labelledCase.Vulnerable)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            scores.Add(new CategoryScore(
                category,
                categoryCases.Count(c => c.Vulnerable),
                categoryCases.Count(c => !c.Vulnerable),
                tp,
                fp,
                relevant.Count(f => !matched.Contains(f))));
        }

        return scores;
    }

    /// <summary>The matching tolerance: same file, finding start line within the label's range.</summary>
    public static bool Matches(Label label, Finding finding) =>
        string.Equals(label.File, finding.File, StringComparison.Ordinal)
        && finding.StartLine >= label.StartLine
        && finding.StartLine <= label.EndLine;
}
