using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using VendorShop.Models;

namespace VendorShop.Services;

// Compatible with the hashes of the old PHP shop.
public sealed class Md5PasswordHasher : IPasswordHasher<ShopUser>
{
    public string HashPassword(ShopUser user, string password) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password)));

    public PasswordVerificationResult VerifyHashedPassword(ShopUser user, string hashedPassword, string providedPassword) =>
        string.Equals(hashedPassword, HashPassword(user, providedPassword), StringComparison.OrdinalIgnoreCase)
            ? PasswordVerificationResult.Success
            : PasswordVerificationResult.Failed;
}
