using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// Writes reports so that none is ever half written: every format is rendered to a temporary file in the output
/// folder first; only when all are complete (and the review was not cancelled) are they moved into place.
/// </summary>
internal static class ReportOutput
{
    /// <summary>Renders and publishes the reports.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writers">The formats.</param>
    /// <param name="directory">The output folder (created if missing).</param>
    /// <param name="cancellationToken">Checked before anything is moved into place.</param>
    /// <returns>The paths written.</returns>
    public static List<string> Publish(AcceptanceReport report, IReadOnlyList<IReportWriter> writers, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var staged = new List<(string Temp, string Final)>();
        try
        {
            foreach (var writer in writers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var final = Path.Combine(directory, writer.FileName);
                var temp = Path.Combine(directory, "." + writer.FileName + "." + Guid.NewGuid().ToString("N") + ".tmp");
                staged.Add((temp, final));
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                using (var text = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
                {
                    writer.Write(report, text);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var written = new List<string>();
            foreach (var (temp, final) in staged)
            {
                File.Move(temp, final, overwrite: true);
                written.Add(final);
            }

            return written;
        }
        finally
        {
            foreach (var (temp, _) in staged)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
