using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorShop.Models;
using VendorShop.Services;

namespace VendorShop.Pages;

public sealed class IndexModel(ProductSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public List<Product> Products { get; private set; } = [];

    public async Task OnGetAsync() => Products = await search.SearchAsync(Query ?? "");
}
