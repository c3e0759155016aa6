using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Cli.Commands;

/// <summary><c>policykit validate FILE</c>: every problem with its line and column; exit 2 when invalid.</summary>
internal static class ValidateCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = "policykit validate <policykit.json>";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>validate</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 1 || args[0].StartsWith("--", System.StringComparison.Ordinal))
        {
            error.WriteLine("policykit validate: expected one policy file.");
            error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var path = args[0];
        var load = PolicyJson.Load(path);
        foreach (var problem in load.Errors)
        {
            var at = problem.Location is { } l ? $"{path}({l.Line},{l.Column})" : path;
            error.WriteLine($"{at}: error {problem.Kind} at {problem.JsonPath}: {problem.Message}" + (problem.Clause is null ? string.Empty : $" [{problem.Clause}]"));
        }

        if (!load.Success)
        {
            error.WriteLine($"policykit validate: {path} is invalid ({load.Errors.Count} problem(s)).");
            return ExitCodes.BadInput;
        }

        var policy = load.Declared ?? load.Policy!;
        output.WriteLine($"{path}: valid; name \"{policy.Name}\", version \"{policy.Version}\", profiles [{string.Join(", ", policy.Profiles)}], hash {load.Hash}");
        return ExitCodes.Success;
    }
}
