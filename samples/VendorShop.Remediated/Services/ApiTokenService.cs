using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VendorShop.Remediated.Services;

public sealed class ApiTokenService(IDataProtectionProvider protection, ILogger<ApiTokenService> logger)
{
    private readonly IDataProtector protector = protection.CreateProtector("VendorShop.ApiToken");

    public string Issue(string customerId) => protector.Protect("shop:" + customerId);

    public bool ValidateToken(string token)
    {
        try
        {
            return protector.Unprotect(token).StartsWith("shop:", StringComparison.Ordinal);
        }
        catch (CryptographicException e)
        {
            // MN-04, MN-10: a token that cannot be read is refused, and the refusal is logged.
            logger.LogWarning(e, "Rejected an API token that could not be decrypted");
            return false;
        }
    }
}
