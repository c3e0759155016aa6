using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication();
builder.Services.AddAuthorization();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => "CleanShop").AllowAnonymous();
app.MapGet("/digest", [Authorize] (string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

app.Run();
