using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VendorShop.Data;

namespace VendorShop.Controllers;

[ApiController]
[Route("api/admin")]
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
