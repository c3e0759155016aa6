using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// Suppresses PolicyKit diagnostics that an active waiver in policykit.json accepts. The suppression stays visible:
/// the compiler's SARIF log keeps the result with <c>suppressions[].kind = inSource</c>, and the diagnostic's
/// properties carry the waiver's justification, approver, expiry and scope (see <see cref="PolicyDiagnostic"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WaiverSuppressor : DiagnosticSuppressor
{
    private static readonly string[] WaivableRules =
    {
        RuleIds.SqlFromNonConstantString, RuleIds.HardcodedCredential, RuleIds.HardcodedKey, RuleIds.SwallowedAuthError,
        RuleIds.EndpointWithoutAuthorization, RuleIds.PasswordOptionsWeakerThanPolicy, RuleIds.SessionWeakerThanPolicy,
        RuleIds.ErrorDetailsShown, RuleIds.WeakHash, RuleIds.WeakCipher, RuleIds.InsecureRandomness,
        RuleIds.CertificateValidationDisabled, RuleIds.CleartextTransport, RuleIds.SensitiveDataInLogs,
        RuleIds.PersonalDataWithoutRetention,
    };

    private static readonly Dictionary<string, SuppressionDescriptor> ByRule = Build();

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.CreateRange(ByRule.Values);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Properties.ContainsKey(PolicyDiagnostic.WaiverRule) && ByRule.TryGetValue(diagnostic.Id, out var descriptor))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }

    /// <summary>The suppression id for a rule: <c>PKW</c> and the rule's number (PK1001 → PKW1001).</summary>
    public static string SuppressionId(string ruleId) => "PKW" + ruleId.Substring(2);

    private static Dictionary<string, SuppressionDescriptor> Build()
    {
        var map = new Dictionary<string, SuppressionDescriptor>(WaivableRules.Length);
        foreach (var rule in WaivableRules)
        {
            map[rule] = new SuppressionDescriptor(
                SuppressionId(rule), rule,
                "Accepted by an active waiver in policykit.json; the result's properties give the waiver's justification, approver and expiry.");
        }

        return map;
    }
}
