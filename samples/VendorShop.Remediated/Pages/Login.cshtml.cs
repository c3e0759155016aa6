using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorShop.Remediated.Models;

namespace VendorShop.Remediated.Pages;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<ShopUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // MIC-95: the sign-in is audited without the password or the e-mail address (personal data in the policy).
        logger.LogInformation("Sign-in attempt");
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect("/");
        }

        Error = "Wrong e-mail or password.";
        return Page();
    }
}
