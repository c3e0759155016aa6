using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Csrf;

/// <summary>The team's own filter: validates the antiforgery token sent in a header by the SPA.</summary>
public sealed class ValidateAntiforgeryHeaderAttribute : TypeFilterAttribute
{
    public ValidateAntiforgeryHeaderAttribute() : base(typeof(Filter)) { }

    private sealed class Filter(IAntiforgery antiforgery) : IAsyncAuthorizationFilter
    {
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                context.Result = new BadRequestResult();
            }
        }
    }
}

public interface IWishlistRepository
{
    Task RemoveAsync(string userId, int productId);
}

public sealed class WishlistRepository(Corpus.Data.ShopDbContext db) : IWishlistRepository
{
    public async Task RemoveAsync(string userId, int productId)
    {
        var product = await db.Products.FindAsync(productId);
        if (product is not null)
        {
            db.Products.Remove(product);
            await db.SaveChangesAsync();
        }
    }
}
