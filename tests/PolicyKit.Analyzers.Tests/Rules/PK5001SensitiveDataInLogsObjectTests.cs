using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK5001SensitiveDataInLogsAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK5001 on whole objects, request parts, produced secrets, helpers and the built-in sensitive names.</summary>
public sealed class PK5001SensitiveDataInLogsObjectTests
{
    private const string Dtos = """

        public sealed class TransferForm
        {
            public string Iban { get; set; } = "";
            public decimal Amount { get; set; }
        }

        public sealed class SignUpForm
        {
            public string UserName { get; set; } = "";
            public string Password { get; set; } = "";
        }

        public sealed class QuietSignUpForm
        {
            public string UserName { get; set; } = "";
            [System.Text.Json.Serialization.JsonIgnore]
            public string Password { get; set; } = "";
        }

        public sealed record CheckoutCommand(string OrderId, string CardNumber, string Cvc);

        public sealed record ShippingCommand(string OrderId, int Parcels);

        public sealed record ApiLogin(string ClientId, string ClientSecret)
        {
            public override string ToString() => $"ApiLogin {ClientId}";
        }
        """;

    private static Task Expect(string source, string value, string reason, string? policy = null)
    {
        var test = Verify.Create(source, policy);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments(value, reason));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_form_destructured_with_its_password() => Expect("""
        using Microsoft.Extensions.Logging;
        class Registration(ILogger<Registration> logger)
        {
            public void Submitted(SignUpForm form) => logger.LogInformation("Sign-up {@Form} received", {|#0:form|});
        }
        """ + Dtos, "form", "Password: password");

    [Fact]
    public Task Flags_a_form_serialised_to_json_in_the_message() => Expect("""
        using System.Text.Json;
        using Microsoft.Extensions.Logging;
        class Registration(ILogger<Registration> logger)
        {
            public void Submitted(SignUpForm form) => logger.LogDebug("Body: " + JsonSerializer.Serialize({|#0:form|}));
        }
        """ + Dtos, "form", "Password: password");

    [Fact]
    public Task Flags_a_record_printed_by_its_compiler_tostring() => Expect("""
        using Microsoft.Extensions.Logging;
        class Checkout(ILogger<Checkout> logger)
        {
            public void Started(CheckoutCommand command) => logger.LogInformation($"Checkout {{|#0:command|}}");
        }
        """ + Dtos, "command", "CardNumber: card number");

    [Fact]
    public Task Flags_a_record_built_in_place_from_a_card_number() => Expect("""
        using Microsoft.Extensions.Logging;
        class Checkout(ILogger<Checkout> logger)
        {
            public void Started(string orderId, string pan) =>
                logger.LogInformation("Checkout {Command}", new CheckoutCommand(orderId, {|#0:pan|}, "000"));
        }
        """ + Dtos, "pan", "card number");

    [Fact]
    public Task Flags_a_serilog_destructured_transfer_with_an_iban() => Expect("""
        using Serilog;
        class Transfers
        {
            public void Queued(TransferForm transfer) => Log.Information("Queued {@Transfer}", {|#0:transfer|});
        }
        """ + Dtos, "transfer", "Iban: bank account number");

    [Fact]
    public Task Flags_a_serilog_context_property_destructured_on_request() => Expect("""
        using Serilog;
        class Transfers
        {
            public void Queued(TransferForm transfer) => Log.ForContext("Transfer", {|#0:transfer|}, destructureObjects: true).Information("Queued");
        }
        """ + Dtos, "transfer", "Iban: bank account number");

    [Fact]
    public Task Ignores_objects_without_sensitive_output() => Verify.NoDiagnostic("""
        using System.Text.Json;
        using Microsoft.Extensions.Logging;
        class Quiet(ILogger<Quiet> logger)
        {
            // A class without @ prints its type name; [JsonIgnore] keeps the password out of JSON; a record that writes
            // its own ToString prints what it chooses; a record of ids and counts prints nothing sensitive.
            public void Run(SignUpForm form, QuietSignUpForm quiet, ApiLogin login, ShippingCommand shipping)
            {
                logger.LogInformation("Sign-up {Form}", form);
                logger.LogInformation("Sign-up {Body}", JsonSerializer.Serialize(quiet));
                logger.LogInformation("Sign-up {@Form}", quiet);
                logger.LogInformation("Login {Login}", login);
                logger.LogInformation("Shipping {@Command}", shipping);
                logger.LogInformation($"Shipping {shipping}");
                logger.LogInformation("Sign-up for {User}", form.UserName);
            }
        }
        """ + Dtos);

