var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication().AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddControllersWithViews();
builder.Services.AddRazorPages();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGet("/health", () => "ok").AllowAnonymous();
var api = app.MapGroup("/api/comments").RequireAuthorization("Moderators");
api.MapDelete("/{id}", (int id) => Results.NoContent());
api.MapPost("/import", ([Microsoft.AspNetCore.Mvc.FromForm] string csv) => Results.Ok()).DisableAntiforgery();

app.MapControllerRoute("default", "{controller=Comments}/{action=Show}/{id?}");
app.MapRazorPages();
app.Run();
