using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorShop.Models;

namespace VendorShop.Pages;

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
        logger.LogWarning("Sign-in for {Email} / {Password}", Email, Password);
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: true, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            Response.Cookies.Append("shop_user", Email, new CookieOptions { Secure = false, HttpOnly = false });
            return Redirect("/");
        }

        Error = "Wrong e-mail or password.";
        return Page();
    }
}
