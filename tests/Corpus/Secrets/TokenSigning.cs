using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets;

public sealed class TokenOptions
{
    public string SigningKey { get; set; } = "";
}

/// <summary>Key material the token and encryption services share.</summary>
public static class ShopKeys
{
    public static readonly byte[] Unsubscribe = Convert.FromHexString("A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90"); // vuln:PK2002#unsubscribe used by UnsubscribeLinks

    public static byte[] FromEnvironment() => Convert.FromBase64String(Environment.GetEnvironmentVariable("SHOP_LINK_KEY") ?? throw new InvalidOperationException("SHOP_LINK_KEY missing")); // safe:PK2002 key from the environment
}

public sealed class UnsubscribeLinks
{
    public string Sign(string email) => Convert.ToHexString(HMACSHA256.HashData(ShopKeys.Unsubscribe, Encoding.UTF8.GetBytes(email))); // vuln:PK2002#unsubscribe

    public string SignFromEnvironment(string email) => Convert.ToHexString(HMACSHA256.HashData(ShopKeys.FromEnvironment(), Encoding.UTF8.GetBytes(email))); // safe:PK2002 environment key
}

public sealed class PartnerJwtIssuer(IOptions<TokenOptions> options)
{
    private static readonly SymmetricSecurityKey DevelopmentKey = new("a-development-signing-key-that-is-64-bytes-long-for-hs512-use!!"u8.ToArray()); // vuln:PK2002 UTF-8 literal key

    public string Issue(ClaimsIdentity identity) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            claims: identity.Claims,
            expires: DateTime.UtcNow.AddMinutes(15),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(options.Value.SigningKey)), SecurityAlgorithms.HmacSha256))); // safe:PK2002 options-bound key

    public SigningCredentials Development() => new(DevelopmentKey, SecurityAlgorithms.HmacSha512);
}

public static class FieldEncryption
{
    private const string KeyHex = "8f3c2a1b9e7d6c5b4a39281706f5e4d38f3c2a1b9e7d6c5b4a39281706f5e4d3";

    public static byte[] Encrypt(byte[] plaintext, out byte[] nonce, out byte[] tag)
    {
        nonce = RandomNumberGenerator.GetBytes(12);
        tag = new byte[16];
        var ciphertext = new byte[plaintext.Length];
        using var gcm = new AesGcm(Convert.FromHexString(KeyHex), 16); // vuln:PK2002 key from a hex constant
        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
        return ciphertext;
    }

    public static byte[] EncryptWithIv(byte[] key, byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(plaintext, "fixed-iv-16bytes"u8); // vuln:PK2002 the same IV for every message
    }

    public static byte[] EncryptWithFreshIv(byte[] key, byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var iv = RandomNumberGenerator.GetBytes(16);
        return [.. iv, .. aes.EncryptCbc(plaintext, iv)]; // safe:PK2002 fresh IV stored with the ciphertext
    }

    public static byte[] CookieKey() => Encoding.ASCII.GetBytes(new string('k', 32)); // vuln:PK2002 constant key built at run time ("kkkk…")

    public static byte[] DeriveFromSecret(string secret, byte[] salt) => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt); // safe:PK2002 secret passed in by the caller

    public static byte[] DeriveFromLiteral(byte[] salt) => HKDF.DeriveKey(HashAlgorithmName.SHA256, "static-master-secret-v1"u8.ToArray(), 32, salt); // vuln:PK2002 master secret in the source

    public static ECDsa Signer() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        D = Convert.FromBase64String("3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), // vuln:PK2002 private scalar in the source
        Q = new ECPoint { X = new byte[32], Y = new byte[32] },
    });

    public static ECDsa Verifier(byte[] x, byte[] y) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = x, Y = y }, // safe:PK2002 public point only
    });
}
