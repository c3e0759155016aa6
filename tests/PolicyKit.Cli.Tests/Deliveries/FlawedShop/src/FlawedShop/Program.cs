using System.Security.Cryptography;
using System.Text;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization();
var app = builder.Build();

// Anonymous endpoint that deletes orders.
app.MapPost("/orders/{id}/delete", (int id) => Results.Ok(id));

app.MapGet("/hash", (string text) =>
{
    using var md5 = MD5.Create();
    return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(text)));
});

app.Run();
