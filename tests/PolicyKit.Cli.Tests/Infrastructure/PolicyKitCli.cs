using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyKit.Cli.Tests.Infrastructure;

/// <summary>Runs policykit in process, capturing its output, as a shell would see it.</summary>
internal static class PolicyKitCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Program.RunAsync(args, output, error, showProgress: false, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Program.RunAsync(args, output, error, showProgress: false, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
