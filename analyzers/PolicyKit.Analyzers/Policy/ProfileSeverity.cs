using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Policy;

/// <summary>
/// Raises a warning to an error where the application profile makes the guidance mandatory. Only raises, never
/// lowers; <c>.editorconfig</c> (<c>dotnet_diagnostic.PKnnnn.severity</c>) still has the last word.
/// </summary>
internal static class ProfileSeverity
{
    public static DiagnosticSeverity Raise(DiagnosticDescriptor rule, DiagnosticSeverity severity, ApplicationProfile application)
    {
        if (severity != DiagnosticSeverity.Warning)
        {
            return severity;
        }

        return IsMandatory(rule.Id, application) ? DiagnosticSeverity.Error : severity;
    }

    private static bool IsMandatory(string id, ApplicationProfile application)
    {
        // MN-23: protection against attacks from the internet is 「必須」 once the system can be reached from outside;
        // MIC-38/MIC-39 ask it of every public web application.
        if (application.InternetFacing == true && id is RuleIds.SqlFromNonConstantString or RuleIds.EndpointWithoutAuthorization
                or RuleIds.CertificateValidationDisabled or RuleIds.CleartextTransport or RuleIds.ErrorDetailsShown
                or RuleIds.SessionWeakerThanPolicy)
        {
            return true;
        }

        // IPA 「安全なウェブサイトの作り方」 checklist item 6-(i): a request that changes state must carry a secret
        // token the attacker cannot know, the essential fix (根本的解決) for CSRF once the site is reachable from outside.
        if (application.InternetFacing == true && id is RuleIds.MissingAntiforgery)
        {
            return true;
        }

        // MN-02/MN-04 (必要): nothing that handles personal data is usable without authentication; MIC-95 and
        // A.15.1.4 protect personal data in records; A.15.1.3 keeps records only as long as required.
        if (application.HandlesPersonalData == true && id is RuleIds.EndpointWithoutAuthorization
                or RuleIds.SensitiveDataInLogs or RuleIds.PersonalDataWithoutRetention)
        {
            return true;
        }

        // My Number data: the password rules (MN-11–MN-15) and hard-coded credentials also become mandatory.
        return application.HandlesMyNumber == true && id is RuleIds.PasswordOptionsWeakerThanPolicy
            or RuleIds.HardcodedCredential or RuleIds.SensitiveDataInLogs or RuleIds.PersonalDataWithoutRetention
            or RuleIds.EndpointWithoutAuthorization;
    }
}
