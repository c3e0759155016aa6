namespace PolicyKit.Analyzers;

/// <summary>Every rule id PolicyKit ships. Ids appear in acceptance reports: never reuse one.</summary>
internal static class RuleIds
{
    public const string SqlFromNonConstantString = "PK1001";
    public const string CrossSiteScripting = "PK1002";
    public const string CommandInjection = "PK1003";
    public const string PathTraversal = "PK1004";
    public const string OpenRedirect = "PK1005";
    public const string HeaderInjection = "PK1006";
    public const string InsecureDeserialization = "PK1007";
    public const string XmlExternalEntities = "PK1008";
    public const string InsecureDirectObjectReference = "PK1009";
    public const string HardcodedCredential = "PK2001";
    public const string HardcodedKey = "PK2002";
    public const string SwallowedAuthError = "PK3001";
    public const string EndpointWithoutAuthorization = "PK3002";
    public const string PasswordOptionsWeakerThanPolicy = "PK3003";
    public const string SessionWeakerThanPolicy = "PK3004";
    public const string ErrorDetailsShown = "PK3005";
    public const string MissingAntiforgery = "PK3006";
    public const string FramingAllowed = "PK3007";
    public const string WeakHash = "PK4001";
    public const string WeakCipher = "PK4002";
    public const string InsecureRandomness = "PK4003";
    public const string CertificateValidationDisabled = "PK4004";
    public const string CleartextTransport = "PK4005";
    public const string SensitiveDataInLogs = "PK5001";
    public const string PersonalDataWithoutRetention = "PK5002";
    public const string ConfigErrorDetails = "PK6001";
    public const string ConfigCookieFlags = "PK6002";
    public const string ConfigSessionLifetime = "PK6003";
    public const string ConfigMachineKey = "PK6004";
    public const string ConfigSecret = "PK6005";
    public const string ConfigAnonymousAccess = "PK6006";
    public const string ConfigRequestValidation = "PK6007";
    public const string ConfigMembershipPassword = "PK6008";
    public const string PolicyFileInvalid = "PK9001";
    public const string WaiverExpired = "PK9002";
    public const string AnalysisBudgetReached = "PK9003";
}
