namespace Corpus.Secrets;

/// <summary>Values shared across services; some are secrets that should never be in source.</summary>
public static class AppSecrets
{
    public const string ReportingDbPassword = "R3port!ng-2024"; // vuln:PK2001#shared-report-pw constant used in ConnectionFactory.cs
    public const string PasswordFieldName = "password"; // safe:PK2001 a form field name
    public const string ApiKeyHeaderName = "X-Api-Key"; // safe:PK2001 a header name
    public const string SmtpPasswordConfigKey = "Smtp:Password"; // safe:PK2001 a configuration key
    public static readonly string PaymentGatewayApiKey = "sk_live_51HkQ2sLd8f0aP7xYq3Zt9WvBn"; // vuln:PK2001 static readonly API key
    public const string DefaultAdminUserName = "admin"; // safe:PK2001 a user name, not a password
    public const string PasswordPlaceholder = "<set-in-user-secrets>"; // safe:PK2001 placeholder
}
