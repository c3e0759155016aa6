using System;
using System.Security.Cryptography;
using System.Text;

namespace PolicyKit.Cli.Reports;

/// <summary>
/// The partial fingerprint that lets two deliveries be compared: SHA-256 of the rule id, the file path relative to the
/// delivery root and the flagged line's text with whitespace collapsed, so that moving code up or down, re-indenting
/// it or changing line endings keeps a finding "unchanged".
/// </summary>
internal static class Fingerprint
{
    /// <summary>The key under <c>partialFingerprints</c>.</summary>
    public const string Key = "policykit/v1";

    /// <summary>Computes the fingerprint.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="relativePath">The file relative to the delivery root.</param>
    /// <param name="lineText">The text of the flagged line.</param>
    /// <returns>32 lower-case hex digits.</returns>
    public static string Compute(string ruleId, string relativePath, string lineText)
    {
        var normalised = new StringBuilder(lineText.Length);
        var space = false;
        foreach (var c in lineText.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                normalised.Append(' ');
                space = false;
            }

            normalised.Append(c);
        }

        var bytes = Encoding.UTF8.GetBytes(ruleId + "\n" + relativePath.Replace('\\', '/') + "\n" + normalised);
        return Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16);
    }
}
