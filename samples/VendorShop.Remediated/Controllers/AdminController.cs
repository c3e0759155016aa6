using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyKit.AspNetCore;
using VendorShop.Remediated.Data;

namespace VendorShop.Remediated.Controllers;

[ApiController]
[Route("api/admin")]
[Authorize(Policy = AuthorizationPolicies.Administrative)]
public sealed class AdminController(ShopDbContext db) : ControllerBase
{
    [HttpGet("customers")]
    public async Task<IActionResult> Customers() => Ok(await db.Customers.ToListAsync());

    [HttpGet("orders/today")]
    public async Task<IActionResult> TodaysOrders()
    {
        var since = DateTimeOffset.UtcNow.Date;
        return Ok(await db.Orders.Where(o => o.PlacedAt >= since).ToListAsync());
    }
}
