using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace PolicyKit.EndToEnd.Tests;

/// <summary>A project that consumes the packed packages, and what building it gave.</summary>
public sealed class Consumer
{
    public Consumer(string directory, string project, string sarifPath)
    {
        Directory = directory;
        Project = project;
        SarifPath = sarifPath;
    }

    public string Directory { get; }

    public string Project { get; }

    public string SarifPath { get; }

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    /// <summary>The SARIF results of the build; fails with the build output when the compiler never ran.</summary>
    public IReadOnlyList<SarifFinding> Findings()
    {
        Assert.True(System.IO.File.Exists(SarifPath), $"No SARIF log: the build stopped before compiling ({ExitCode}).\n{Output}");
        return SarifFinding.Read(SarifPath, Directory);
    }

    public async Task BuildAsync(IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        // %2C: a comma would end the property on MSBuild's command line.
        var arguments = new List<string> { "build", Project, "-nodeReuse:false", "-p:ErrorLog=" + SarifPath + "%2Cversion=2.1" };
        arguments.AddRange(extra);
        (ExitCode, Output) = await DotnetProcess.RunAsync(Directory, environment, arguments.ToArray()).ConfigureAwait(false);
    }
}
