using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4002WeakCipherAnalyzer, PolicyKit.CodeFixes.Rules.PK4002WeakCipherFixer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4002WeakCipherTests
{
    [Fact]
    public Task Flags_des_and_triple_des_create() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Legacy
        {
            public SymmetricAlgorithm A() => [|DES.Create()|];
            public SymmetricAlgorithm B() => [|TripleDES.Create()|];
            public SymmetricAlgorithm C() => [|RC2.Create()|];
        }
        """);

    [Fact]
    public Task Flags_crypto_service_provider_constructors() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0021
        using System.Security.Cryptography;
        class Legacy
        {
            SymmetricAlgorithm a = [|new DESCryptoServiceProvider()|];
            SymmetricAlgorithm b = [|new TripleDESCryptoServiceProvider()|];
            SymmetricAlgorithm c = [|new RC2CryptoServiceProvider()|];
        }
        """);

    [Fact]
    public Task Flags_weak_ciphers_created_by_name() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0045
        using System.Security.Cryptography;
        class Factory
        {
            public object? A() => [|CryptoConfig.CreateFromName("RC4")|];
            public object? B() => [|CryptoConfig.CreateFromName("TripleDES")|];
            public SymmetricAlgorithm? C() => [|SymmetricAlgorithm.Create("DES")|];
        }
        """);

    [Fact]
    public Task Flags_ecb_mode_on_aes() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class TokenCipher
        {
            public byte[] Encrypt(byte[] key, byte[] data)
            {
                using var aes = Aes.Create();
                aes.Key = key;
                [|aes.Mode = CipherMode.ECB|];
                return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
            }
        }
        """);

    [Fact]
    public Task Flags_ecb_one_shot_apis() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Cards
        {
            public byte[] Seal(byte[] pan, Aes aes) => [|aes.EncryptEcb(pan, PaddingMode.PKCS7)|];
            public byte[] Open(byte[] data, Aes aes) => [|aes.DecryptEcb(data, PaddingMode.PKCS7)|];
        }
        """);

    [Fact]
    public Task Flags_ecb_passed_to_a_helper() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Crypto
        {
            static byte[] Run(byte[] data, CipherMode mode) => data;
            public byte[] Seal(byte[] data) => Run(data, [|CipherMode.ECB|]);
        }
        """);

    [Fact]
    public Task Flags_small_rsa_keys() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0021
        using System.Security.Cryptography;
        class Keys
        {
            public RSA A() => [|RSA.Create(1024)|];
            public RSA B() => [|new RSACryptoServiceProvider(1024)|];
            public void C(RSA rsa) { [|rsa.KeySize = 512|]; }
        }
        """);

    [Fact]
    public Task Flags_small_dsa_key_and_small_curve() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Keys
        {
            public DSA A() => [|DSA.Create(1024)|];
            public ECDsa B() => ECDsa.Create([|ECCurve.NamedCurves.brainpoolP160r1|]);
            public ECCurve C() => [|ECCurve.CreateFromFriendlyName("secp192r1")|];
        }
        """);

    [Fact]
    public Task Flags_aes_key_size_below_the_minimum() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Keys { public void Weaken(Aes aes) { [|aes.KeySize = 64|]; } }
        """);

    [Fact]
    public Task Flags_triple_des_in_an_aspnetcore_service() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Mvc;
        [ApiController, Route("api/cards")]
        public class CardsController : ControllerBase
        {
            [HttpPost]
            public IActionResult Store([FromBody] byte[] pan)
            {
                using var cipher = [|TripleDES.Create()|];
                return Ok(cipher.CreateEncryptor().TransformFinalBlock(pan, 0, pan.Length));
            }
        }
        """);

    [Fact]
    public Task Ignores_aes_gcm_and_cbc() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Sealed
        {
            public void A(byte[] key, byte[] nonce, byte[] data, byte[] cipher, byte[] tag)
            {
                using var gcm = new AesGcm(key, 16);
                gcm.Encrypt(nonce, data, cipher, tag);
            }
            public ICryptoTransform B(byte[] key)
            {
                var aes = Aes.Create();
                aes.Mode = CipherMode.CBC;
                aes.KeySize = 256;
                aes.Key = key;
                return aes.CreateEncryptor();
            }
        }
        """);

    [Fact]
    public Task Ignores_ecb_that_is_compared_not_chosen() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        class Guard
        {
            public void Check(SymmetricAlgorithm algorithm)
            {
                if (algorithm.Mode == CipherMode.ECB) throw new CryptographicException("ECB is not allowed");
            }
        }
        """);

    [Fact]
    public Task Ignores_rsa_keys_at_or_above_the_minimum() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Keys
        {
            public RSA A() => RSA.Create(2048);
            public RSA B() => RSA.Create(4096);
            public RSA C() => RSA.Create();
            public void D(RSA rsa) { rsa.KeySize = 3072; }
        }
        """);

    [Fact]
    public Task Ignores_key_sizes_from_configuration() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Keys
        {
            private readonly int bits;
            public Keys(int bits) => this.bits = bits;
            public RSA A() => RSA.Create(bits);
        }
        """);

    [Fact]
    public Task Ignores_nist_curves_of_256_bits_and_more() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Keys
        {
            public ECDsa A() => ECDsa.Create(ECCurve.NamedCurves.nistP256);
            public ECDiffieHellman B() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
            public ECCurve C() => ECCurve.CreateFromFriendlyName("secp521r1");
        }
        """);

    [Fact]
    public Task Ignores_strong_names_given_to_crypto_config() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Factory
        {
            public object? A() => CryptoConfig.CreateFromName("AES");
            public object? B(string configured) => CryptoConfig.CreateFromName(configured);
            public object? C() => CryptoConfig.CreateFromName("SHA256");
        }
        """);

    [Fact]
    public Task Ignores_unrelated_mode_properties() => Verify.NoDiagnostic("""
        class Options { public string Mode { get; set; } = ""; public int KeySize { get; set; } }
        class Use { void X(Options o) { o.Mode = "ECB"; o.KeySize = 512; } }
        """);

    [Fact]
    public Task Ignores_des_named_types_outside_system_security_cryptography() => Verify.NoDiagnostic("""
        namespace Vendor.Crypto
        {
            public sealed class DES { public static DES Create() => new DES(); }
            class Use { DES X() => DES.Create(); }
        }
        """);

    [Fact]
    public Task Ignores_instance_use_of_an_existing_cipher() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Decryptor
        {
            public byte[] Run(SymmetricAlgorithm algorithm, byte[] data) =>
                algorithm.CreateDecryptor().TransformFinalBlock(data, 0, data.Length);
        }
        """);

    [Fact]
    public Task Fix_replaces_triple_des_with_aes_for_var() => Verify.Fix("""
        using System.Security.Cryptography;
        class Sealer
        {
            public byte[] Seal(byte[] data)
            {
                using var cipher = [|TripleDES.Create()|];
                return cipher.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
            }
        }
        """, """
        using System.Security.Cryptography;
        class Sealer
        {
            public byte[] Seal(byte[] data)
            {
                using var cipher = Aes.Create();
                return cipher.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
            }
        }
        """);

    [Fact]
    public Task Fix_replaces_des_with_aes_for_symmetric_algorithm() => Verify.Fix("""
        using System.Security.Cryptography;
        class Factory { public SymmetricAlgorithm Make() => [|DES.Create()|]; }
        """, """
        using System.Security.Cryptography;
        class Factory { public SymmetricAlgorithm Make() => Aes.Create(); }
        """);

    [Fact]
    public Task Fix_is_not_offered_when_the_variable_is_typed_des() => Verify.NoFix("""
        using System.Security.Cryptography;
        class Factory { public DES Make() => [|DES.Create()|]; }
        """);

    [Fact]
    public Task Flags_ecb_through_a_local_a_branch_and_a_configuration_fallback() => Verify.Analyzer("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.Extensions.Configuration;
        public class CardVault(IConfiguration configuration)
        {
            public Aes Interop()
            {
                var aes = Aes.Create();
                var chosen = CipherMode.ECB;
                [|aes.Mode = chosen|];
                return aes;
            }
            public Aes Partner(bool legacyPartner)
            {
                var aes = Aes.Create();
                [|aes.Mode = legacyPartner ? CipherMode.ECB : CipherMode.CBC|];
                return aes;
            }
            public Aes FromSettings()
            {
                var aes = Aes.Create();
                [|aes.Mode = Enum.Parse<CipherMode>(configuration["Vault:CipherMode"] ?? "ECB")|];
                return aes;
            }
            public Aes FromTypedSettings(CipherMode? configured)
            {
                var aes = Aes.Create();
                [|aes.Mode = configured ?? CipherMode.ECB|];
                return aes;
            }
        }
        """);

    [Fact]
    public Task Ignores_cbc_fallbacks_and_modes_the_local_no_longer_holds() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.Extensions.Configuration;
        public class CardVault(IConfiguration configuration)
        {
            public Aes FromSettings()
            {
                var aes = Aes.Create();
                aes.Mode = Enum.Parse<CipherMode>(configuration["Vault:CipherMode"] ?? "CBC");
                return aes;
            }
            public Aes Reassigned(bool strict)
            {
                var aes = Aes.Create();
                var mode = CipherMode.ECB;
                if (strict) mode = CipherMode.CBC;
                aes.Mode = mode;
                return aes;
            }
            public Aes Typed(CipherMode? configured)
            {
                var aes = Aes.Create();
                aes.Mode = configured ?? CipherMode.CBC;
                return aes;
            }
        }
        """);

    [Fact]
    public Task Flags_rsa_pkcs1_encryption_padding() => Verify.Analyzer("""
        #pragma warning disable SYSLIB0021
        using System.Security.Cryptography;
        class Envelope
        {
            public byte[] Wrap(RSA recipient, byte[] contentKey) => [|recipient.Encrypt(contentKey, RSAEncryptionPadding.Pkcs1)|];
            public byte[] Unwrap(RSA own, byte[] wrapped)
            {
                var padding = RSAEncryptionPadding.Pkcs1;
                return [|own.Decrypt(wrapped, padding)|];
            }
            public byte[] Legacy(RSACryptoServiceProvider provider, byte[] key) => [|provider.Encrypt(key, false)|];
            public AsymmetricKeyExchangeFormatter Exchange(RSA rsa) => [|new RSAPKCS1KeyExchangeFormatter(rsa)|];
        }
        """);

    [Fact]
    public Task Ignores_oaep_encryption_and_pkcs1_signatures() => Verify.NoDiagnostic("""
        #pragma warning disable SYSLIB0021
        using System.Security.Cryptography;
        class Envelope
        {
            public byte[] Wrap(RSA recipient, byte[] contentKey) => recipient.Encrypt(contentKey, RSAEncryptionPadding.OaepSHA256);
            public byte[] Legacy(RSACryptoServiceProvider provider, byte[] key) => provider.Encrypt(key, true);
            public byte[] Sign(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        """);

    [Fact]
    public Task Flags_a_small_key_size_passed_to_a_helper_that_creates_the_key() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class KeyRing
        {
            private static RSA NewRsa(int modulusBits) => RSA.Create(modulusBits);
            private static DSA NewDsa(int bits) { var dsa = DSA.Create(); dsa.KeySize = bits; return dsa; }
            public RSA ForPartner() => [|NewRsa(1024)|];
            public DSA ForLegacy() => [|NewDsa(512)|];
            public RSA ForUs() => NewRsa(3072);
            public byte[] Pad(int length) => Buffer(1024);
            private static byte[] Buffer(int size) => new byte[size];
        }
        """);
}

