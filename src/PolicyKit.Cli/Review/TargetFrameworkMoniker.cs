using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PolicyKit.Cli.Review;

/// <summary>The framework families whose package assets a review can use.</summary>
internal enum FrameworkFamily
{
    /// <summary>.NET 5+ and .NET Core (<c>net10.0</c>, <c>netcoreapp3.1</c>).</summary>
    Core,

    /// <summary>.NET Framework (<c>net48</c>, <c>v4.7.2</c>, <c>.NETFramework4.6.2</c>).</summary>
    Framework,

    /// <summary>.NET Standard (<c>netstandard2.0</c>).</summary>
    Standard,
}

/// <summary>
/// A target framework as a project, a package folder (<c>lib/net8.0</c>) or a .nuspec dependency group
/// (<c>.NETStandard2.0</c>) names it, and NuGet's nearest-framework choice reduced to what a review needs:
/// the same family at the highest version not above the project's, then .NET Standard.
/// Platform-specific folders (<c>net8.0-windows</c>) and portable profiles are not used.
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Version">The version (4.8 for net48, 10.0 for net10.0).</param>
internal sealed record TargetFrameworkMoniker(FrameworkFamily Family, Version Version)
{
    /// <summary>The framework assumed when a project states none that can be read: the SDK's own.</summary>
    public static TargetFrameworkMoniker Default { get; } = new(FrameworkFamily.Core, new Version(10, 0));

    /// <summary>Parses a moniker.</summary>
    /// <param name="text">The moniker.</param>
    /// <returns>The framework, or <see langword="null"/> when it is not one a review uses.</returns>
    public static TargetFrameworkMoniker? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant();
        if (value.Contains('-', StringComparison.Ordinal) || value.Contains('+', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (prefix, family) in new[]
        {
            (".netstandard", FrameworkFamily.Standard), ("netstandard", FrameworkFamily.Standard),
            (".netcoreapp", FrameworkFamily.Core), ("netcoreapp", FrameworkFamily.Core),
            (".netframework", FrameworkFamily.Framework),
        })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Version.TryParse(Dotted(value[prefix.Length..]), out var v) ? new TargetFrameworkMoniker(family, v) : null;
            }
        }

        if (value.StartsWith('v') && Version.TryParse(Dotted(value[1..]), out var framework))
        {
            return new TargetFrameworkMoniker(FrameworkFamily.Framework, framework);
        }

        if (!value.StartsWith("net", StringComparison.Ordinal) || value.Length < 4)
        {
            return null;
        }

        var rest = value[3..];
        if (rest.Contains('.', StringComparison.Ordinal))
        {
            return Version.TryParse(rest, out var core) && core.Major >= 5 ? new TargetFrameworkMoniker(FrameworkFamily.Core, core) : null;
        }

        // net48 = 4.8, net462 = 4.6.2, net40 = 4.0, net35 = 3.5.
        return rest.Length is >= 2 and <= 3 && rest.All(char.IsAsciiDigit) && rest[0] <= '4'
            ? new TargetFrameworkMoniker(FrameworkFamily.Framework, new Version(string.Join('.', rest.Select(c => c.ToString()))))
            : null;
    }

    /// <summary>The framework a project compiles for: the highest .NET version among several, else the first readable.</summary>
    /// <param name="declared">The <c>TargetFramework(s)</c> or <c>TargetFrameworkVersion</c> value.</param>
    /// <returns>The framework, or <see cref="Default"/>.</returns>
    public static TargetFrameworkMoniker ForProject(string declared)
    {
        var all = declared.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).OfType<TargetFrameworkMoniker>().ToList();
        return all.Where(t => t.Family == FrameworkFamily.Core).OrderByDescending(t => t.Version).FirstOrDefault() ?? all.FirstOrDefault() ?? Default;
    }

    /// <summary>Picks the candidate whose assets a project of this framework would compile against.</summary>
    /// <typeparam name="T">What a candidate is attached to (a folder, a dependency group).</typeparam>
    /// <param name="candidates">Monikers as written, with their item.</param>
    /// <returns>The best compatible item, or <see langword="default"/> when none is compatible.</returns>
    public (bool Found, T Item) Nearest<T>(IEnumerable<(string Moniker, T Item)> candidates)
    {
        var best = (Rank: int.MaxValue, Version: new Version(0, 0), Item: default(T)!);
        var found = false;
        foreach (var (moniker, item) in candidates)
        {
            if (Parse(moniker) is not { } candidate || !Accepts(candidate))
            {
                continue;
            }

            var rank = candidate.Family == Family ? 0 : 1;
            if (!found || rank < best.Rank || (rank == best.Rank && candidate.Version > best.Version))
            {
                best = (rank, candidate.Version, item);
                found = true;
            }
        }

        return (found, best.Item);
    }

    /// <summary>Whether assets built for <paramref name="candidate"/> can be used by this framework.</summary>
    /// <param name="candidate">The assets' framework.</param>
    /// <returns>True when compatible.</returns>
    public bool Accepts(TargetFrameworkMoniker candidate) => (Family, candidate.Family) switch
    {
        (FrameworkFamily.Core, FrameworkFamily.Core) or (FrameworkFamily.Framework, FrameworkFamily.Framework) or (FrameworkFamily.Standard, FrameworkFamily.Standard) => candidate.Version <= Version,
        (FrameworkFamily.Core, FrameworkFamily.Standard) => candidate.Version <= (Version.Major >= 3 ? new Version(2, 1) : new Version(2, 0)),
        (FrameworkFamily.Framework, FrameworkFamily.Standard) => candidate.Version <= (Version >= new Version(4, 6, 1) ? new Version(2, 0) : new Version(1, 2)),
        _ => false,
    };

    /// <inheritdoc/>
    public override string ToString() => Family switch
    {
        FrameworkFamily.Core => Version.Major >= 5 ? string.Create(CultureInfo.InvariantCulture, $"net{Version.Major}.{Version.Minor}") : string.Create(CultureInfo.InvariantCulture, $"netcoreapp{Version.Major}.{Version.Minor}"),
        FrameworkFamily.Standard => string.Create(CultureInfo.InvariantCulture, $"netstandard{Version.Major}.{Version.Minor}"),
        _ => "net" + Version.ToString().Replace(".", string.Empty, StringComparison.Ordinal),
    };

    // 4.6.2 stays; a bare 2 becomes 2.0 (Version.TryParse needs a dot).
    private static string Dotted(string text) => text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
}
