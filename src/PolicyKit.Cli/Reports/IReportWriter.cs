using System.IO;

namespace PolicyKit.Cli.Reports;

/// <summary>A report format.</summary>
internal enum ReportFormat
{
    /// <summary>SARIF 2.1.0 (machines, code-scanning tools).</summary>
    Sarif,

    /// <summary>Markdown (pull requests).</summary>
    Markdown,

    /// <summary>One self-contained HTML file (people).</summary>
    Html,
}

/// <summary>Renders an acceptance report; computes nothing.</summary>
internal interface IReportWriter
{
    /// <summary>The format written.</summary>
    ReportFormat Format { get; }

    /// <summary>The file name written in the output folder.</summary>
    string FileName { get; }

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The output.</param>
    void Write(AcceptanceReport report, TextWriter output);
}
