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
}
