using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Cli.Commands;

/// <summary>
/// A small parser for <c>command [positional…] [--name value | --name=value | --flag]</c>: enough for policykit's
/// four commands, with errors that name the unknown option and the expected ones.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private ArgumentReader(List<string> positional) => Positional = positional;

    /// <summary>Arguments that are not options.</summary>
    public List<string> Positional { get; }

    /// <summary>Parses the arguments after the command name.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="valued">Options that take a value.</param>
    /// <param name="switches">Options without a value.</param>
    /// <param name="error">The problem, when parsing fails.</param>
    /// <returns>The parsed arguments, or <see langword="null"/>.</returns>
    public static ArgumentReader? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> switches, out string? error)
    {
        error = null;
        var reader = new ArgumentReader(new List<string>());
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                reader.Positional.AddRange(Rest(args, i + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                reader.Positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (switches.Contains(name) && equals < 0)
            {
                reader.flags.Add(name);
                continue;
            }

            if (!valued.Contains(name))
            {
                error = $"unknown option '{name}'; expected one of: {string.Join(", ", [.. valued, .. switches])}.";
                return null;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"option '{name}' needs a value.";
                return null;
            }

            if (!reader.values.TryGetValue(name, out var list))
            {
                reader.values[name] = list = new List<string>();
            }

            list.Add(value);
        }

        return reader;
    }

    /// <summary>The last value of an option, or <see langword="null"/>.</summary>
    /// <param name="name">The option (with <c>--</c>).</param>
    /// <returns>The value.</returns>
    public string? Value(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value of an option, comma-separated values split.</summary>
    /// <param name="name">The option.</param>
    /// <returns>The values.</returns>
    public List<string> Values(string name)
    {
        var result = new List<string>();
        if (values.TryGetValue(name, out var list))
        {
            foreach (var value in list)
            {
                result.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return result;
    }

    /// <summary>Whether a switch was given.</summary>
    /// <param name="name">The switch.</param>
    /// <returns>True when present.</returns>
    public bool Has(string name) => flags.Contains(name);

    private static IEnumerable<string> Rest(IReadOnlyList<string> args, int from)
    {
        for (var i = from; i < args.Count; i++)
        {
            yield return args[i];
        }
    }
}
