using Microsoft.AspNetCore.Identity;

namespace VendorShop.Remediated.Models;

public sealed class ShopUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }
}
