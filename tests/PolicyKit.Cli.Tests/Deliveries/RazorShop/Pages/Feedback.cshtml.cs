using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RazorShop.Pages;

public class FeedbackModel : PageModel
{
    [BindProperty]
    public string Message { get; set; } = "";

    public void OnGet()
    {
    }

    public IActionResult OnPost() => Page();
}
