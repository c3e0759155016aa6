using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK5001SensitiveDataInLogsAnalyzer, PolicyKit.CodeFixes.Rules.PK5001SensitiveDataInLogsFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK5001SensitiveDataInLogsTests
{
    private const string MyNumberPolicy = """{ "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber", "IndividualNumber"] } ] }""";

    private const string Customer = """
        public class Customer
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string MyNumber { get; set; } = "";
        }
        """;

    private static Task Expect(string source, string value, string reason, string? policy = null)
    {
        var test = PolicyVerifier<PK5001SensitiveDataInLogsAnalyzer>.Create(source, policy);
        test.ExpectedDiagnostics.Add(PolicyVerifier<PK5001SensitiveDataInLogsAnalyzer>.Diagnostic().WithLocation(0).WithArguments(value, reason));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_password_passed_as_a_structured_log_argument() => Expect("""
        using Microsoft.Extensions.Logging;
        class AccountService(ILogger<AccountService> logger)
        {
            public void SignIn(string userName, string password) =>
                logger.LogInformation("Sign-in {User} with {Password}", userName, {|#0:password|});
        }
        """, "password", "password");

    [Fact]
    public Task Flags_an_access_token_interpolated_into_a_log_message() => Expect("""
        using Microsoft.Extensions.Logging;
        class TokenClient(ILogger<TokenClient> logger)
        {
            public void Received(string accessToken) => logger.LogDebug($"Got token {{|#0:accessToken|}}");
        }
        """, "accessToken", "token");

    [Fact]
    public Task Flags_a_connection_string_read_from_configuration() => Expect("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void Log() => logger.LogWarning("Using database {Db}", {|#0:configuration.GetConnectionString("Default")|});
        }
        """, "configuration.GetConnectionString(\"Default\")", "connection string");

    [Fact]
    public Task Flags_a_local_that_holds_a_connection_string_at_the_call() => Expect("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void Log()
            {
                var cs = configuration.GetConnectionString("Default");
                logger.LogError("Cannot open {Db}", {|#0:cs|});
            }
        }
        """, "configuration.GetConnectionString(\"Default\")", "connection string");

    [Fact]
    public Task Flags_the_authorization_header_in_a_scope() => Expect("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        class AuditMiddleware(RequestDelegate next, ILogger<AuditMiddleware> logger)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                using (logger.BeginScope("Auth {Header}", {|#0:context.Request.Headers["Authorization"]|}))
                {
                    await next(context);
                }
            }
        }
        """, "context.Request.Headers[\"Authorization\"]", "authorization header");

    [Fact]
    public Task Flags_a_personal_data_property_of_an_identity_user() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class Registration(ILogger<Registration> logger)
        {
            public void Registered(IdentityUser user) => logger.LogInformation("Registered {Email}", {|#0:user.Email|});
        }
        """, "user.Email", "personal");

    [Fact]
    public Task Flags_a_whole_object_with_personal_data_members() => Expect("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalData] public string FullName { get; set; } = "";
        }
        class Admissions(ILogger<Admissions> logger)
        {
            public void Admit(Patient patient) => logger.LogInformation("Admitted {@Patient}", {|#0:patient|});
        }
        """, "patient", "personal");

    [Fact]
    public Task Flags_a_custom_attribute_named_by_the_policy() => Expect("""
        using System;
        using Microsoft.Extensions.Logging;
        [AttributeUsage(AttributeTargets.Property)] public sealed class SensitiveAttribute : Attribute { }
        public class Employee { public int Id { get; set; } [Sensitive] public string Salary { get; set; } = ""; }
        class Payroll(ILogger<Payroll> logger)
        {
            public void Paid(Employee e) => logger.LogInformation("Paid {Amount}", {|#0:e.Salary|});
        }
        """, "e.Salary", "hr", """{ "dataClasses": [ { "name": "hr", "attributes": ["Sensitive"] } ] }""");

    [Fact]
    public Task Flags_serilog_static_log_with_a_secret() => Expect("""
        using Serilog;
        class Webhooks
        {
            public void Register(string url, string clientSecret) => Log.Information("Webhook {Url} secret {Secret}", url, {|#0:clientSecret|});
        }
        """, "clientSecret", "secret");

    [Fact]
    public Task Flags_serilog_logger_for_context_with_an_api_key() => Expect("""
        class Payments(Serilog.ILogger log)
        {
            public void Charge(string apiKey) => log.ForContext("Key", {|#0:apiKey|}).Warning("Charging");
        }
        """, "apiKey", "API key");

    [Fact]
    public Task Flags_console_write_line_of_a_concatenated_password() => Expect("""
        using System;
        class Seeder
        {
            public void Seed(string adminPassword) => Console.WriteLine("Admin password: " + {|#0:adminPassword|});
        }
        """, "adminPassword", "password");

    [Fact]
    public Task Flags_debug_write_line_of_a_refresh_token() => Expect("""
        using System.Diagnostics;
        class Session
        {
            public void Refresh(string refreshToken) => Debug.WriteLine($"refresh {{|#0:refreshToken|}}");
        }
        """, "refreshToken", "token");

    [Fact]
    public Task Flags_an_exception_message_interpolating_a_password() => Expect("""
        using System;
        class Ldap
        {
            public void Bind(string user, string password) => throw new InvalidOperationException($"Bind failed for {user} with {{|#0:password|}}");
        }
        """, "password", "password");

    [Fact]
    public Task Flags_an_exception_message_concatenating_an_email() => Expect("""
        using System;
        using Microsoft.AspNetCore.Identity;
        class Accounts
        {
            public void Check(IdentityUser user) => throw new InvalidOperationException("Duplicate account " + {|#0:user.Email|});
        }
        """, "user.Email", "personal");

    [Fact]
    public Task Flags_nlog_style_logger_by_name() => Expect("""
        namespace NLog { public class Logger { public void Info(string message, params object[] args) { } } }
        class Jobs
        {
            private readonly NLog.Logger log = new();
            public void Run(string password) => log.Info("Job password {0}", {|#0:password|});
        }
        """, "password", "password");

    [Fact]
    public Task Flags_a_password_hash_as_credential_material() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class Migration(ILogger<Migration> logger)
        {
            public void Copy(IdentityUser user) => logger.LogTrace("Hash {Hash}", {|#0:user.PasswordHash|});
        }
        """, "user.PasswordHash", "password hash");

    [Fact]
    public Task Flags_a_local_message_built_from_a_password() => Expect("""
        using Microsoft.Extensions.Logging;
        class Smtp(ILogger<Smtp> logger)
        {
            public void Connect(string host, string smtpPassword)
            {
                var message = $"Connecting to {host} as admin:{smtpPassword}";
                logger.LogInformation({|#0:message|});
            }
        }
        """, "smtpPassword", "password");

    [Fact]
    public Task Flags_my_number_under_a_policy_with_the_mynumber_class() => Expect("""
        using Microsoft.Extensions.Logging;
        class Filing(ILogger<Filing> logger)
        {
            public void File(Customer customer) => logger.LogInformation("Filing for {No}", {|#0:customer.MyNumber|});
        }
        """ + Customer, "customer.MyNumber", "mynumber", MyNumberPolicy);

    [Fact]
    public Task Flags_my_number_as_an_error_under_the_mynumber_profile()
    {
        var test = PolicyVerifier<PK5001SensitiveDataInLogsAnalyzer>.Create("""
            using Microsoft.Extensions.Logging;
            class Filing(ILogger<Filing> logger)
            {
                public void File(Customer customer) => logger.LogInformation("Filing for {No}", {|#0:customer.MyNumber|});
            }
            """ + Customer, """{ "profiles": ["mynumber"] }""");
        test.ExpectedDiagnostics.Add(PolicyVerifier<PK5001SensitiveDataInLogsAnalyzer>.Diagnostic().WithLocation(0)
            .WithSeverity(DiagnosticSeverity.Error).WithArguments("customer.MyNumber", "mynumber"));
        return test.RunAsync();
    }

    [Fact]
    public Task Ignores_my_number_under_a_policy_without_the_mynumber_class() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class Filing(ILogger<Filing> logger)
        {
            public void File(Customer customer) => logger.LogInformation("Filing for {No}", customer.MyNumber);
        }
        """ + Customer, """{ "dataClasses": [ { "name": "hr", "memberNames": ["Salary"] } ] }""");

    [Fact]
    public Task Ignores_a_whole_customer_without_classified_members_under_the_baseline() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class Filing(ILogger<Filing> logger)
        {
            public void File(Customer customer) => logger.LogInformation("Filing for {@Customer}", customer);
        }
        """ + Customer);

    [Fact]
    public Task Ignores_ids_counts_lengths_and_flags() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class AccountService(ILogger<AccountService> logger)
        {
            public void Report(IdentityUser user, string password, int tokenCount, bool hasPassword, bool isTokenValid)
            {
                logger.LogInformation("User {Id} confirmed {Confirmed}", user.Id, user.EmailConfirmed);
                logger.LogInformation("Length {Length}, tokens {Count}", password.Length, tokenCount);
                logger.LogInformation("Has {Has} valid {Valid}", hasPassword, isTokenValid);
            }
        }
        """);

    [Fact]
    public Task Ignores_names_about_a_secret_rather_than_the_secret() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class Options(ILogger<Options> logger)
        {
            public void Show(string passwordResetUrl, string tokenEndpoint, int passwordLength, string passwordLabel) =>
                logger.LogInformation("{Url} {Endpoint} {Length} {Label}", passwordResetUrl, tokenEndpoint, passwordLength, passwordLabel);
        }
        """);

    [Fact]
    public Task Ignores_the_user_name_unless_the_policy_names_it() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class Audit(ILogger<Audit> logger)
        {
            public void SignedIn(IdentityUser user) => logger.LogInformation("{User} signed in", user.UserName);
        }
        """);

    [Fact]
    public Task Flags_the_user_name_when_the_policy_names_it() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class Audit(ILogger<Audit> logger)
        {
            public void SignedIn(IdentityUser user) => logger.LogInformation("{User} signed in", {|#0:user.UserName|});
        }
        """, "user.UserName", "accounts", """{ "dataClasses": [ { "name": "accounts", "memberNames": ["UserName"] } ] }""");

    [Fact]
    public Task Ignores_masked_hashed_and_redacted_values() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        static class Redaction
        {
            public static string Mask(string value) => value.Length > 4 ? "****" + value[^4..] : "****";
        }
        class Cards(ILogger<Cards> logger)
        {
            public void Pay(string apiKey, string password)
            {
                logger.LogInformation("Key {Key}", Redaction.Mask(apiKey));
                logger.LogInformation("Password {Password}", "***");
                logger.LogInformation("Prefix {Prefix}", apiKey.Substring(0, 4));
            }
        }
        """);

    [Fact]
    public Task Ignores_nameof_and_constant_templates() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.Extensions.Logging;
        class Validation(ILogger<Validation> logger)
        {
            public void Check(string password)
            {
                logger.LogWarning("The password was rejected");
                if (password.Length < 12) throw new ArgumentException("Password too short", nameof(password));
            }
        }
        """);

    [Fact]
    public Task Ignores_a_cancellation_token_and_an_exception() => Verify.NoDiagnostic("""
        using System;
        using System.Threading;
        using Microsoft.Extensions.Logging;
        class Worker(ILogger<Worker> logger)
        {
            public void Stop(CancellationToken token, Exception error) => logger.LogError(error, "Stopped {Requested}", token.IsCancellationRequested);
        }
        """);

    [Fact]
    public Task Ignores_writes_that_are_not_logs() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Text;
        class Export
        {
            public void Save(TextWriter file, StringBuilder sb, string password)
            {
                file.WriteLine(password);
                sb.Append(password);
            }
        }
        """);

    [Fact]
    public Task Ignores_exception_messages_without_secrets() => Verify.NoDiagnostic("""
        using System;
        class Orders
        {
            public void Cancel(int orderId, string status) => throw new InvalidOperationException($"Order {orderId} cannot be cancelled in status {status}");
        }
        """);

    [Fact]
    public Task Ignores_an_email_when_no_class_recognises_it() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        public class Newsletter { public string Email { get; set; } = ""; }
        class Mailer(ILogger<Mailer> logger)
        {
            public void Sent(Newsletter n) => logger.LogInformation("Sent to {Email}", n.Email);
        }
        """);

    [Fact]
    public Task Flags_an_email_when_the_policy_lists_it() => Expect("""
        using Microsoft.Extensions.Logging;
        public class Newsletter { public string Email { get; set; } = ""; }
        class Mailer(ILogger<Mailer> logger)
        {
            public void Sent(Newsletter n) => logger.LogInformation("Sent to {Email}", {|#0:n.Email|});
        }
        """, "n.Email", "contact", """{ "dataClasses": [ { "name": "contact", "memberNames": ["Email", "PhoneNumber"] } ] }""");

    [Fact]
    public Task Fix_replaces_a_structured_argument_with_a_redacted_constant() => Verify.Fix(
        """
        using Microsoft.Extensions.Logging;
        class AccountService(ILogger<AccountService> logger)
        {
            public void SignIn(string userName, string password) =>
                logger.LogInformation("Sign-in {User} with {Password}", userName, [|password|]);
        }
        """,
        """
        using Microsoft.Extensions.Logging;
        class AccountService(ILogger<AccountService> logger)
        {
            public void SignIn(string userName, string password) =>
                logger.LogInformation("Sign-in {User} with {Password}", userName, "[redacted]");
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_interpolated_text() => Verify.NoFix("""
        using Microsoft.Extensions.Logging;
        class TokenClient(ILogger<TokenClient> logger)
        {
            public void Received(string accessToken) => logger.LogDebug($"Got token {[|accessToken|]}");
        }
        """);

    private const string GeneratedAuthLog = """
        static partial class AuthLog
        {
            [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Sign-in failed for {Email} using {Password}")]
            public static partial void SignInFailed(ILogger logger, string email, string password);

            [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in failed for user {UserId}")]
            public static partial void SignInFailedFor(ILogger logger, string userId);
        }

        // What the logging source generator adds; the analyzer only needs the declaration above.
        static partial class AuthLog
        {
            public static partial void SignInFailed(ILogger logger, string email, string password) { }

            public static partial void SignInFailedFor(ILogger logger, string userId) { }
        }
        """;

    [Fact]
    public Task Flags_a_password_passed_to_a_logger_message_method() => Expect("""
        using Microsoft.Extensions.Logging;
        class SignInService(ILogger<SignInService> logger)
        {
            public void Failed(string email, string password) => AuthLog.SignInFailed(logger, email, {|#0:password|});
        }
        """ + GeneratedAuthLog, "password", "password");

    [Fact]
    public Task Ignores_an_id_passed_to_a_logger_message_method() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class SignInService(ILogger<SignInService> logger)
        {
            public void Failed(string userId, string password) => AuthLog.SignInFailedFor(logger, userId);
        }
        """ + GeneratedAuthLog);
}
