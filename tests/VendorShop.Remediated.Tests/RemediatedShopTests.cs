using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyKit.AspNetCore;
using VendorShop.Remediated.Models;

namespace VendorShop.Remediated.Tests;

/// <summary>The policy at work in the running application (policykit.json: minimumLength 12, lockout 5, banned list,
/// rejectContextWords, denyByDefault, secure Lax cookies).</summary>
public sealed class RemediatedShopTests : IClassFixture<ShopFactory>
{
    private readonly ShopFactory factory;

    public RemediatedShopTests(ShopFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("Sh0rt!pass", "PolicyKit.PasswordTooShort")]
    [InlineData("qwerty123456", "PolicyKit.PasswordBanned")]
    [InlineData("hanako.sato-2026-spring", "PolicyKit.PasswordContextDerived")]
    public async Task Password_validator_rejects_what_the_policy_forbids(string password, string code)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var user = new ShopUser { UserName = "hanako.sato@contoso-retail.example", Email = "hanako.sato@contoso-retail.example" };

        var result = await users.CreateAsync(user, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task Password_validator_accepts_a_long_unrelated_passphrase()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var user = new ShopUser { UserName = "ken.ito@contoso-retail.example", Email = "ken.ito@contoso-retail.example" };

        var result = await users.CreateAsync(user, "maple river lantern 42");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Sign_in_cookie_comes_out_secure_httponly_and_lax()
    {
        const string email = "yui.mori@contoso-retail.example";
        const string password = "copper kettle sunrise 7";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
            var created = await users.CreateAsync(new ShopUser { UserName = email, Email = email }, password);
            Assert.True(created.Succeeded);
        }

        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/api/account/login", new LoginRequest(email, password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/admin/customers/export")]
    [InlineData("/api/admin/customers")]
    public async Task Admin_endpoints_refuse_anonymous_callers(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Found });
        if (response.StatusCode == HttpStatusCode.Found)
        {
            Assert.StartsWith("/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Allow_listed_product_search_is_open_and_takes_hostile_input_as_data()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/products?q=%27%20OR%201%3D1%20--");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Startup_check_refuses_a_configuration_weaker_than_the_policy()
    {
        using var weak = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 6)));

        var error = Assert.Throws<PolicyConfigurationException>(() => weak.Services);

        var finding = Assert.Single(error.Findings);
        Assert.Equal("IdentityOptions.Password.RequiredLength", finding.Setting);
        Assert.Contains("IdentityOptions.Password.RequiredLength is 6; password.minimumLength requires at least 12", error.Message, StringComparison.Ordinal);
    }
}
