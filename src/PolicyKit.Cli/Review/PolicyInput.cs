using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The policy a review checks against: <c>--policy</c>, else <c>policykit.json</c> at the delivery root, else the
/// <c>--profile</c>(s), else the baseline. Its text is handed to the analyzers as the AdditionalFile
/// <c>policykit.json</c>, exactly as a project that uses the package would.
/// </summary>
/// <param name="Text">The policy text given to the analyzers.</param>
/// <param name="Path">The path the analyzers see (a real file, or a virtual one at the delivery root).</param>
/// <param name="Origin">Where it came from, for the report (a path, or <c>profile: mynumber</c>).</param>
/// <param name="Load">The parsed policy.</param>
/// <param name="PendingDecisions">Values the profiles require but the policy leaves undecided (the baseline applies).</param>
internal sealed record PolicyInput(string Text, string Path, string Origin, PolicyLoadResult Load, IReadOnlyList<PolicyError> PendingDecisions)
{
    /// <summary>Error kinds that make a policy unusable; missing decisions and unsettled conflicts are reported, not fatal.</summary>
    private static readonly HashSet<PolicyErrorKind> Fatal =
    [
        PolicyErrorKind.Syntax, PolicyErrorKind.UnknownKey, PolicyErrorKind.WrongType, PolicyErrorKind.OutOfRange,
        PolicyErrorKind.Duplicate, PolicyErrorKind.TooLarge, PolicyErrorKind.TooDeep, PolicyErrorKind.FileNotFound,
        PolicyErrorKind.UnknownProfile,
    ];

    /// <summary>Chooses and reads the policy.</summary>
    /// <param name="policyPath">The <c>--policy</c> value, or <see langword="null"/>.</param>
    /// <param name="profiles">The <c>--profile</c> values.</param>
    /// <param name="deliveryRoot">The delivery root.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ReviewInputException">The policy file is missing, unreadable or invalid.</exception>
    public static PolicyInput Resolve(string? policyPath, IReadOnlyList<string> profiles, string deliveryRoot)
    {
        string text;
        string path;
        string origin;
        if (policyPath is not null || File.Exists(System.IO.Path.Combine(deliveryRoot, "policykit.json")))
        {
            path = System.IO.Path.GetFullPath(policyPath ?? System.IO.Path.Combine(deliveryRoot, "policykit.json"));
            origin = path;
            try
            {
                // A policykit.json in the vendor's delivery that links elsewhere would make the review read a file
                // outside the delivery (SECURITY.md): only the reviewer's own --policy may live outside it.
                if (policyPath is null && new FileInfo(path).LinkTarget is not null)
                {
                    throw new ReviewInputException($"the delivery's policykit.json is a link ('{path}'); pass the policy with --policy instead.");
                }

                if (new FileInfo(path).Length > 4 * 1024 * 1024)
                {
                    throw new ReviewInputException($"the policy file '{path}' is larger than 4 MiB; expected a policykit.json.");
                }

                // A size of 0 is read as empty text without opening the file: a FIFO would block open().
                text = new FileInfo(path).Length == 0 ? string.Empty : File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReviewInputException($"cannot read the policy file '{path}': {e.Message}");
            }
        }
        else
        {
            var names = profiles.Count > 0 ? profiles : new[] { Profiles.DefaultName };
            foreach (var name in names)
            {
                if (Profiles.GetText(name) is null)
                {
                    throw new ReviewInputException($"unknown profile '{name}'; expected one of: {string.Join(", ", Profiles.Names)}.");
                }
            }

            text = "{\n  \"schemaVersion\": \"1\",\n  \"name\": \"profile " + string.Join(" + ", names) + "\",\n  \"profiles\": [" + string.Join(", ", names.Select(n => "\"" + n + "\"")) + "]\n}\n";
            path = System.IO.Path.Combine(deliveryRoot, "policykit.json");
            origin = "profile: " + string.Join(", ", names);
        }

        var load = PolicyJson.Parse(text, path);
        var fatal = load.Errors.Where(e => Fatal.Contains(e.Kind)).ToList();
        if (fatal.Count > 0 || load.Policy is null)
        {
            throw new ReviewInputException("the policy is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, fatal.Select(e => "  " + Format(e, origin))));
        }

        return new PolicyInput(text, path, origin, load, load.Errors.Where(e => !Fatal.Contains(e.Kind)).ToList());
    }

    /// <summary>Formats an error as <c>file(line,column): kind at path: message [clause]</c>.</summary>
    /// <param name="error">The error.</param>
    /// <param name="file">The file name to show.</param>
    /// <returns>One line.</returns>
    public static string Format(PolicyError error, string file) =>
        (error.Location is { } at ? $"{file}({at.Line},{at.Column})" : file) + $": {error.Kind} at {error.JsonPath}: {error.Message}" + (error.Clause is null ? string.Empty : $" [{error.Clause}]");
}
