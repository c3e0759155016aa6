using System;

namespace PolicyKit.Cli.Review;

/// <summary>
/// A version as a project or a .nuspec states it: <c>1.2.3</c> (at least 1.2.3, which restore resolves to 1.2.3 itself),
/// <c>[1.2.3]</c>, <c>[1.0, 2.0)</c>, or floating <c>1.2.*</c> / <c>*</c>.
/// </summary>
internal sealed class NuGetVersionRange
{
    private NuGetVersionRange(string text, NuGetVersion? minimum, bool minimumInclusive, NuGetVersion? maximum, bool maximumInclusive, string? floatPrefix)
    {
        Text = text;
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
        FloatPrefix = floatPrefix;
    }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>The lower bound, or <see langword="null"/>.</summary>
    public NuGetVersion? Minimum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is allowed.</summary>
    public bool MinimumInclusive { get; }

    /// <summary>The upper bound, or <see langword="null"/>.</summary>
    public NuGetVersion? Maximum { get; }

    /// <summary>Whether <see cref="Maximum"/> itself is allowed.</summary>
    public bool MaximumInclusive { get; }

    /// <summary>For a floating version, the normalised text before the <c>*</c> (empty for <c>*</c>); else <see langword="null"/>.</summary>
    public string? FloatPrefix { get; }

    /// <summary>The version restore would pick when it is available: the inclusive lower bound of a non-floating range.</summary>
    public NuGetVersion? Preferred => FloatPrefix is null && MinimumInclusive ? Minimum : null;

    /// <summary>Parses a version or range.</summary>
    /// <param name="text">The text.</param>
    /// <param name="range">The range.</param>
    /// <returns>Whether <paramref name="text"/> is a version or a range.</returns>
    public static bool TryParse(string? text, out NuGetVersionRange range)
    {
        range = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.Contains('*', StringComparison.Ordinal))
        {
            var star = value.IndexOf('*', StringComparison.Ordinal);
            var prefix = value[..star];
            if (value.IndexOfAny(['[', '(', ',']) >= 0 || (prefix.Length > 0 && !prefix.EndsWith('.') && !prefix.EndsWith('-')))
            {
                return false;
            }

            range = new NuGetVersionRange(value, null, true, null, false, prefix.ToLowerInvariant());
            return true;
        }

        if (value[0] is not ('[' or '('))
        {
            if (!NuGetVersion.TryParse(value, out var single))
            {
                return false;
            }

            range = new NuGetVersionRange(value, single, true, null, false, null);
            return true;
        }

        var last = value[^1];
        if (last is not (']' or ')'))
        {
            return false;
        }

        var inner = value[1..^1];
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            // [1.2.3]: exactly that version.
            if (value[0] != '[' || last != ']' || !NuGetVersion.TryParse(inner, out var exact))
            {
                return false;
            }

            range = new NuGetVersionRange(value, exact, true, exact, true, null);
            return true;
        }

        var lowText = inner[..comma].Trim();
        var highText = inner[(comma + 1)..].Trim();
        NuGetVersion? low = null, high = null;
        if ((lowText.Length > 0 && !NuGetVersion.TryParse(lowText, out low)) || (highText.Length > 0 && !NuGetVersion.TryParse(highText, out high)))
        {
            return false;
        }

        range = new NuGetVersionRange(value, low, value[0] == '[', high, last == ']', null);
        return true;
    }

    /// <summary>Whether <paramref name="version"/> is in the range.</summary>
    /// <param name="version">The version.</param>
    /// <returns>True when it satisfies the range.</returns>
    public bool Satisfies(NuGetVersion version)
    {
        if (FloatPrefix is { } prefix)
        {
            // 1.2.* matches 1.2.x releases; *-* and 1.2.3-* also pre-releases.
            return version.Normalized.StartsWith(prefix, StringComparison.Ordinal) && (version.Release.Length == 0 || prefix.EndsWith('-') || Text.EndsWith("-*", StringComparison.Ordinal));
        }

        if (Minimum is { } min && (MinimumInclusive ? version.CompareTo(min) < 0 : version.CompareTo(min) <= 0))
        {
            return false;
        }

        return Maximum is not { } max || (MaximumInclusive ? version.CompareTo(max) <= 0 : version.CompareTo(max) < 0);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
