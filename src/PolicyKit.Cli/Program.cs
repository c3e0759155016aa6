using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using PolicyKit.Cli.Commands;
using PolicyKit.Cli.Reports;

namespace PolicyKit.Cli;

/// <summary>The <c>policykit</c> tool: builds the command table and dispatches; each command is a small class.</summary>
internal static class Program
{
    private const string Usage = """
        policykit: review vendor-delivered C# web apps against a policykit.json, without building or running them.

        Commands:
          review    check a delivery and write SARIF, Markdown and HTML acceptance reports
          init      write a starter policykit.json and the decisions it leaves to you
          validate  check a policykit.json (errors with line:column)
          explain   print a rule's documentation (policykit explain PK1001)
          spec      render the policy as a security specification appendix (セキュリティ仕様) with its hash

        Exit codes: 0 passed, 1 gate failed, 2 bad input (nothing written), 130 cancelled (nothing written).
        Run 'policykit <command> --help' for a command's options.
        """;

    /// <summary>Entry point.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C: stop the review at the next check; nothing half-written is ever moved into place.
            e.Cancel = true;
            cancellation.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        return await RunAsync(args, Console.Out, Console.Error, !Console.IsErrorRedirected, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Runs a command line (also used by the tests, in process).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="showProgress">Whether to draw progress on <paramref name="error"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool showProgress, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        if (args[0] is "--version")
        {
            output.WriteLine("policykit " + ReportBuilder.ToolVersion());
            return ExitCodes.Success;
        }

        var rest = args.Skip(1).ToList();
        var help = rest.Contains("--help") || rest.Contains("-h");
        switch (args[0])
        {
            case "review":
                if (help)
                {
                    output.WriteLine(ReviewCommand.Usage);
                    return ExitCodes.Success;
                }

                return await ReviewCommand.RunAsync(rest, output, error, showProgress, cancellationToken).ConfigureAwait(false);
            case "init":
                if (help)
                {
                    output.WriteLine(InitCommand.Usage);
                    return ExitCodes.Success;
                }

                return InitCommand.Run(rest, output, error);
            case "validate":
                if (help)
                {
                    output.WriteLine(ValidateCommand.Usage);
                    return ExitCodes.Success;
                }

                return ValidateCommand.Run(rest, output, error);
            case "explain":
                if (help)
                {
                    output.WriteLine(ExplainCommand.Usage);
                    return ExitCodes.Success;
                }

                return ExplainCommand.Run(rest, output, error);
            case "spec":
                if (help)
                {
                    output.WriteLine(SpecCommand.Usage);
                    return ExitCodes.Success;
                }

                return SpecCommand.Run(rest, output, error);
            default:
                error.WriteLine($"policykit: unknown command '{args[0]}'.");
                error.WriteLine(Usage);
                return ExitCodes.BadInput;
        }
    }
}
