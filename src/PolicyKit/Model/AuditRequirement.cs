using System.Collections.Generic;

namespace PolicyKit;

/// <summary>What must be logged and how logs are kept (<c>audit</c>).</summary>
public sealed record AuditRequirement
{
    /// <summary>Events that must be recorded (<c>signIn</c>, <c>signInFailure</c>, <c>accessDenied</c>…).</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Whether logs go to central storage.</summary>
    public bool? CentralStorage { get; init; }

    /// <summary>Whether logs are protected against tampering.</summary>
    public bool? TamperProtection { get; init; }

    /// <summary>The reference clock (e.g. <c>NTP</c>).</summary>
    public string? ClockSource { get; init; }

    /// <summary>Days logs are kept.</summary>
    public int? LogRetentionDays { get; init; }
}
