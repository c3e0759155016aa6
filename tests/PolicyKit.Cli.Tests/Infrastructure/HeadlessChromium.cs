using System;
using System.Diagnostics;
using System.IO;

namespace PolicyKit.Cli.Tests.Infrastructure;

/// <summary>Debian's chromium run headless (installed by .ci/run when missing), for the tests that render reports.</summary>
internal static class HeadlessChromium
{
    /// <summary>The chromium executable, or <see langword="null"/> when none is installed.</summary>
    public static string? Find()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs chromium headless with a throw-away profile and returns its standard output.</summary>
    /// <param name="chromium">The executable from <see cref="Find"/>.</param>
    /// <param name="profile">A fresh user-data folder.</param>
    /// <param name="args">The page and what to do with it (<c>--dump-dom</c>, <c>--screenshot=…</c>).</param>
    public static string Run(string chromium, string profile, params string[] args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 120 s: " + stderr.Result);
        }

        return stdout;
    }
}
