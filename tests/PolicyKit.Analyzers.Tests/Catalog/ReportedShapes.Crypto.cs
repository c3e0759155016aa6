using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Certificates = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK4004CertificateValidationDisabledAnalyzer>;
using Cipher = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK4002WeakCipherAnalyzer>;
using Cleartext = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK4005CleartextTransportAnalyzer>;
using Hash = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK4001WeakHashAnalyzer>;
using Randomness = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK4003InsecureRandomnessAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Cryptography and transport shapes from peers' trackers: names and strings that regex rules mistook for algorithms,
/// randomness and namespaces flagged out of context, certificate callbacks that were not followed, and a checksum use
/// of MD5 that PolicyKit settles with a visible waiver rather than silence.
/// </summary>
public sealed class ReportedShapesCrypto
{
    // ---- Words that only look like algorithms (PK4001, PK4002) ---------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim-VisualStudio-Extension/issues/6", "DevSkim weak cipher mode",
        ReportedAs.FalsePositive, "the acronym ECB in a comment, meaning a product feature, reported as a cipher mode")]
    public Task Flags_the_ecb_mode_but_not_the_word_in_comments_and_names() => Cipher.Flags("""
        using System.Security.Cryptography;

        // ECB here is the Estimate Control Board, the approval step of the quoting feature.
        public enum QuoteStage { Draft, Ecb, Approved }

        public sealed class QuoteSealer
        {
            public QuoteStage NextAfterDraft => QuoteStage.Ecb;

            public byte[] Seal(byte[] key, byte[] quote)
            {
                using var aes = Aes.Create();
                aes.Key = key;
                return {|#0:aes.EncryptEcb(quote, PaddingMode.PKCS7)|};
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim/issues/563", "DevSkim DS106863",
        ReportedAs.FalsePositive, "the string \"DES\" used as an ordinary value reported as the DES cipher")]
    public Task Ignores_des_as_a_department_code() => Cipher.Silent("""
        using System.Collections.Generic;

        public static class Departments
        {
            public const string Design = "DES";
            public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
            {
                [Design] = "Design", ["ENG"] = "Engineering",
            };
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim/issues/645", "DevSkim DS106863",
        ReportedAs.FalsePositive, "location.EndsWith(\"DES\") string comparison reported as the DES cipher")]
    public Task Ignores_des_in_a_string_comparison() => Cipher.Silent("""
        using System;

        public static class LocationLabels
        {
            public static string Trim(string location) =>
                location.EndsWith(" DES", StringComparison.Ordinal) ? location[..^4] : location;
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim/issues/162", "DevSkim DS440010",
        ReportedAs.FalsePositive, "an enum member whose name contains cipher-suite-like letters reported")]
    public Task Ignores_cipher_suite_like_identifiers() => Cipher.Silent("""
        public enum ErrorCode { EC_ACME_BADHANDSHAKE, EC_DES_ANNO_SHAPE, EC_RC4_TIMEOUT }

        public static class Errors
        {
            public static bool IsHandshake(ErrorCode code) => code == ErrorCode.EC_ACME_BADHANDSHAKE;
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim/issues/612", "DevSkim DS126858",
        ReportedAs.FalsePositive, "a --nomd5 command-line option, which turns MD5 off, reported as use of MD5")]
    public Task Ignores_md5_in_a_command_line_option() => Hash.Silent("""
        public static class InstallerBuild
        {
            public static string Arguments(string folder) => "--sha256 --nomd5 " + folder + " setup.run";
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/DevSkim/issues/184", "DevSkim DS126858",
        ReportedAs.FalsePositive, "a base64 image constant containing the letters MD2 reported as a weak hash")]
    public Task Ignores_hash_names_inside_base64_data() => Hash.Silent("""
        public static class Placeholders
        {
            public const string Avatar = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mMD2/8DwAEhgKMD2AAAAABJRU5ErkJggg==";
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/microsoft/vscode/issues/99760", "weak-hash scanner (MD5)",
        ReportedAs.FalsePositive, "MD5 used only as a corruption checksum reported as weak cryptography")]
    public async Task Reports_an_md5_checksum_as_waived_when_the_policy_waives_it()
    {
        // PolicyKit does not guess purpose from names: the default policy forbids MD5 everywhere, so the checksum is
        // reported, and an approved waiver in policykit.json turns it into a visible, suppressed finding.
        const string source = """
            using System;
            using System.IO;
            using System.Security.Cryptography;

            namespace Contoso.Setup
            {
                public static class InstallCheck
                {
                    public static bool IsIntact(string file, byte[] expected) =>
                        MD5.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(expected);
                }
            }
            """;
        const string policy = """
            {
              "waivers": [
                { "rule": "PK4001", "symbol": "Contoso.Setup.InstallCheck",
                  "justification": "MD5 detects a corrupt installation only; no security decision depends on it",
                  "approver": "情報システム部 山田", "expires": "2999-12-31" }
              ]
            }
            """;

        var unwaived = Assert.Single(await PolicyRun.DiagnosticsAsync(source, null, new PK4001WeakHashAnalyzer(), new WaiverSuppressor()));
        var waived = Assert.Single(await PolicyRun.DiagnosticsAsync(source, policy, new PK4001WeakHashAnalyzer(), new WaiverSuppressor()));

        Assert.False(unwaived.IsSuppressed);
        Assert.True(waived.IsSuppressed);
    }

    // ---- Randomness (PK4003) -------------------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/quartznet/quartznet/issues/551", "static scanner (insufficient entropy)",
        ReportedAs.FalsePositive, "System.Random used only for trigger ids and retry sleep times reported")]
    public Task Ignores_random_used_for_jitter_and_sampling() => Randomness.Silent("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class RetryScheduler
        {
            private readonly Random _random = new();

            public Task BackOffAsync(int attempt, CancellationToken token)
            {
                var jitter = _random.Next(0, 250);
                return Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt) + jitter), token);
            }

            public bool Sample(double rate) => Random.Shared.NextDouble() < rate;

            public string TriggerName(string job) => job + "-" + _random.Next(1000, 9999);
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/Pryaxis/TShock/issues/1388", "none (found by source review)",
        ReportedAs.FalseNegative, "System.Random used to generate authentication tokens and REST session keys")]
    public Task Flags_a_session_token_from_system_random() => Randomness.Flags("""
        using System;
        using System.Text;

        public sealed class RestTokens
        {
            private readonly Random _random = new();

            public string NewSessionToken()
            {
                var token = new StringBuilder(32);
                for (var i = 0; i < 32; i++)
                {
                    token.Append({|#0:_random.Next(16)|}.ToString("x"));
                }

                return token.ToString();
            }
        }
        """);

    // ---- Certificate validation (PK4004) -------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/dotnet/roslyn-analyzers/issues/4542", "CA5359",
        ReportedAs.FalseNegative, "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator not covered")]
    public Task Flags_dangerous_accept_any_server_certificate_validator() => Certificates.Flags("""
        using System.Net.Http;

        public static class PartnerClient
        {
            public static HttpClient Create() => new(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|#0:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
            });
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/meziantou/Meziantou.Analyzer/issues/14", "Meziantou.Analyzer",
        ReportedAs.FalseNegative, "a ServerCertificateCustomValidationCallback on HttpClientHandler that accepts everything")]
    public Task Flags_a_custom_validation_callback_that_returns_true() => Certificates.Flags("""
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class InventoryClientSetup
        {
            public static void Add(IServiceCollection services) =>
                services.AddHttpClient("inventory").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|},
                });
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/pull/79", "Security Code Scan",
        ReportedAs.FalseNegative, "HttpWebRequest.ServerCertificateValidationCallback (per request) and the ServicePointManager callback added with +=")]
    public Task Flags_per_request_and_global_callbacks_that_accept_everything() => Certificates.Flags("""
        using System.Net;

        public static class LegacyPartnerFeed
        {
            public static void TrustEveryone() =>
                ServicePointManager.ServerCertificateValidationCallback += {|#0:(sender, certificate, chain, errors) => true|};

            public static WebResponse Fetch(string url)
            {
        #pragma warning disable SYSLIB0014 // the legacy API is the shape under test
                var request = (HttpWebRequest)WebRequest.Create(url);
        #pragma warning restore SYSLIB0014
                request.ServerCertificateValidationCallback = {|#1:delegate { return true; }|};
                return request.GetResponse();
            }
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/security-code-scan/security-code-scan/issues/33", "Security Code Scan",
        ReportedAs.FalseNegative, "SslStream constructed with a method group that always returns true")]
    public Task Flags_an_ssl_stream_with_an_always_true_method_group() => Certificates.Flags("""
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Security.Cryptography.X509Certificates;

        public sealed class LegacyFeed
        {
            public SslStream Connect(TcpClient client)
            {
                var stream = new SslStream(client.GetStream(), false, {|#0:AcceptAll|}, null);
                stream.AuthenticateAsClient("feed.contoso.example");
                return stream;
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/dotnet-security-guard/roslyn-security-guard/issues/14", "Roslyn Security Guard",
        ReportedAs.FalsePositive, "a RemoteCertificateValidationCallback instance with real validation logic reported")]
    public Task Ignores_a_callback_that_pins_a_thumbprint() => Certificates.Silent("""
        using System;
        using System.Net.Http;
        using System.Net.Security;

        public sealed class PinnedClient
        {
            private const string Thumbprint = "3B1EFD3A66EA28B16697394703A72CA340A05BD5";

            public HttpClient Create() => new(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                        errors == SslPolicyErrors.None
                        || (certificate is not null && string.Equals(certificate.GetCertHashString(), Thumbprint, StringComparison.OrdinalIgnoreCase)),
                },
            });
        }
        """);

    // ---- Clear-text transport (PK4005) ---------------------------------------------------------------------

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/6141", "SonarC# S5332",
        ReportedAs.FalsePositive, "http:// XML namespace identifiers in attributes reported as clear-text protocol")]
    public Task Ignores_xml_namespaces_in_serialization_attributes() => Cleartext.Silent("""
        using System.Xml.Serialization;

        [XmlRoot("order", Namespace = "http://schemas.contoso.com/orders/2024")]
        public sealed class OrderDocument
        {
            [XmlElement("line", Namespace = "http://schemas.contoso.com/orders/2024")]
            public string[] Lines { get; set; } = [];
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/6223", "SonarC# S5332",
        ReportedAs.FalsePositive, "namespace URIs given to XmlSerializerNamespaces, XmlQualifiedName, XmlNamespaceManager")]
    public Task Ignores_namespace_uris_given_to_xml_apis() => Cleartext.Silent("""
        using System.Xml;
        using System.Xml.Serialization;

        public static class InvoiceXml
        {
            public static XmlSerializerNamespaces Namespaces()
            {
                var namespaces = new XmlSerializerNamespaces();
                namespaces.Add("inv", "http://contoso.example/schemas/invoice");
                return namespaces;
            }

            public static XmlQualifiedName TotalName => new("total", "http://contoso.example/schemas/invoice");

            public static XmlNamespaceManager Manager(XmlDocument document)
            {
                var manager = new XmlNamespaceManager(document.NameTable);
                manager.AddNamespace("inv", "http://contoso.example/schemas/invoice");
                return manager;
            }
        }
        """);
}
