using System;
using System.Globalization;

namespace PolicyKit.Cli.Commands;

/// <summary>
/// The date a report shows. By default the time the review started; <c>--timestamp</c> or the
/// <c>SOURCE_DATE_EPOCH</c> convention (reproducible-builds.org) fix it, so that two reviews of the same delivery
/// give byte-identical reports that can be diffed.
/// </summary>
internal static class ReportTimestamp
{
    /// <summary>The environment variable honoured when <c>--timestamp</c> is absent.</summary>
    public const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    /// <summary>Reads the fixed timestamp, if any.</summary>
    /// <param name="option">The <c>--timestamp</c> value: ISO 8601 with an offset (<c>2026-01-01T00:00:00Z</c>).</param>
    /// <param name="epoch">The <c>SOURCE_DATE_EPOCH</c> value: seconds since 1970-01-01T00:00:00Z.</param>
    /// <param name="timestamp">The fixed instant, or <see langword="null"/> to use the review's start time.</param>
    /// <param name="problem">What is wrong with the value, for the usage message.</param>
    /// <returns>False when a value is given but unreadable.</returns>
    public static bool TryResolve(string? option, string? epoch, out DateTimeOffset? timestamp, out string? problem)
    {
        timestamp = null;
        problem = null;
        if (option is not null)
        {
            // An offset is required, as for waiver expiries: a local time would differ between build agents.
            var hasOffset = option.EndsWith('Z') || option.LastIndexOfAny(['+', '-']) > option.IndexOf('T', StringComparison.Ordinal);
            if (option.IndexOf('T', StringComparison.Ordinal) <= 0 || !hasOffset
                || !DateTimeOffset.TryParse(option, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                problem = $"unreadable --timestamp '{option}'; expected ISO 8601 with an offset, such as 2026-01-01T00:00:00Z.";
                return false;
            }

            timestamp = parsed.ToUniversalTime();
            return true;
        }

        if (string.IsNullOrEmpty(epoch))
        {
            return true;
        }

        if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            problem = $"unreadable {SourceDateEpoch} '{epoch}'; expected whole seconds since 1970-01-01T00:00:00Z.";
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
