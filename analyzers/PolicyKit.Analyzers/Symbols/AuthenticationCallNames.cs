using System;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Method names that say "this checks who you are or what you may do": framework calls (<c>ValidateToken</c>,
/// <c>PasswordSignInAsync</c>, <c>AuthorizeAsync</c>, <c>VerifyHashedPassword</c>) and in-house ones
/// (<c>AuthenticateUser</c>, <c>ValidateApiKey</c>, <c>CheckPermission</c>). A stem matches at the start of a name and
/// must end at a word boundary: <c>AuthenticateAsync</c> matches, <c>Authentication</c> and <c>LogInformation</c> do not.
/// </summary>
internal static class AuthenticationCallNames
{
    /// <summary>Stems of calls that perform a check, wherever they are called.</summary>
    public static readonly string[] CallStems =
    {
        "Authenticate", "Authorize", "ValidateToken", "ValidateJwt", "ValidateAccessToken", "ValidateIdToken",
        "ValidateApiKey", "ValidateCredential", "ValidateCredentials", "ValidatePassword", "ValidateUser", "ValidateLogin",
        "ValidateCertificate", "ValidateClientCertificate", "ValidatePrincipal", "ValidateSignature", "VerifyPassword",
        "VerifyHashedPassword", "VerifyToken", "VerifyCertificate", "VerifyCredentials", "VerifySignature",
        "CheckPassword", "CheckPermission", "CheckAccess", "CheckCredentials", "HasPermission", "Login", "LogIn", "Logon",
        "LogOn", "SignIn", "PasswordSignIn", "CheckPasswordSignIn", "ExternalLoginSignIn", "TwoFactorSignIn",
        "TwoFactorAuthenticatorSignIn", "TwoFactorRecoveryCodeSignIn", "RefreshSignIn",
    };

    /// <summary>
    /// Stems of methods that are a check themselves, so a catch inside them is on the authentication path. Log-in and
    /// sign-in are left out: those are controller actions that also send mail, write audit rows and so on.
    /// </summary>
    public static readonly string[] MemberStems =
    {
        "Authenticate", "Authorize", "HandleAuthenticate", "HandleRequirement", "OnAuthorization", "ValidateToken",
        "ValidateJwt", "ValidateAccessToken", "ValidateApiKey", "ValidateCredential", "ValidateCredentials",
        "ValidatePassword", "ValidateCertificate", "ValidateClientCertificate", "ValidatePrincipal", "VerifyPassword",
        "VerifyToken", "VerifyCertificate", "CheckPermission", "CheckAccess", "HasPermission", "IsAuthorized",
        "IsAuthenticated",
    };

    /// <summary>True when <paramref name="name"/> starts with one of <paramref name="stems"/> at a word boundary.</summary>
    public static bool Matches(string name, string[] stems)
    {
        foreach (var stem in stems)
        {
            if (name.Length >= stem.Length && name.StartsWith(stem, StringComparison.Ordinal)
                && (name.Length == stem.Length || !char.IsLower(name[stem.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
