using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK2002HardcodedKeyAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK2002HardcodedKeyTests
{
    [Fact]
    public Task Flags_aes_key_and_iv_from_byte_array_literals() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Cipher
        {
            public byte[] Encrypt(byte[] data)
            {
                using var aes = Aes.Create();
                aes.Key = [|new byte[] { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c }|];
                aes.IV = [|new byte[16]|];
                return aes.EncryptCbc(data, aes.IV);
            }
        }
        """);

    [Fact]
    public Task Flags_static_readonly_fields_from_text_and_base64() => Verify.Analyzer("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        class TokenProtector
        {
            private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
            private static readonly byte[] Iv = Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODw==");
            public ICryptoTransform Encryptor()
            {
                var aes = Aes.Create();
                return aes.CreateEncryptor([|Key|], [|Iv|]);
            }
        }
        """);

    [Fact]
    public Task Flags_aes_gcm_key_from_hex_and_constant_nonce() => Verify.Analyzer("""
        using System;
        using System.Security.Cryptography;
        class Sealed
        {
            public void Seal(byte[] plaintext, byte[] ciphertext, byte[] tag)
            {
                using var gcm = new AesGcm([|Convert.FromHexString("000102030405060708090A0B0C0D0E0F")|], 16);
                var nonce = [|new byte[12]|];
                gcm.Encrypt(nonce, plaintext, ciphertext, tag);
            }
        }
        """);

    [Fact]
    public Task Flags_hmac_key_from_a_local() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using System.Text;
        class Webhook
        {
            public byte[] Sign(byte[] body)
            {
                var secret = [|Encoding.ASCII.GetBytes("whsec_9f86d081884c7d659a2feaa0c55ad015")|];
                using var hmac = new HMACSHA256(secret);
                return hmac.ComputeHash(body);
            }
            public byte[] Sign2(byte[] body) => HMACSHA256.HashData([|"static-key"u8|], body);
        }
        """);

    [Fact]
    public Task Flags_constant_salt_for_pbkdf2() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        class Passwords
        {
            private static readonly byte[] Salt = { 1, 2, 3, 4, 5, 6, 7, 8 };
            public byte[] Derive(string password) =>
                Rfc2898DeriveBytes.Pbkdf2(password, [|Salt|], 600_000, HashAlgorithmName.SHA256, 32);
            public byte[] Derive2(string password) =>
                KeyDerivation.Pbkdf2(password, [|Encoding.UTF8.GetBytes("pepper-salt")|], KeyDerivationPrf.HMACSHA256, 600_000, 32);
        }
        """);

    [Fact]
    public Task Flags_triple_des_and_collection_expression() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Legacy
        {
            public ICryptoTransform Decryptor()
            {
                var des = TripleDES.Create();
                byte[] iv = [|[1, 2, 3, 4, 5, 6, 7, 8]|];
                des.IV = iv;
                return des.CreateDecryptor();
            }
        }
        """);

    [Fact]
    public Task Flags_symmetric_security_key_from_bytes() => Verify.Analyzer("""
        using System;
        using Microsoft.IdentityModel.Tokens;
        class Jwt
        {
            public SecurityKey Key() => new SymmetricSecurityKey([|Convert.FromBase64String("c2VjcmV0LWtleS1mb3Itand0LXNpZ25pbmctMTIzNDU2")|]);
        }
        """);

    [Fact]
    public Task Flags_hmac_key_property_and_decrypt_cbc_iv() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Mac
        {
            private static readonly byte[] ZeroIv = new byte[16];
            public byte[] Run(byte[] data, byte[] key)
            {
                using var hmac = new HMACSHA512();
                hmac.Key = [|new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 }|];
                using var aes = Aes.Create();
                aes.Key = key;
                return aes.DecryptCbc(data, [|ZeroIv|]);
            }
        }
        """);

    [Fact]
    public Task Flags_rfc2898_constructor_salt() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using System.Text;
        class Legacy
        {
            public byte[] Key(string password)
            {
                using var kdf = new Rfc2898DeriveBytes(password, [|Encoding.UTF8.GetBytes("s@lt1234")|], 600_000, HashAlgorithmName.SHA256);
                return kdf.GetBytes(32);
            }
        }
        """);

    [Fact]
    public Task Flags_chacha20_key_from_span_literal() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Box
        {
            public ChaCha20Poly1305 Create() => new ChaCha20Poly1305([|"0123456789abcdef0123456789abcdef"u8.ToArray()|]);
        }
        """);

    [Fact]
    public Task Ignores_generated_keys_and_ivs() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Cipher
        {
            public (byte[] Key, byte[] IV) Create()
            {
                using var aes = Aes.Create();
                aes.GenerateKey();
                aes.GenerateIV();
                return (aes.Key, aes.IV);
            }
        }
        """);

    [Fact]
    public Task Ignores_keys_from_random_number_generator() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Cipher
        {
            public byte[] Encrypt(byte[] data)
            {
                using var aes = Aes.Create();
                aes.Key = RandomNumberGenerator.GetBytes(32);
                var iv = new byte[16];
                RandomNumberGenerator.Fill(iv);
                aes.IV = iv;
                var nonce = new byte[12];
                RandomNumberGenerator.Fill(nonce);
                using var gcm = new AesGcm(aes.Key, 16);
                gcm.Encrypt(nonce, data, new byte[data.Length], new byte[16]);
                return aes.EncryptCbc(data, iv);
            }
        }
        """);

    [Fact]
    public Task Ignores_keys_from_configuration_and_key_vault() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;
        class Keys
        {
            private readonly IConfiguration _config;
            public Keys(IConfiguration config) => _config = config;
            public Aes Cipher()
            {
                var aes = Aes.Create();
                aes.Key = Convert.FromBase64String(_config["Crypto:Key"]!);
                return aes;
            }
            public SecurityKey Signing() => new SymmetricSecurityKey(Convert.FromBase64String(_config["Jwt:Key"]!));
        }
        """);

    [Fact]
    public Task Ignores_random_salt_for_password_hashing() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Passwords
        {
            public (byte[] Salt, byte[] Hash) Hash(string password)
            {
                var salt = RandomNumberGenerator.GetBytes(16);
                return (salt, Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32));
            }
            public byte[] Legacy(string password)
            {
                using var kdf = new Rfc2898DeriveBytes(password, 16, 600_000, HashAlgorithmName.SHA256);
                return kdf.GetBytes(32);
            }
        }
        """);

    [Fact]
    public Task Ignores_byte_arrays_that_reach_no_key_sink() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        using System.Text;
        class Files
        {
            private static readonly byte[] Magic = { 0x50, 0x4B, 0x03, 0x04 };
            public byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
            public bool IsZip(byte[] header) => header.Length > 4 && header[0] == Magic[0];
            public byte[] Checksum() => SHA256.HashData(new byte[] { 1, 2, 3 });
        }
        """);

    [Fact]
    public Task Ignores_key_filled_by_a_stream() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Security.Cryptography;
        class KeyFile
        {
            public Aes Load(Stream stream)
            {
                var key = new byte[32];
                stream.ReadExactly(key);
                var aes = Aes.Create();
                aes.Key = key;
                return aes;
            }
        }
        """);

    [Fact]
    public Task Ignores_hkdf_fixed_salt_and_derived_keys() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        using System.Text;
        class Derive
        {
            public byte[] Subkey(byte[] master) =>
                HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: Encoding.UTF8.GetBytes("app-v1"), info: Encoding.UTF8.GetBytes("enc"));
            public HMACSHA256 Mac(byte[] master) => new HMACSHA256(Subkey(master));
        }
        """);

    [Fact]
    public Task Ignores_protected_data_and_key_parameters() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Wrap
        {
            public byte[] Encrypt(byte[] key, byte[] iv, byte[] data)
            {
                using var aes = Aes.Create();
                aes.Key = key;
                return aes.EncryptCbc(data, iv);
            }
        }
        """);

    [Fact]
    public Task Flags_text_jwt_signing_keys() => Verify.Analyzer("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;
        class Jwt
        {
            private const string Secret = "a-text-signing-secret-0123456789abcdef";
            public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(Secret)|]);
            public SecurityKey Inline() => new SymmetricSecurityKey([|Encoding.ASCII.GetBytes("this is my custom Secret key for authentication")|]);
        }
        """);

    [Fact]
    public Task Ignores_placeholder_and_configured_jwt_signing_keys() => Verify.NoDiagnostic("""
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;
        class Jwt(IConfiguration configuration)
        {
            public SecurityKey Placeholder() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes("<your-signing-key>"));
            public SecurityKey Configured() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Auth:SigningKey"]!));
        }
        """);
    [Fact]
    public Task Ignores_key_derived_from_a_password_with_random_salt_field() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Vault
        {
            private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
            public Aes Open(string passphrase)
            {
                var aes = Aes.Create();
                aes.Key = Rfc2898DeriveBytes.Pbkdf2(passphrase, _salt, 600_000, HashAlgorithmName.SHA256, 32);
                aes.IV = RandomNumberGenerator.GetBytes(aes.BlockSize / 8);
                return aes;
            }
        }
        """);

    [Fact]
    public Task Flags_key_and_iv_fields_set_from_literals_in_a_constructor() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using System.Text;
        class CookieProtector
        {
            private readonly byte[] _key;
            private readonly byte[] _iv;
            public CookieProtector()
            {
                _key = [|Encoding.UTF8.GetBytes("cookie-protector-key-0123456789ab")|];
                this._iv = [|new byte[] { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 }|];
            }
            public CookieProtector(byte[] key)
            {
                _key = key;
                _iv = RandomNumberGenerator.GetBytes(16);
            }
            public byte[] Protect(byte[] data)
            {
                using var aes = Aes.Create();
                return aes.CreateEncryptor(_key, _iv).TransformFinalBlock(data, 0, data.Length);
            }
            public byte[] Unprotect(byte[] data)
            {
                using var aes = Aes.Create();
                return aes.CreateDecryptor(_key, _iv).TransformFinalBlock(data, 0, data.Length);
            }
        }
        """);

    [Fact]
    public Task Ignores_constructor_fields_filled_at_run_time() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        using Microsoft.Extensions.Options;
        public sealed class VaultOptions { public byte[] Key { get; set; } = System.Array.Empty<byte>(); }
        class Vault
        {
            private readonly byte[] _key;
            private readonly byte[] _nonce;
            public Vault(IOptions<VaultOptions> options)
            {
                _key = options.Value.Key;
                _nonce = new byte[12];
                RandomNumberGenerator.Fill(_nonce);
            }
            public void Seal(byte[] plain, byte[] cipher, byte[] tag)
            {
                using var gcm = new AesGcm(_key, 16);
                gcm.Encrypt(_nonce, plain, cipher, tag);
            }
        }
        """);

    [Fact]
    public Task Flags_fixed_nonce_local_at_its_literal() => Verify.Analyzer("""
        using System.Security.Cryptography;
        class Sealer
        {
            public byte[] Seal(byte[] key, byte[] plain)
            {
                using var chacha = new ChaCha20Poly1305(key);
                var nonce = [|new byte[12] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }|];
                var cipher = new byte[plain.Length];
                var tag = new byte[16];
                chacha.Encrypt(nonce, plain, cipher, tag);
                return cipher;
            }
        }
        """);

    [Fact]
    public Task Flags_private_keys_imported_from_pem_and_xml_literals() => Verify.Analyzer("""
        using System.Security.Cryptography;
        static class Licensing
        {
            private const string Pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----";
            public static ECDsa Signer()
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem([|Pem|]);
                return ecdsa;
            }
            public static RSA Legacy()
            {
                var rsa = RSA.Create();
                rsa.FromXmlString([|"<RSAKeyValue><Modulus>xA==</Modulus><Exponent>AQAB</Exponent><D>AQ==</D></RSAKeyValue>"|]);
                return rsa;
            }
        }
        """);

    [Fact]
    public Task Ignores_public_keys_and_key_files() => Verify.NoDiagnostic("""
        using System.IO;
        using System.Security.Cryptography;
        static class Licensing
        {
            public static RSA Verifier()
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem("-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----");
                rsa.FromXmlString("<RSAKeyValue><Modulus>xA==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>");
                return rsa;
            }
            public static RSA Signer(string path)
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(File.ReadAllText(path));
                return rsa;
            }
        }
        """);

    [Fact]
    public Task Flags_keys_derived_from_literal_passphrases() => Verify.Analyzer("""
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        class Backup
        {
            private static readonly string Passphrase = "nightly-backup-passphrase";
            public byte[] Key(byte[] salt) => Rfc2898DeriveBytes.Pbkdf2([|Passphrase|], salt, 600_000, HashAlgorithmName.SHA256, 32);
            public byte[] Legacy(byte[] salt) => KeyDerivation.Pbkdf2([|"legacy-export-key"|], salt, KeyDerivationPrf.HMACSHA256, 600_000, 32);
            public byte[] Bytes(byte[] salt) => Rfc2898DeriveBytes.Pbkdf2([|Encoding.UTF8.GetBytes("bytes-passphrase")|], salt, 600_000, HashAlgorithmName.SHA256, 32);
        }
        """);

    [Fact]
    public Task Ignores_passphrases_from_the_caller_or_empty() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        class Backup
        {
            public byte[] Key(string passphrase, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, 600_000, HashAlgorithmName.SHA256, 32);
            public byte[] Empty(byte[] salt) => Rfc2898DeriveBytes.Pbkdf2("", salt, 600_000, HashAlgorithmName.SHA256, 32);
        }
        """);

    [Fact]
    public Task Flags_a_key_field_shared_by_two_uses_once_naming_the_field()
    {
        var test = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK2002HardcodedKeyAnalyzer>.Create("""
            using System.Security.Cryptography;
            using System.Text;
            class SessionCipher
            {
                private readonly byte[] _key;
                public SessionCipher() { _key = {|#0:Encoding.UTF8.GetBytes("session-protector-key-0123456789")|}; }
                public ICryptoTransform Encryptor(Aes aes, byte[] iv) => aes.CreateEncryptor(_key, iv);
                public ICryptoTransform Decryptor(Aes aes, byte[] iv) => aes.CreateDecryptor(_key, iv);
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK2002HardcodedKeyAnalyzer>.Diagnostic().WithLocation(0).WithArguments("_key"));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_key_material_members_returning_constant_bytes() => Verify.Analyzer("""
        using System;
        using System.Text;
        class AntiforgerySetup
        {
            public static byte[] CookieProtectionKey() => [|Encoding.UTF8.GetBytes(new string('k', 48))|];
            public static ReadOnlySpan<byte> WebhookSecret => [|"whsec-prod-2024"u8|];
            public static byte[] TransportKey() => [|new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 }|];
            public static byte[] WebhookSigningKey()
            {
                var pepper = [|Convert.FromHexString("00112233445566778899AABBCCDDEEFF")|];
                return pepper;
            }
        }
        """);

    [Fact]
    public Task Flags_constant_master_secrets_and_private_key_parts() => Verify.Analyzer("""
        using System;
        using System.Security.Cryptography;
        class Keys
        {
            public byte[] Derive(byte[] salt) => HKDF.DeriveKey(HashAlgorithmName.SHA384, [|"tenant-master-v2"u8.ToArray()|], 32, salt);
            public ECDsa Device() => ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP384,
                D = [|Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss")|],
            });
            public RSA Imported()
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey([|Convert.FromBase64String("MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA")|], out _);
                return rsa;
            }
        }
        """);

    [Fact]
    public Task Ignores_key_members_from_configuration_and_public_key_parts() => Verify.NoDiagnostic("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        class Keys(IConfiguration configuration)
        {
            public byte[] CookieProtectionKey() => Convert.FromBase64String(configuration["Cookies:Key"]!);
            public byte[] NewSessionKey() => RandomNumberGenerator.GetBytes(32);
            public static byte[] CacheKey() => Encoding.UTF8.GetBytes("users:all");
            public static byte[] PartitionKey() => new byte[] { 0x01, 0x02 };
            public static byte[] PublicKeyHeader() => new byte[] { 0x30, 0x59 };
            public static byte[] KeyBuffer() => new byte[32];
            public byte[] Derive(byte[] ikm) => HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, "fixed-salt"u8.ToArray());
            public static byte[] Label() => Encoding.UTF8.GetBytes(new string('-', 20));
            public ECDsa Verifier(byte[] x, byte[] y) => ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = x, Y = y },
            });
            public RSA Public(byte[] modulus) => RSA.Create(new RSAParameters { Modulus = modulus, Exponent = new byte[] { 1, 0, 1 } });
        }
        """);
}

