using System.Collections.Immutable;
using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Tests.Policy;

/// <summary>The anonymous allow-list matching that PK3002 relies on.</summary>
public sealed class AuthorizationSettingsTests
{
    private static AuthorizationSettings With(params string[] entries) =>
        new(ImmutableArray.Create(entries), denyByDefault: true, stateChangingRequireAuthorization: true);

    [Fact]
    public void Baseline_allows_nothing_and_denies_by_default()
    {
        var baseline = AuthorizationSettings.Baseline;
        Assert.True(baseline.DenyByDefault);
        Assert.True(baseline.StateChangingRequireAuthorization);
        Assert.Empty(baseline.AnonymousAllowList);
        Assert.False(baseline.IsAllowListed("/", "HomeController.Index"));
    }

    [Theory]
    [InlineData("/health", "/health")]
    [InlineData("/health", "health/")]
    [InlineData("/Account/Login", "/account/login")]
    [InlineData("/", "/")]
    [InlineData("/", "")]
    [InlineData("~/privacy", "/Privacy")]
    [InlineData("/users/{id}", "/users/{id:int}")]
    [InlineData("/users/{id:int}", "users/{id?}")]
    [InlineData("/files/{path}", "/files/{**path}")]
    public void Route_entries_match_after_normalising(string entry, string route) =>
        Assert.True(With(entry).IsAllowListed(route));

    [Theory]
    [InlineData("/health", "/healthz")]
    [InlineData("/account/login", "/account/logout")]
    [InlineData("/users/{id}", "/users/{userId}")]
    [InlineData("/", "/home")]
    public void Route_entries_do_not_match_other_routes(string entry, string route) =>
        Assert.False(With(entry).IsAllowListed(route));

    [Theory]
    [InlineData("/public/*", "/public/news", true)]
    [InlineData("/public/*", "/public/news/1", false)]
    [InlineData("/public/**", "/public/news/1", true)]
    [InlineData("/public/**", "/public", true)]
    [InlineData("/api/*/status", "/api/orders/status", true)]
    [InlineData("/**", "/anything/at/all", true)]
    public void Route_entries_support_globs(string entry, string route, bool expected) =>
        Assert.Equal(expected, With(entry).IsAllowListed(route));

    [Theory]
    [InlineData("HomeController.Index", "HomeController.Index", true)]
    [InlineData("homecontroller.index", "HomeController.Index", true)]
    [InlineData("AccountController", "AccountController", true)]
    [InlineData("AccountController.*", "AccountController.Login", true)]
    [InlineData("AccountController.*", "AdminController.Login", false)]
    [InlineData("Pages/Privacy", "Pages/Privacy", true)]
    [InlineData("Pages/Public/*", "Pages/Public/Terms", true)]
    [InlineData("Pages/Public/*", "Pages/Public/Legal/Terms", false)]
    [InlineData("Pages/**", "Pages/Public/Legal/Terms", true)]
    [InlineData("*Controller.Index", "Contoso.Web.HomeController.Index", false)]
    [InlineData("**Controller.Index", "Contoso.Web.HomeController.Index", true)]
    public void Symbol_entries_match_names_case_insensitively(string entry, string name, bool expected) =>
        Assert.Equal(expected, With(entry).IsAllowListed(null, name));

    [Fact]
    public void An_endpoint_matches_by_route_or_by_any_of_its_names()
    {
        var settings = With("/account/login", "HomeController");
        Assert.True(settings.IsAllowListed("/Account/Login", "AccountController.Login"));
        Assert.True(settings.IsAllowListed("/home/about", "HomeController.About", "HomeController"));
        Assert.False(settings.IsAllowListed("/account/manage", "AccountController.Manage", "AccountController"));
    }

    [Fact]
    public void Blank_entries_are_ignored()
    {
        var settings = With(" ", string.Empty);
        Assert.False(settings.IsAllowListed("/", string.Empty));
    }

    [Fact]
    public void Route_normalisation_reduces_parameters_to_their_names() =>
        Assert.Equal("users/{id}/files/{path}", AuthorizationSettings.NormalizeRoute("~/Users/{ID:int:min(1)?}//files/{*path}/"));
}
