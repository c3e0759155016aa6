using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// The catalog itself (issue 11): at least forty shapes that users publicly reported as missed or falsely flagged,
/// each a test citing a distinct report by its GitHub address.
/// </summary>
public sealed partial class ReportedShapeCatalogTests
{
    private static IReadOnlyList<(MethodInfo Test, ReportedShapeAttribute Report)> Entries() =>
        typeof(ReportedShapeCatalogTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(ReportedShapeCatalogTests).Namespace)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Test: method, Report: method.GetCustomAttribute<ReportedShapeAttribute>()!))
            .Where(entry => entry.Report is not null)
            .OrderBy(entry => entry.Report.Url, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Reports_at_least_forty_shapes_each_citing_a_distinct_report()
    {
        var entries = Entries();

        Assert.True(entries.Count >= 40, $"the catalog has {entries.Count} entries; issue 11 asks for at least 40");
        var repeated = entries.GroupBy(entry => entry.Report.Url, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1)
            .Select(group => group.Key).ToList();
        Assert.True(repeated.Count == 0, "cited more than once: " + string.Join(", ", repeated));
    }

    [Fact]
    public void Reports_cite_a_github_issue_or_pull_request_with_tool_and_shape()
    {
        foreach (var (test, report) in Entries())
        {
            Assert.Matches(GitHubThread(), report.Url);
            Assert.True(report.Number > 0, test.Name);
            Assert.False(string.IsNullOrWhiteSpace(report.Tool), test.Name);
            Assert.False(string.IsNullOrWhiteSpace(report.Shape), test.Name);
        }
    }

    [Fact]
    public void Reports_are_tests_named_for_what_policykit_does()
    {
        foreach (var (test, report) in Entries())
        {
            Assert.NotNull(test.GetCustomAttribute<FactAttribute>());

            // A missed shape must now be reported; a falsely flagged one must stay silent (or, for a purpose the
            // policy cannot see, be reported as waived).
            var expected = report.ReportedAs == ReportedAs.FalseNegative ? new[] { "Flags_" } : new[] { "Ignores_", "Flags_", "Reports_" };
            Assert.True(expected.Any(prefix => test.Name.StartsWith(prefix, StringComparison.Ordinal)), test.Name);
        }
    }

    [Fact]
    public void Reports_cover_both_missed_and_falsely_flagged_shapes()
    {
        var entries = Entries();

        Assert.Contains(entries, entry => entry.Report.ReportedAs == ReportedAs.FalseNegative);
        Assert.Contains(entries, entry => entry.Report.ReportedAs == ReportedAs.FalsePositive);
    }

    [GeneratedRegex(@"^https://github\.com/[\w.-]+/[\w.-]+/(issues|pull)/\d+$")]
    private static partial Regex GitHubThread();
}
