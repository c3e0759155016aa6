using System.Threading.Tasks;
using Credentials = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK2001HardcodedCredentialAnalyzer>;
using Keys = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK2002HardcodedKeyAnalyzer>;
using Logs = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK5001SensitiveDataInLogsAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Secret shapes from peers' trackers: literal passwords and signing keys that reached a connection, a credential or a
/// token API unnoticed (PK2001, PK2002), secrets written to logs (PK5001), and labels, questions, templates and
/// identifiers that name-based rules took for secrets.
/// </summary>
public sealed class ReportedShapesSecrets
{
    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/3175", "SonarC# S2068",
        ReportedAs.FalseNegative, "connection string with Password=… passed directly as an argument")]
    public Task Flags_a_password_in_a_connection_string_argument() => Credentials.Flags("""
        using Microsoft.Data.SqlClient;

        public static class ReportingDatabase
        {
            public static SqlConnection Open()
            {
                var connection = new SqlConnection({|#0:"Server=reports01;Database=Sales;User Id=report_reader;Password=Secret123;Encrypt=True"|});
                connection.Open();
                return connection;
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/pull/3886", "SonarC# S2068",
        ReportedAs.FalseNegative, "a password assembled by concatenating constants was not detected")]
    public Task Flags_a_connection_string_assembled_from_constants() => Credentials.Flags("""
        using Microsoft.Data.SqlClient;

        public static class Warehouse
        {
            private const string Server = "Server=wh01;Database=Stock;User Id=stock_writer;";
            private const string Secret = {|#1:"Password=Wh-Secret-2024;"|};

            public static SqlConnection Create() => new({|#0:Server + Secret + "Encrypt=True"|});
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/2754", "SonarC# S2068",
        ReportedAs.FalseNegative, "hard-coded password argument of NetworkCredential not considered")]
    public Task Flags_a_literal_network_credential_password() => Credentials.Flags("""
        using System.Net;
        using System.Net.Mail;

        public static class Mailer
        {
            public static SmtpClient Create() => new("smtp.contoso.example", 587)
            {
                EnableSsl = true,
                Credentials = new NetworkCredential("noreply@contoso.example", {|#0:"Winter2024!"|}),
            };
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet-security-guard/roslyn-security-guard/issues/1", "Roslyn Security Guard",
        ReportedAs.FalseNegative, "hard-coded password given to a password-based key derivation")]
    public Task Flags_a_literal_password_given_to_key_derivation() => Credentials.Flags("""
        using System.Security.Cryptography;

        public static class ArchiveKey
        {
            public static byte[] Derive(byte[] salt)
            {
                var pass = {|#0:"1234"|};
                using var derive = new Rfc2898DeriveBytes(pass, salt, 600_000, HashAlgorithmName.SHA256);
                return derive.GetBytes(32);
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/1508", "SonarC# S2068",
        ReportedAs.FalsePositive, "the validation message \"Please enter your password\" reported as a hard-coded credential")]
    public Task Ignores_a_validation_message_about_the_password() => Credentials.Silent("""
        using System.ComponentModel.DataAnnotations;

        public sealed class SignInForm
        {
            [Required(ErrorMessage = "Please enter your user name")]
            public string UserName { get; set; } = "";

            [Required(ErrorMessage = "Please enter your password")]
            [DataType(DataType.Password)]
            public string Password { get; set; } = "";

            public const string PasswordHint = "Please enter your password";
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/7914", "SonarC# S2068",
        ReportedAs.FalsePositive, "passwordQuestion / passwordFormat names holding non-secret text reported")]
    public Task Ignores_password_question_and_format() => Credentials.Silent("""
        public static class RecoverySettings
        {
            public const string PasswordQuestion = "What is the name of your first school?";
            public const string PasswordFormat = "Hashed";
            public static readonly string PasswordPolicyUrl = "/help/password-policy";
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/carlos-emr/carlos/issues/924", "SonarCloud S2068",
        ReportedAs.FalsePositive, "a login query template with a @password placeholder reported as a password")]
    public Task Ignores_a_login_template_with_placeholders() => Credentials.Silent("""
        using System.Net;

        public static class LabGateway
        {
            private const string LoginQuery = "Page=Login&Mode=Silent&UserID=@username&Password=@password";

            public static string Login(string user, string password) =>
                LoginQuery.Replace("@username", WebUtility.UrlEncode(user)).Replace("@password", WebUtility.UrlEncode(password));
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/carlos-emr/carlos/issues/922", "SonarCloud S2068",
        ReportedAs.FalsePositive, "a user-facing description held in a *PasswordClue variable reported")]
    public Task Ignores_a_user_facing_password_clue() => Credentials.Silent("""
        public sealed class EncryptedMail
        {
            public string? AttachmentPassword { get; private set; }
            public string AttachmentPasswordClue { get; private set; } = "";

            public void Protect(System.Func<string> generator)
            {
                AttachmentPassword = generator();
                AttachmentPasswordClue = "The attachment is protected with an 18-digit password: your patient number followed by your birth date.";
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/4304", "SonarC# S2115",
        ReportedAs.FalsePositive, "an empty password in a connection string that uses integrated authentication reported")]
    public Task Ignores_an_empty_password_with_integrated_security() => Credentials.Silent("""
        using Microsoft.Data.SqlClient;

        public static class IntranetDatabase
        {
            public static SqlConnection Create() =>
                new("Server=intranet-sql;Database=Directory;Password=;Integrated Security=true;Encrypt=True");
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/8996", "SonarC# (S6781 missing for C#)",
        ReportedAs.FalseNegative, "a JWT SymmetricSecurityKey built from a string written in the source")]
    public Task Flags_a_jwt_signing_key_from_a_literal() => Keys.Flags("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class TokenSigning
        {
            public static SigningCredentials Credentials() =>
                new(new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes("k3y-for-signing-access-tokens-2024-rotate-me!")|}), SecurityAlgorithms.HmacSha256);
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/pull/13183", "CodeQL cs/cleartext-storage, cs/exposure-of-sensitive-information",
        ReportedAs.FalseNegative, "arguments of ILogger extension methods (LogInformation …) were not treated as log sinks")]
    public Task Flags_a_password_given_to_an_ilogger_extension_method() => Logs.Flags("""
        using Microsoft.Extensions.Logging;

        public sealed class AccountService
        {
            private readonly ILogger<AccountService> _logger;
            public AccountService(ILogger<AccountService> logger) => _logger = logger;

            public void Register(string userName, string password)
            {
                _logger.LogInformation("Registering {User} with {Password}", userName, {|#0:password|});
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/Flowfin/jellyfin-plugin-sso/issues/1569", "CodeQL cs/cleartext-storage-of-sensitive-information",
        ReportedAs.FalsePositive, "a constant password-provider id, not a secret, reported as clear-text sensitive data in a log")]
    public Task Ignores_a_constant_provider_id_named_after_passwords() => Logs.Silent("""
        using Microsoft.Extensions.Logging;

        public sealed class SessionMinter
        {
            private const string DefaultPasswordProviderId = "Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider";
            private readonly ILogger<SessionMinter> _logger;
            public SessionMinter(ILogger<SessionMinter> logger) => _logger = logger;

            public void UseDefaultProvider() =>
                _logger.LogInformation("Set default login provider to {DefaultProvider}", DefaultPasswordProviderId);
        }
        """);
}
