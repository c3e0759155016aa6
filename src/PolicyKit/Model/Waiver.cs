using System;
using System.Globalization;

namespace PolicyKit;

/// <summary>
/// A recorded, approved and expiring exception to a rule (<c>waivers[]</c>). A waiver without a readable expiry is
/// never active: every exception must end.
/// </summary>
public sealed partial record Waiver
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    };

    /// <summary>The rule waived, e.g. <c>PK1001</c>.</summary>
    public string Rule { get; init; } = string.Empty;

    /// <summary>A path glob (<c>**</c>, <c>*</c>, <c>?</c>; <c>/</c> and <c>\</c> alike), or <see langword="null"/> for every file.</summary>
    public string? Path { get; init; }

    /// <summary>A symbol (<c>Namespace.Type</c> or <c>Namespace.Type.Member</c>), or <see langword="null"/> for every symbol.</summary>
    public string? Symbol { get; init; }

    /// <summary>Why the exception is acceptable.</summary>
    public string? Justification { get; init; }

    /// <summary>Who approved it.</summary>
    public string? Approver { get; init; }

    /// <summary>
    /// The expiry as written: a date (<c>2027-03-31</c>, valid through the end of that day at <see cref="ExpiryOffset"/>)
    /// or an ISO 8601 date and time with an offset (<c>2027-03-31T18:00:00+09:00</c>, valid until that instant).
    /// </summary>
    public string? Expires { get; init; }

    /// <summary>The offset at which a date-only <see cref="Expires"/> is read (the file's <c>timeZoneOffset</c>).</summary>
    public TimeSpan ExpiryOffset { get; init; }

    /// <summary>The first instant at which the waiver no longer applies, or <see langword="null"/> when <see cref="Expires"/> is absent or unreadable.</summary>
    public DateTimeOffset? ExpiresAt => ParseExpiry(Expires, ExpiryOffset);

    /// <summary>Whether the waiver applies at <paramref name="now"/>.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>True before <see cref="ExpiresAt"/>.</returns>
    public bool IsActive(DateTimeOffset now) => ExpiresAt is { } end && now < end;

    /// <summary>
    /// Whether the waiver covers a finding: same rule (case-insensitive), the path matches <see cref="Path"/> (a
    /// relative glob may match the trailing part of an absolute path), and the symbol equals <see cref="Symbol"/> or
    /// is a member of it.
    /// </summary>
    /// <param name="ruleId">The rule of the finding.</param>
    /// <param name="path">The file of the finding, or <see langword="null"/>.</param>
    /// <param name="symbol">The symbol of the finding, or <see langword="null"/>.</param>
    /// <returns>True when covered (expiry is not considered; see <see cref="IsActive(DateTimeOffset)"/>).</returns>
    public bool Matches(string ruleId, string? path, string? symbol)
    {
        if (!string.Equals(Rule, ruleId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Path) && (path is null || !PathGlob.IsMatch(Path!, path)))
        {
            return false;
        }

        if (string.IsNullOrEmpty(Symbol))
        {
            return true;
        }

        if (symbol is null || !symbol.StartsWith(Symbol!, StringComparison.Ordinal))
        {
            return false;
        }

        return symbol.Length == Symbol!.Length || symbol[Symbol.Length] == '.' || symbol[Symbol.Length] == '(';
    }

    /// <summary>Reads an expiry written as a date or as an ISO 8601 date and time with an offset.</summary>
    /// <param name="text">The text.</param>
    /// <param name="offset">The offset at which a date is read.</param>
    /// <returns>The first instant after the validity, or <see langword="null"/> when unreadable.</returns>
    public static DateTimeOffset? ParseExpiry(string? text, TimeSpan offset)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.Date < DateTime.MaxValue.Date ? new DateTimeOffset(date.Date.AddDays(1), offset) : null;
        }

        if (text!.IndexOf('T') > 0 && (text.EndsWith("Z", StringComparison.Ordinal) || text.LastIndexOfAny(new[] { '+', '-' }) > text.IndexOf('T'))
            && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        return null;
    }
}
