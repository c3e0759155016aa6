using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyKit.AspNetCore;
using VendorShop.Remediated.Data;
using VendorShop.Remediated.Models;
using VendorShop.Remediated.Services;

var builder = WebApplication.CreateBuilder(args);

// PK2001: the connection string comes from configuration (user secrets, environment, key vault), never from code.
builder.Services.AddDbContext<ShopDbContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Shop")));

// Identity's default hasher is PBKDF2 (PK4001); password length, lockout, banned and user-derived passwords come
// from policykit.json.
builder.Services.AddIdentity<ShopUser, IdentityRole>()
    .AddEntityFrameworkStores<ShopDbContext>()
    .AddDefaultTokenProviders()
    .AddPolicyKitPasswordValidator();
builder.Services.ConfigureApplicationCookie(options => options.LoginPath = "/Login");

// Applies policykit.json to Identity, the cookie, authorization; refuses to start when something is weaker.
builder.Services.AddPolicyKit(builder.Configuration).ValidateOnStart();

// MN-02: nothing is usable without signing in unless the policy's allow-list says so (accessControl.denyByDefault).
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

builder.Services.AddScoped<ProductSearch>();
builder.Services.AddScoped<ApiTokenService>();
builder.Services.AddScoped<CustomerRetention>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddControllers();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UsePolicyKitErrorHandling("/Error");

// IPA checklist 9-(i): pages must not be framed by other sites (clickjacking).
app.Use(async (context, next) =>
{
    context.Response.Headers.XFrameOptions = "DENY";
    context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    await next();
});
app.UseHttpsRedirection();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreated();
}

app.MapGet("/api/products", async (string? q, ProductSearch search) => Results.Ok(await search.SearchAsync(q ?? "")))
    .AllowAnonymous();

app.MapPost("/api/account/login", async (LoginRequest request, SignInManager<ShopUser> signIn) =>
{
    var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
}).AllowAnonymous().DisableAntiforgery();

app.MapGet("/admin/customers/export", async (ShopDbContext db) =>
    Results.Ok(await db.Customers.OrderBy(c => c.Id).ToListAsync()))
    .RequireAuthorization(AuthorizationPolicies.Administrative);

app.MapPost("/admin/retention/run", async (CustomerRetention retention, CancellationToken cancellationToken) =>
    Results.Ok(new { deleted = await retention.DeleteExpiredAsync(cancellationToken) }))
    .RequireAuthorization(AuthorizationPolicies.Administrative);

app.MapGet("/api/orders/{customerId}", async (string customerId, ProductSearch search, ApiTokenService tokens, HttpRequest request) =>
{
    if (!tokens.ValidateToken(request.Headers["X-Api-Token"].ToString()))
    {
        return Results.Unauthorized();
    }

    return Results.Ok(await search.OrdersForCustomerAsync(customerId));
}).RequireAuthorization("orders:read");

app.MapControllers();
app.MapRazorPages();

app.Run();

/// <summary>The JSON body of <c>POST /api/account/login</c>.</summary>
public sealed record LoginRequest(string Email, string Password);

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
