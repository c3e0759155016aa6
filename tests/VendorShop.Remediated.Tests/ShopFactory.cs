using System;
using System.IO;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VendorShop.Remediated.Tests;

/// <summary>The remediated shop in Production, on a database of its own.</summary>
public sealed class ShopFactory : WebApplicationFactory<Program>
{
    private readonly string database = Path.Combine(Path.GetTempPath(), "vendorshop-" + Guid.NewGuid().ToString("N") + ".db");

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Shop", "Data Source=" + database + ";Pooling=False");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(database);
    }
}