    [Fact]
    public Task Ignores_a_projection_built_from_masked_values() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class Checkout(ILogger<Checkout> logger)
        {
            public void Started(CheckoutCommand command)
            {
                var summary = new CheckoutCommand(command.OrderId, "****" + command.CardNumber[^4..], "***");
                logger.LogInformation("Checkout {@Command}", summary);
            }
        }
        """ + Dtos);

    [Fact]
    public Task Flags_request_headers_written_whole() => Expect("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        class ProbeController(ILogger<ProbeController> logger) : ControllerBase
        {
            [HttpGet("probe")]
            public IActionResult Probe()
            {
                logger.LogDebug("Headers {Headers}", {|#0:Request.Headers|});
                return Ok();
            }
        }
        """, "Request.Headers", "request headers");

    [Fact]
    public Task Flags_outgoing_request_headers_turned_into_text() => Expect("""
        using System.Net.Http;
        using Microsoft.Extensions.Logging;
        class PartnerClient(ILogger<PartnerClient> logger)
        {
            public void Sending(HttpRequestMessage message) => logger.LogTrace("Sending {Headers}", {|#0:message.Headers|}.ToString());
        }
        """, "message.Headers", "request headers");

    [Fact]
    public Task Flags_cookie_values_projected_into_the_log() => Expect("""
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        class CookieTrace(ILogger<CookieTrace> logger)
        {
            public void Dump(HttpContext context) =>
                logger.LogTrace("Cookies {Cookies}", string.Join(";", {|#0:context.Request.Cookies.Select(c => c.Key + "=" + c.Value)|}));
        }
        """, "context.Request.Cookies.Select(c => c.Key + \"=\" + c.Value)", "cookies");

    [Fact]
    public Task Ignores_cookie_names_paths_methods_and_single_headers() => Verify.NoDiagnostic("""
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        class CookieTrace(ILogger<CookieTrace> logger)
        {
            public void Dump(HttpContext context)
            {
                logger.LogTrace("Cookie names {Names}", string.Join(";", context.Request.Cookies.Keys));
                logger.LogTrace("Cookie names {Names}", string.Join(";", context.Request.Cookies.Select(c => c.Key)));
                logger.LogTrace("{Method} {Path}", context.Request.Method, context.Request.Path);
                logger.LogTrace("Agent {Agent}", context.Request.Headers.UserAgent.ToString());
                logger.LogTrace("Theme {Theme}", context.Request.Cookies["theme"]);
                logger.LogTrace("Headers {Headers}", context.Request.Headers.Where(h => h.Key != "Authorization" && h.Key != "Cookie"));
            }
        }
        """);

    [Fact]
    public Task Flags_recovery_codes_produced_by_identity() => Expect("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class TwoFactorSetup(UserManager<IdentityUser> users, ILogger<TwoFactorSetup> logger)
        {
            public async Task Enable(IdentityUser user)
            {
                var fresh = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8);
                logger.LogInformation("New codes: {Codes}", string.Join(" ", {|#0:fresh|}!));
            }
        }
        """, "users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8)", "recovery code");

    [Fact]
    public Task Ignores_the_count_of_produced_codes() => Verify.NoDiagnostic("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        class TwoFactorSetup(UserManager<IdentityUser> users, ILogger<TwoFactorSetup> logger)
        {
            public async Task Enable(IdentityUser user)
            {
                var fresh = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8);
                logger.LogInformation("Issued {Count} codes to {UserId}", fresh!.Count(), user.Id);
            }
        }
        """);

    [Fact]
    public Task Flags_a_bearer_token_on_the_console() => Expect("""
        class Issuer
        {
            public void Issued(string jwt) => System.Console.WriteLine("Issued " + {|#0:jwt|});
        }
        """, "jwt", "token");

    [Fact]
    public Task Flags_card_data_in_a_constructed_exception_message() => Expect("""
        using System;
        class CardValidator
        {
            public void Reject(string cardNumber) => throw new InvalidOperationException($"Card {{|#0:cardNumber|}} was declined");
        }
        """, "cardNumber", "card number");

    [Fact]
    public Task Flags_a_security_answer_and_an_account_number() => Verify.Analyzer("""
        using Microsoft.Extensions.Logging;
        class Recovery(ILogger<Recovery> logger)
        {
            public void Check(string securityAnswer, string accountNumber) =>
                logger.LogWarning("Answer {Answer} for {Account}", {|#0:securityAnswer|}, {|#1:accountNumber|});
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("securityAnswer", "security answer"),
        Verify.Diagnostic().WithLocation(1).WithArguments("accountNumber", "bank account number"));

    [Fact]
    public Task Ignores_masked_suffix_hashed_and_length_forms_of_sensitive_names() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        class Payments(ILogger<Payments> logger)
        {
            public void Charged(string maskedCardNumber, string cardLast4, string ibanHash, string cardType, string errorCode, string accountId) =>
                logger.LogInformation("Charged {Card} {Last4} {Hash} {Type} {Code} {Account}", maskedCardNumber, cardLast4, ibanHash, cardType, errorCode, accountId);

            public void Typed(string cardNumber) => logger.LogInformation("Charged card ending {Suffix}, {Length} digits", cardNumber[^4..], cardNumber.Length);
        }
        """);

    [Fact]
    public Task Flags_a_secret_passed_to_an_audit_helper_that_logs_it() => Expect("""
        using Microsoft.Extensions.Logging;
        static class Audit
        {
            public static void Record(this ILogger logger, string action, string value) => logger.LogInformation("AUDIT {Action} {Value}", action, value);
        }

        class KeyRotation(ILogger<KeyRotation> logger)
        {
            public void Rotated(string newSigningKey) => logger.Record("signing-key-rotated", {|#0:newSigningKey|});
        }
        """, "newSigningKey", "key");

    [Fact]
    public Task Ignores_an_audit_helper_given_ids_or_masked_values() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Logging;
        static class Audit
        {
            public static void Record(this ILogger logger, string action, string value) => logger.LogInformation("AUDIT {Action} {Value}", action, value);

            public static void Event(this ILogger logger, string action, string secret) => logger.LogInformation("AUDIT {Action} ({Length})", action, secret.Length);
        }

        class KeyRotation(ILogger<KeyRotation> logger)
        {
            public void Rotated(string keyId, string newSigningKey)
            {
                logger.Record("signing-key-rotated", keyId);
                logger.Record("signing-key-rotated", newSigningKey[^4..]);
                logger.Event("signing-key-rotated", newSigningKey);
            }
        }
        """);

    [Fact]
    public Task Flags_a_card_pushed_into_the_serilog_context() => Expect("""
        using Serilog.Context;
        class Charges
        {
            public void Charge(string card, decimal amount)
            {
                using (LogContext.PushProperty("Card", {|#0:card|}))
                {
                    Serilog.Log.Information("Charging {Amount}", amount);
                }
            }
        }
        """, "card", "card number");

    [Fact]
    public Task Flags_a_form_destructured_by_a_logger_message_method() => Expect("""
        using Microsoft.Extensions.Logging;
        static partial class SignUpLog
        {
            [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Sign-up {@Form}")]
            public static partial void Received(ILogger logger, SignUpForm form);

            public static partial void Received(ILogger logger, SignUpForm form) { }
        }

        class Registration(ILogger<Registration> logger)
        {
            public void Submitted(SignUpForm form) => SignUpLog.Received(logger, {|#0:form|});
        }
        """ + Dtos, "form", "Password: password");

    [Fact]
    public Task Flags_the_cookie_header_and_a_session_cookie_read_by_name() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        class SessionTrace(ILogger<SessionTrace> logger)
        {
            public void Dump(HttpRequest request)
            {
                logger.LogDebug("Cookie header {Cookie}", {|#0:request.Headers["Cookie"]|});
                logger.LogDebug("Session {Session}", {|#1:request.Cookies[".AspNetCore.Session"]|});
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("request.Headers[\"Cookie\"]", "cookies"),
        Verify.Diagnostic().WithLocation(1).WithArguments("request.Cookies[\".AspNetCore.Session\"]", "session cookie"));
}
