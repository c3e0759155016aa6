using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets;

public sealed class FieldEncryptor
{
    private static readonly byte[] Key = { 0x1F, 0x2E, 0x3D, 0x4C, 0x5B, 0x6A, 0x79, 0x88, 0x97, 0xA6, 0xB5, 0xC4, 0xD3, 0xE2, 0xF1, 0x00 }; // vuln:PK2002#field-key
    private static readonly byte[] Iv = Encoding.UTF8.GetBytes("0123456789abcdef"); // vuln:PK2002#field-iv
    private readonly byte[] _configuredKey;

    public FieldEncryptor(IConfiguration configuration) => _configuredKey = Convert.FromBase64String(configuration["Crypto:FieldKey"]!);

    public byte[] Encrypt(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key; // vuln:PK2002#field-key
        aes.IV = Iv; // vuln:PK2002#field-iv
        return aes.CreateEncryptor().TransformFinalBlock(plain, 0, plain.Length);
    }

    public byte[] EncryptWithConfiguredKey(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = _configuredKey; // safe:PK2002 key from configuration
        aes.GenerateIV(); // safe:PK2002 fresh IV
        var cipher = aes.CreateEncryptor().TransformFinalBlock(plain, 0, plain.Length);
        var result = new byte[aes.IV.Length + cipher.Length];
        aes.IV.CopyTo(result, 0);
        cipher.CopyTo(result, aes.IV.Length);
        return result;
    }

    public byte[] EncryptCbc(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes("ThisIsA32ByteLongSecretKey!!1234"); // vuln:PK2002 key from a string literal
        var iv = RandomNumberGenerator.GetBytes(16); // safe:PK2002 random IV
        return aes.EncryptCbc(plain, iv);
    }

    public byte[] EncryptCbcStaticIv(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = _configuredKey;
        return aes.EncryptCbc(plain, new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6 }); // vuln:PK2002 literal IV argument
    }

    public ICryptoTransform Decryptor(byte[] iv)
    {
        using var aes = Aes.Create();
        return aes.CreateDecryptor(Convert.FromBase64String("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="), iv); // vuln:PK2002 base64 literal key
    }

    public ICryptoTransform DecryptorConfigured(byte[] iv)
    {
        using var aes = Aes.Create();
        return aes.CreateDecryptor(_configuredKey, iv); // safe:PK2002 configured key, IV from the message
    }

    public byte[] Gcm(byte[] plain, byte[] aad)
    {
        using var gcm = new AesGcm(Convert.FromHexString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), 16); // vuln:PK2002 hex literal key for AesGcm
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, plain, cipher, tag, aad);
        return cipher;
    }

    public byte[] GcmConfigured(byte[] plain)
    {
        using var gcm = new AesGcm(_configuredKey, 16); // safe:PK2002 configured key
        var nonce = new byte[12];
        RandomNumberGenerator.Fill(nonce); // safe:PK2002 random nonce
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, plain, cipher, tag);
        return cipher;
    }

    public byte[] GcmFixedNonce(byte[] plain)
    {
        using var gcm = new AesGcm(_configuredKey, 16);
        var nonce = new byte[12] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }; // vuln:PK2002 fixed nonce
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, plain, cipher, tag);
        return cipher;
    }

    public byte[] Hmac(byte[] data) => HMACSHA256.HashData(Encoding.UTF8.GetBytes("hmac-signing-key-do-not-share"), data); // vuln:PK2002 HMAC key literal

    public byte[] HmacConfigured(byte[] data) => HMACSHA256.HashData(_configuredKey, data); // safe:PK2002 configured HMAC key

    public byte[] NewKey() => RandomNumberGenerator.GetBytes(32); // safe:PK2002 generated key

    public static byte[] EmptyBuffer() => new byte[32]; // safe:PK2002 output buffer, not a key
}

public sealed class JwtIssuer
{
    private const string SigningKey = "super-secret-jwt-signing-key-that-is-long-enough-123"; // vuln:PK2002#jwt-const
    private readonly IConfiguration _configuration;

    public JwtIssuer(IConfiguration configuration) => _configuration = configuration;

    public string Issue(string userId)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256); // vuln:PK2002#jwt-const
        var token = new JwtSecurityToken("https://shop.example.com", "shop-api", new[] { new Claim(JwtRegisteredClaimNames.Sub, userId) }, expires: DateTime.UtcNow.AddMinutes(15), signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public string IssueConfigured(string userId)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(_configuration["Jwt:SigningKey"]!)); // safe:PK2002 key from configuration
        var credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken("https://shop.example.com", "shop-api", new[] { new Claim(JwtRegisteredClaimNames.Sub, userId) }, expires: DateTime.UtcNow.AddMinutes(15), signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

public static class JwtSetup
{
    public static void AddShopJwt(this IServiceCollection services) =>
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://shop.example.com",
                ValidAudience = "shop-api",
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.ASCII.GetBytes("0nly-f0r-dev-but-shipped-to-prod-signing-key!")), // vuln:PK2002 inline signing key
            };
        });

    public static void AddShopJwtFromConfig(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration["Jwt:Issuer"],
                ValidAudience = configuration["Jwt:Audience"],
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!)), // safe:PK2002 configured signing key
            };
        });
}
