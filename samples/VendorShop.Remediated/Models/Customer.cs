using Microsoft.AspNetCore.Identity;

namespace VendorShop.Remediated.Models;

// Kept forever: "the marketing team might need it".
public sealed class Customer
{
    public int Id { get; set; }

    [PersonalData]
    public string Name { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";

    [PersonalData]
    public string PhoneNumber { get; set; } = "";

    [PersonalData]
    public string Address { get; set; } = "";

    [PersonalData]
    public DateOnly BirthDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
