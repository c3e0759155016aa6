using System;
using System.Globalization;
using System.Linq;

namespace PolicyKit.Cli.Review;

/// <summary>
/// A NuGet package version (<c>1.2.3</c>, <c>1.2.3.4</c>, <c>1.2.3-preview.1+build</c>), compared as NuGet compares them
/// (SemVer 2.0: numbers first, a pre-release below its release, build metadata ignored).
/// </summary>
internal sealed class NuGetVersion : IComparable<NuGetVersion>, IEquatable<NuGetVersion>
{
    private NuGetVersion(Version numbers, string release)
    {
        Numbers = numbers;
        Release = release;
    }

    /// <summary>Major, minor, patch and revision (missing parts are 0).</summary>
    public Version Numbers { get; }

    /// <summary>The pre-release label without the dash, empty for a release.</summary>
    public string Release { get; }

    /// <summary>The normalised form NuGet uses for folder names (lower case, revision only when not 0).</summary>
    public string Normalized =>
        string.Create(CultureInfo.InvariantCulture, $"{Numbers.Major}.{Numbers.Minor}.{Numbers.Build}")
        + (Numbers.Revision > 0 ? "." + Numbers.Revision.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (Release.Length > 0 ? "-" + Release.ToLowerInvariant() : string.Empty);

    /// <summary>Parses a version.</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version.</param>
    /// <returns>Whether <paramref name="text"/> is a version.</returns>
    public static bool TryParse(string? text, out NuGetVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            value = value[..plus];
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var release = dash >= 0 ? value[(dash + 1)..] : string.Empty;
        var numbers = dash >= 0 ? value[..dash] : value;
        var parts = numbers.Split('.');
        // The release label becomes part of a folder name: SemVer's characters only.
        if (parts.Length is < 1 or > 4 || (dash >= 0 && release.Length == 0) || !release.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            return false;
        }

        var values = new int[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        version = new NuGetVersion(new Version(values[0], values[1], values[2], values[3]), release);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(NuGetVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var numbers = Numbers.CompareTo(other.Numbers);
        if (numbers != 0)
        {
            return numbers;
        }

        if (Release.Length == 0)
        {
            return other.Release.Length == 0 ? 0 : 1;
        }

        if (other.Release.Length == 0)
        {
            return -1;
        }

        var mine = Release.Split('.');
        var theirs = other.Release.Split('.');
        for (var i = 0; i < Math.Min(mine.Length, theirs.Length); i++)
        {
            var a = int.TryParse(mine[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var b = int.TryParse(theirs[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var part = a && b ? x.CompareTo(y) : a ? -1 : b ? 1 : string.Compare(mine[i], theirs[i], StringComparison.OrdinalIgnoreCase);
            if (part != 0)
            {
                return part;
            }
        }

        return mine.Length.CompareTo(theirs.Length);
    }

    /// <inheritdoc/>
    public bool Equals(NuGetVersion? other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NuGetVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numbers, Release.ToLowerInvariant());

    /// <inheritdoc/>
    public override string ToString() => Normalized;
}
