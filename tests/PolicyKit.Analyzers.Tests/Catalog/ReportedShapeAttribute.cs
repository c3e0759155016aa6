using System;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>What a public report said an existing tool got wrong about a shape of code.</summary>
public enum ReportedAs
{
    /// <summary>The tool stayed silent on vulnerable code; PolicyKit must report it.</summary>
    FalseNegative,

    /// <summary>The tool flagged safe code; PolicyKit must stay silent on it.</summary>
    FalsePositive,
}

/// <summary>
/// Cites the public report (a GitHub issue or pull request found in a peer's tracker) that a catalog test answers.
/// The test's code is written afresh in PolicyKit's style; only the shape comes from the report.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReportedShapeAttribute : Attribute
{
    /// <param name="url">The report: <c>https://github.com/{owner}/{repo}/issues/{n}</c> or <c>…/pull/{n}</c>.</param>
    /// <param name="tool">The tool and rule the report is about, e.g. "Security Code Scan SCS0002".</param>
    /// <param name="reportedAs">Whether the tool missed the shape or flagged it wrongly.</param>
    /// <param name="shape">One line: the shape of code, as the report describes it.</param>
    public ReportedShapeAttribute(string url, string tool, ReportedAs reportedAs, string shape)
    {
        Url = url;
        Tool = tool;
        ReportedAs = reportedAs;
        Shape = shape;
    }

    /// <summary>The report's address.</summary>
    public string Url { get; }

    /// <summary>The tool (and rule) the report is about.</summary>
    public string Tool { get; }

    /// <summary>Missed or falsely flagged.</summary>
    public ReportedAs ReportedAs { get; }

    /// <summary>The shape of code, in one line.</summary>
    public string Shape { get; }

    /// <summary>The issue or pull-request number, read from <see cref="Url"/>.</summary>
    public int Number => int.TryParse(Url.Substring(Url.LastIndexOf('/') + 1), out var number) ? number : 0;
}
