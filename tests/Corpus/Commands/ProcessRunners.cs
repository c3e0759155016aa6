using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Corpus.Commands;

public sealed record ExportJob(string Format, string Title);

public sealed class ToolOptions
{
    public string ConverterPath { get; set; } = "/usr/bin/convert";
}

/// <summary>Runs external programs for the controllers; the sinks of the cross-file cases.</summary>
public sealed class ProcessRunner
{
    public async Task<int> RunAsync(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true }); // vuln:PK1003#runner-args caller-supplied command line
        await process!.WaitForExitAsync();
        return process.ExitCode;
    }

    public async Task<int> RunArgvAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument); // safe:PK1003#runner-argv fixed program, one argv entry each
        }

        using var process = Process.Start(info);
        await process!.WaitForExitAsync();
        return process.ExitCode;
    }
}

public static class ShellExtensions
{
    public static Process? RunInShell(this string command) =>
        Process.Start("/bin/sh", new[] { "-c", command }); // vuln:PK1003#shell-ext string handed to sh -c
}

public sealed class ImageConverter(IOptions<ToolOptions> options)
{
    public Process? Resize(string source, string geometry)
    {
        var info = new ProcessStartInfo(options.Value.ConverterPath);
        info.Arguments = $"{source} -resize {geometry} out.png"; // vuln:PK1003#resize geometry joins the command line
        return Process.Start(info);
    }

    public Process? ResizeChecked(string source, int width, int height)
    {
        var info = new ProcessStartInfo(options.Value.ConverterPath);
        info.ArgumentList.Add(source);
        info.ArgumentList.Add("-resize");
        info.ArgumentList.Add($"{width}x{height}"); // safe:PK1003#resize-checked numbers only, argv entries
        info.ArgumentList.Add("out.png");
        return Process.Start(info);
    }
}

public sealed class ExportRunner
{
    public Process? Execute(ExportJob job) =>
        Process.Start("pandoc", $"report.md -o report.{job.Format} --metadata title=\"{job.Title}\""); // vuln:PK1003#export-job job fields from the request

    public Process? ExecuteKnown(ExportJob job)
    {
        var extension = job.Format switch
        {
            "pdf" => "pdf",
            "docx" => "docx",
            _ => "html",
        };
        return Process.Start("pandoc", $"report.md -o report.{extension}"); // safe:PK1003#export-known format mapped to constants, title unused
    }
}
