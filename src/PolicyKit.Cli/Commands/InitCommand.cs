using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyKit.Cli.Commands;

/// <summary>
/// <c>policykit init</c>: writes a starter policykit.json that validates. JSON has no comments and the format forbids
/// them, so the guidance lives elsewhere: every value the chosen profiles require but do not give is filled from the
/// baseline profile and marked in the file by its provenance (<c>"profile": "baseline"</c>), listed on stdout, and
/// written to a companion <c>policykit.decisions.md</c> beside the file, one line per decision with its clause.
/// </summary>
internal static class InitCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        policykit init [--profile NAMES] [--out FILE] [--force]
          --profile NAMES   profiles to start from (default: baseline); comma-separated or repeated
          --out FILE        where to write (default: ./policykit.json); the decisions go to policykit.decisions.md beside it
          --force           overwrite an existing file
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>init</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var reader = ArgumentReader.Parse(args, ["--profile", "--out"], ["--force"], out var problem);
        if (reader is null || reader.Positional.Count > 0)
        {
            error.WriteLine("policykit init: " + (problem ?? "unexpected argument " + reader!.Positional[0]));
            error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var names = reader.Values("--profile");
        if (names.Count == 0)
        {
            names.Add(Profiles.DefaultName);
        }

        foreach (var name in names)
        {
            if (Profiles.GetText(name) is null)
            {
                error.WriteLine($"policykit init: unknown profile '{name}'; expected one of: {string.Join(", ", Profiles.Names)}.");
                return ExitCodes.BadInput;
            }
        }

        var path = Path.GetFullPath(reader.Value("--out") ?? "policykit.json");
        var notes = Path.Combine(Path.GetDirectoryName(path)!, "policykit.decisions.md");
        if (File.Exists(path) && !reader.Has("--force"))
        {
            error.WriteLine($"policykit init: '{path}' exists; use --force to overwrite it.");
            return ExitCodes.BadInput;
        }

        var (text, decisions, problems) = Starter(names);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                error.WriteLine("policykit init: the starter does not validate: " + p);
            }

            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        File.WriteAllText(notes, DecisionsMarkdown(names, decisions), new UTF8Encoding(false));
        output.WriteLine($"wrote {path} (profiles: {string.Join(", ", names)}) and {notes}");
        output.WriteLine($"decide before use ({decisions.Count + 2}): each value below is a starter, marked \"profile\": \"baseline\" or \"source\": \"starter: decide\" in the file:");
        output.WriteLine("  name, version: your policy's name and version (shown in every report)");
        foreach (var (jsonPath, clause) in decisions)
        {
            output.WriteLine($"  {jsonPath}" + (clause is null ? string.Empty : $" (asked for by {clause})"));
        }

        output.WriteLine($"then run: policykit validate {path}");
        return ExitCodes.Success;
    }

    /// <summary>Builds the starter text, the decisions it pre-fills and any remaining validation problems.</summary>
    /// <param name="names">The profiles.</param>
    /// <returns>The text, the decisions (path and clause) and problems (empty when it validates).</returns>
    internal static (string Text, List<(string Path, string? Clause)> Decisions, List<string> Problems) Starter(IReadOnlyList<string> names)
    {
        var declaration = "{\"schemaVersion\": \"1\", \"name\": \"CHOOSE: policy name\", \"version\": \"CHOOSE: 1\", \"profiles\": ["
            + string.Join(", ", names.Select(n => "\"" + n + "\"")) + "]}";
        var first = PolicyJson.Parse(declaration);
        var decisions = first.Errors.Where(e => e.Kind == PolicyErrorKind.Missing)
            .Select(e => (JsonPath: e.JsonPath, Clause: e.Clause)).Distinct().OrderBy(d => d.JsonPath, StringComparer.Ordinal).ToList();
        var effective = first.Policy ?? PolicySet.Empty;
        var filled = Profiles.Load(Profiles.DefaultName).OverrideWith(effective) with
        {
            SchemaVersion = PolicyKitInfo.SchemaVersion,
            Name = "CHOOSE: policy name",
            Version = "CHOOSE: 1",
            Profiles = names.ToArray(),
        };
        var text = PolicyJson.Write(filled);
        var check = PolicyJson.Parse(text);
        // The baseline does not decide everything (roles, retention, backups…): fill what is still missing with
        // starter values marked "source": "starter: decide", a few rounds since one value can require another.
        for (var round = 0; round < 3 && check.Errors.Any(e => e.Kind == PolicyErrorKind.Missing); round++)
        {
            var root = JsonNode.Parse(text)!.AsObject();
            foreach (var missing in check.Errors.Where(e => e.Kind == PolicyErrorKind.Missing).Select(e => e.JsonPath).Distinct())
            {
                if (StarterValues.TryGetValue(missing, out var json))
                {
                    Set(root, missing, JsonNode.Parse(json)!);
                    if (!decisions.Any(d => d.JsonPath == missing))
                    {
                        decisions.Add((missing, null));
                    }
                }
            }

            KeepDeclaredClasses(root, check.Policy?.DataClasses.Select(c => c.Name) ?? Enumerable.Empty<string>());
            text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
            check = PolicyJson.Parse(text);
        }

        var problems = check.Errors.Select(e => e.ToString()).ToList();
        return (text, decisions, problems);
    }

    private const string Mark = "\"source\": \"starter: decide\"";

    private static readonly Dictionary<string, string> StarterValues = new(StringComparer.Ordinal)
    {
        ["password.lockout.durationMinutes"] = "{ \"value\": 15, " + Mark + " }",
        ["password.minimumClassCount"] = "{ \"value\": 3, " + Mark + " }",
        ["password.maximumAgeDays"] = "{ \"value\": 90, " + Mark + " }",
        ["audit.logRetentionDays"] = "{ \"value\": 365, " + Mark + " }",
        ["backup.frequencyHours"] = "{ \"value\": 24, " + Mark + " }",
        ["backup.restoreDrillIntervalDays"] = "{ \"value\": 365, " + Mark + " }",
        ["encryption.keyStorage"] = "{ \"value\": \"CHOOSE: where keys live (key vault, HSM)\", " + Mark + " }",
        ["encryption.approvedCiphers"] = "[\"AES\"]",
        ["encryption.atRest"] = "[\"personal\", \"mynumber\"]",
        ["accessControl.roles"] = "[{ \"name\": \"user\", \"permissions\": [\"app:use\"], " + Mark + " }, { \"name\": \"admin\", \"permissions\": [\"*\"], \"administrative\": true, " + Mark + " }]",
        ["dataClasses"] = "[{ \"name\": \"personal\", \"memberNames\": [\"Email\", \"PhoneNumber\", \"Address\", \"BirthDate\"], " + Mark + " }, { \"name\": \"mynumber\", \"memberNames\": [\"MyNumber\", \"IndividualNumber\"], " + Mark + " }]",
        ["retention.periods"] = "[{ \"dataClass\": \"personal\", \"maximumKeepDays\": 1825, \"deletion\": \"delete\", " + Mark + " }, { \"dataClass\": \"mynumber\", \"maximumKeepDays\": 2555, \"deletion\": \"delete\", " + Mark + " }]",
    };

    // Starter atRest and retention entries may only name data classes the policy declares.
    private static void KeepDeclaredClasses(JsonObject root, IEnumerable<string> composed)
    {
        var names = composed.ToHashSet(StringComparer.Ordinal);
        if (root["dataClasses"] is JsonArray classes)
        {
            names.UnionWith(classes.Select(c => c?["name"]?.GetValue<string>()).OfType<string>());
        }

        if (names.Count == 0)
        {
            return;
        }
        if (root["encryption"]?["atRest"] is JsonArray atRest)
        {
            foreach (var item in atRest.Where(i => !names.Contains(i?.GetValue<string>() ?? string.Empty)).ToList())
            {
                atRest.Remove(item);
            }
        }

        if (root["retention"]?["periods"] is JsonArray periods)
        {
            foreach (var item in periods.Where(i => !names.Contains(i?["dataClass"]?.GetValue<string>() ?? string.Empty)).ToList())
            {
                periods.Remove(item);
            }
        }
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject next)
            {
                next = new JsonObject();
                node[parts[i]] = next;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }

    private static string DecisionsMarkdown(IReadOnlyList<string> names, List<(string Path, string? Clause)> decisions)
    {
        var text = new StringBuilder();
        text.Append("# Decisions to make in policykit.json\n\n");
        text.Append("`policykit init` started from the profiles ").Append(string.Join(", ", names.Select(n => "`" + n + "`")))
            .Append(". JSON has no comments, so this file lists what you must decide. Values marked `\"profile\": \"baseline\"` in ")
            .Append("policykit.json are starters from PolicyKit's baseline (public minimums), not your decision yet.\n\n");
        text.Append("- [ ] `name` and `version`: replace the `CHOOSE:` placeholders; reports show them.\n");
        foreach (var (path, clause) in decisions)
        {
            text.Append("- [ ] `").Append(path).Append('`');
            if (clause is not null)
            {
                text.Append(" — asked for by ").Append(clause);
            }

            text.Append('\n');
        }

        text.Append("- [ ] `waivers`: none yet; add one per accepted finding (rule, path or symbol, justification, approver, expires).\n");
        text.Append("\nCheck the result with `policykit validate policykit.json`.\n");
        return text.ToString();
    }
}
