using Microsoft.AspNetCore.Identity;

namespace VendorShop.Models;

public sealed class ShopUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }
}
