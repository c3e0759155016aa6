using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>
/// The configurations a project deploys, from its AdditionalFiles: each <c>Web.config</c>/<c>App.config</c> (names
/// compared case-insensitively) with the transforms beside it (<c>Web.Release.config</c> …).
/// </summary>
/// <remarks>
/// What is judged: with no transform, the base file as written. With transforms, each transform's result, because that
/// is what the build publishes; <c>*.Debug.config</c> is a developer's configuration and is not judged when another
/// transform exists. A flaw of the base that every judged transform fixes is therefore not reported; one that a
/// transform keeps is reported at the base line, naming the transform; one that a transform introduces is reported at
/// the transform's line.
/// </remarks>
internal sealed class ConfigSet
{
    private ConfigSet(string name, ConfigNode root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>The name shown in messages: <c>Web.config</c> or the transform's file name.</summary>
    public string Name { get; }

    public ConfigNode Root { get; }

    /// <summary>Whether <paramref name="path"/> is a Web.config, App.config or one of their transforms.</summary>
    public static bool IsConfigFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("app.", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The judged configurations of the AdditionalFiles.</summary>
    public static List<ConfigSet> From(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        var bases = new List<(AdditionalText File, string Stem)>();
        var transforms = new List<(AdditionalText File, string Stem)>();
        foreach (var file in files)
        {
            if (!IsConfigFile(file.Path))
            {
                continue;
            }

            var name = Path.GetFileName(file.Path);
            var stem = name.Substring(0, name.IndexOf('.'));
            if (name.Length == stem.Length + ".config".Length)
            {
                bases.Add((file, stem));
            }
            else
            {
                transforms.Add((file, stem));
            }
        }

        var result = new List<ConfigSet>();
        foreach (var (file, stem) in bases)
        {
            if (file.GetText(cancellationToken) is not { } text || ConfigReader.Read(file.Path, text) is not { } root)
            {
                continue;
            }

            var directory = Path.GetDirectoryName(file.Path);
            var judged = 0;
            foreach (var (transformFile, transformStem) in transforms)
            {
                var transformName = Path.GetFileName(transformFile.Path);
                if (!string.Equals(transformStem, stem, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(Path.GetDirectoryName(transformFile.Path), directory, StringComparison.OrdinalIgnoreCase)
                    || transformName.EndsWith(".Debug.config", StringComparison.OrdinalIgnoreCase)
                    || transformFile.GetText(cancellationToken) is not { } transformText
                    || ConfigReader.Read(transformFile.Path, transformText) is not { } transform)
                {
                    continue;
                }

                result.Add(new ConfigSet(transformName, ConfigTransform.Apply(root, transform)));
                judged++;
            }

            if (judged == 0)
            {
                result.Add(new ConfigSet(Path.GetFileName(file.Path), root));
            }
        }

        return result;
    }
}
