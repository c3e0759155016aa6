namespace PolicyKit.Analyzers;

/// <summary>Diagnostic categories; the report groups rules by these as well as by control.</summary>
internal static class RuleCategory
{
    public const string Authentication = "Security.Authentication";
    public const string Authorization = "Security.Authorization";
    public const string Configuration = "Security.Configuration";
    public const string Cryptography = "Security.Cryptography";
    public const string DataHandling = "Security.DataHandling";
    public const string ErrorHandling = "Security.ErrorHandling";
    public const string Injection = "Security.Injection";
    public const string Policy = "PolicyKit.Policy";
    public const string ResponseHeaders = "Security.ResponseHeaders";
    public const string Secrets = "Security.Secrets";
    public const string Session = "Security.Session";
    public const string Transport = "Security.Transport";
}
