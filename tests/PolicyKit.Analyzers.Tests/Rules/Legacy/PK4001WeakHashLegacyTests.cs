using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4001WeakHashAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules.Legacy;

/// <summary>PK4001 over .NET Framework APIs: <c>FormsAuthentication.HashPasswordForStoringInConfigFile</c> and the CryptoServiceProvider classes.</summary>
public sealed class PK4001WeakHashLegacyTests
{
    [Fact]
    public Task Flags_forms_authentication_sha1_password_hash() => Verify.LegacyAnalyzer("""
        using System.Web.Security;

        public static class Accounts
        {
            public static string Store(string password)
            {
                return [|FormsAuthentication.HashPasswordForStoringInConfigFile(password, "SHA1")|];
            }
        }
        """);

    [Fact]
    public Task Flags_forms_authentication_md5_hash_named_by_a_constant() => Verify.LegacyAnalyzer("""
        using System.Web.Security;

        public static class Accounts
        {
            private const string Format = "md5";

            public static string Store(string secret)
            {
                return [|FormsAuthentication.HashPasswordForStoringInConfigFile(secret, Format)|];
            }
        }
        """);

    [Fact]
    public Task Flags_md5_crypto_service_provider() => Verify.LegacyAnalyzer("""
        using System.Security.Cryptography;

        public static class Checksums
        {
            public static byte[] Of(byte[] data)
            {
                using (var md5 = [|new MD5CryptoServiceProvider()|])
                {
                    return md5.ComputeHash(data);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_a_format_chosen_at_run_time() => Verify.LegacyAnalyzer("""
        using System.Web.Security;

        public static class Accounts
        {
            public static string Store(string password, string format)
            {
                return FormsAuthentication.HashPasswordForStoringInConfigFile(password, format);
            }
        }
        """);

    [Fact]
    public Task Ignores_other_forms_authentication_calls() => Verify.LegacyAnalyzer("""
        using System;
        using System.Web.Security;

        public static class Tickets
        {
            public static string Issue(string user)
            {
                return FormsAuthentication.Encrypt(new FormsAuthenticationTicket(user, false, 20));
            }
        }
        """);

    [Fact]
    public Task Ignores_sha256_crypto_service_provider() => Verify.LegacyAnalyzer("""
        using System.Security.Cryptography;

        public static class Checksums
        {
            public static byte[] Of(byte[] data)
            {
                using (var sha = new SHA256CryptoServiceProvider())
                {
                    return sha.ComputeHash(data);
                }
            }
        }
        """);
}
