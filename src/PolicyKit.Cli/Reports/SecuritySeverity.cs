using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit.Cli.Reports;

/// <summary>A severity band of the CVSS v3.1 qualitative scale, which SARIF's <c>security-severity</c> uses.</summary>
internal enum SeverityBand
{
    /// <summary>0.0.</summary>
    Info,

    /// <summary>0.1 to 3.9.</summary>
    Low,

    /// <summary>4.0 to 6.9.</summary>
    Medium,

    /// <summary>7.0 to 8.9.</summary>
    High,

    /// <summary>9.0 to 10.0.</summary>
    Critical,
}

/// <summary>
/// Each rule's <c>security-severity</c> score (0.0–10.0, the CVSS v3.1 bands GitHub code scanning reads from SARIF):
/// the SARIF writer emits it per rule and the 診断報告書 view grades with the same numbers (docs/diagnosis-report.md).
/// </summary>
internal static class SecuritySeverity
{
    // Scores reflect the typical worst case the rule establishes, not a CVSS vector of a concrete finding.
    private static readonly Dictionary<string, double> Scores = new(StringComparer.Ordinal)
    {
        ["PK1001"] = 9.8, // SQL injection: database read/write without authentication
        ["PK1002"] = 6.1, // XSS: needs a victim's action
        ["PK1003"] = 9.8, // OS command injection
        ["PK1004"] = 7.5, // path traversal: file disclosure
        ["PK1005"] = 4.7, // open redirect: phishing aid
        ["PK1006"] = 6.1, // header / mail header injection
        ["PK1007"] = 8.8, // insecure deserialization
        ["PK1008"] = 7.5, // XXE
        ["PK1009"] = 6.5, // IDOR candidate, needs review
        ["PK2001"] = 7.5, // hard-coded credential
        ["PK2002"] = 7.5, // hard-coded key
        ["PK3001"] = 8.1, // sign-in failure treated as success
        ["PK3002"] = 7.5, // endpoint without authorization
        ["PK3003"] = 5.3, // password options weaker than policy
        ["PK3004"] = 5.4, // session weaker than policy
        ["PK3005"] = 5.3, // error details shown
        ["PK3006"] = 6.5, // CSRF
        ["PK3007"] = 4.3, // clickjacking
        ["PK4001"] = 5.9, // weak hash
        ["PK4002"] = 5.9, // weak cipher
        ["PK4003"] = 5.9, // predictable security value
        ["PK4004"] = 7.4, // certificate validation disabled
        ["PK4005"] = 5.9, // cleartext transport
        ["PK5001"] = 4.3, // sensitive data in logs
        ["PK5002"] = 3.1, // no retention rule
        ["PK9001"] = 0.0,
        ["PK9002"] = 0.0,
        ["PK9003"] = 0.0, // analysis budget reached: a coverage fact, not a vulnerability
    };

    /// <summary>The rule's score; unknown rules by their default level (error 7.0, warning 5.0, note 0.0).</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="defaultLevel">The rule's default SARIF level.</param>
    /// <returns>The score.</returns>
    public static double Score(string ruleId, string defaultLevel) =>
        Scores.TryGetValue(ruleId, out var score) ? score : defaultLevel switch { "error" => 7.0, "warning" => 5.0, _ => 0.0 };

    /// <summary>The score as SARIF writes it (<c>"9.8"</c>).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The text.</returns>
    public static string Text(RuleInfo rule) => Score(rule.Id, rule.DefaultLevel).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The band of a score.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The band.</returns>
    public static SeverityBand Band(double score) => score switch
    {
        >= 9.0 => SeverityBand.Critical,
        >= 7.0 => SeverityBand.High,
        >= 4.0 => SeverityBand.Medium,
        > 0.0 => SeverityBand.Low,
        _ => SeverityBand.Info,
    };

    /// <summary>The score range of a band, as printed in the criteria table.</summary>
    /// <param name="band">The band.</param>
    /// <returns>The range.</returns>
    public static string Range(SeverityBand band) => band switch
    {
        SeverityBand.Critical => "9.0–10.0",
        SeverityBand.High => "7.0–8.9",
        SeverityBand.Medium => "4.0–6.9",
        SeverityBand.Low => "0.1–3.9",
        _ => "0.0",
    };
}
