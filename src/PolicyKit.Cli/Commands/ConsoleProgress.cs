using System;
using System.Diagnostics;
using System.IO;
using PolicyKit.Cli.Review;

namespace PolicyKit.Cli.Commands;

/// <summary>A one-line progress display on stderr, redrawn at most ten times a second; only used on a terminal.</summary>
internal sealed class ConsoleProgress : IProgress<ReviewProgress>
{
    private readonly TextWriter error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private long last = -1000;
    private int width;

    /// <summary>Creates the display.</summary>
    /// <param name="error">The terminal's error stream.</param>
    public ConsoleProgress(TextWriter error) => this.error = error;

    /// <inheritdoc/>
    public void Report(ReviewProgress value)
    {
        lock (gate)
        {
            var now = clock.ElapsedMilliseconds;
            if (now - last < 100 && value.ProjectsCompiled < value.ProjectsTotal)
            {
                return;
            }

            last = now;
            var line = $"files parsed {value.FilesParsed}/{value.FilesTotal}  projects compiled {value.ProjectsCompiled}/{value.ProjectsTotal}  findings {value.Findings}" + (value.Current is null ? string.Empty : "  analysing " + value.Current);
            error.Write("\r" + line.PadRight(width));
            width = line.Length;
        }
    }

    /// <summary>Clears the line.</summary>
    public void Done()
    {
        lock (gate)
        {
            error.Write("\r" + new string(' ', width) + "\r");
        }
    }
}
