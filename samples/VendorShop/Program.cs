using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VendorShop.Data;
using VendorShop.Models;
using VendorShop.Services;

var builder = WebApplication.CreateBuilder(args);

// Same as appsettings.json, "in case the config file is missing on the server".
const string ShopConnectionString = "Data Source=vendorshop.db;Password=Sh0pAdm1n!2024";
builder.Services.AddDbContext<ShopDbContext>(options => options.UseSqlite(ShopConnectionString));

builder.Services.AddIdentity<ShopUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 6;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = false;
    })
    .AddEntityFrameworkStores<ShopDbContext>()
    .AddDefaultTokenProviders();
builder.Services.AddScoped<IPasswordHasher<ShopUser>, Md5PasswordHasher>();

builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Login";
    options.Cookie.SecurePolicy = CookieSecurePolicy.None;
    options.ExpireTimeSpan = TimeSpan.FromDays(30);
    options.SlidingExpiration = true;
});

builder.Services.AddScoped<ProductSearch>();
builder.Services.AddScoped<ApiTokenService>();
builder.Services.AddControllers();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseDeveloperExceptionPage();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreated();
}

app.MapGet("/api/products", async (string? q, ProductSearch search) => Results.Ok(await search.SearchAsync(q ?? "")));

app.MapPost("/api/account/login", async (LoginRequest request, SignInManager<ShopUser> signIn, ILogger<Program> logger) =>
{
    logger.LogInformation("Login attempt for {Email} with password {Password}", request.Email, request.Password);
    var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: true, lockoutOnFailure: false);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
}).AllowAnonymous();

app.MapGet("/admin/customers/export", async (ShopDbContext db) =>
    Results.Ok(await db.Customers.OrderBy(c => c.Id).ToListAsync()));

app.MapGet("/api/orders/{customerId}", async (string customerId, ProductSearch search, ApiTokenService tokens, HttpRequest request) =>
{
    if (!tokens.ValidateToken(request.Headers["X-Api-Token"].ToString()))
    {
        return Results.Unauthorized();
    }

    return Results.Ok(await search.OrdersForCustomerAsync(customerId));
}).RequireAuthorization();

app.MapControllers();
app.MapRazorPages();

app.Run();

/// <summary>The JSON body of <c>POST /api/account/login</c>.</summary>
public sealed record LoginRequest(string Email, string Password);

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
