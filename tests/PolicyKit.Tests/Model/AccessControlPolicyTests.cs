namespace PolicyKit.Tests.Model;

public sealed class AccessControlPolicyTests
{
    private static readonly AccessControlPolicy Policy = new()
    {
        DenyByDefault = true,
        IndividualAccountsOnly = true,
        DefaultRole = "reader",
        Roles = new[]
        {
            new Role { Name = "reader", Permissions = new[] { "payroll:read" } },
            new Role { Name = "clerk", Permissions = new[] { "payroll:*" } },
            new Role { Name = "admin", Permissions = new[] { "*" }, Administrative = true },
        },
        AnonymousAllowList = new[] { "/", "/health", "/account/login", "HomeController.Index", "/public/**" },
    };

    [Theory]
    [InlineData("/health")]
    [InlineData("/HEALTH")]
    [InlineData("HomeController.Index")]
    [InlineData("/public/css/site.css")]
    public void Allows_anonymous_access_to_allow_listed_resources(string resource)
    {
        Assert.True(Policy.IsAllowed(AccessSubject.Anonymous, "payroll:read", resource));
    }

    [Theory]
    [InlineData("/payroll")]
    [InlineData("/healthz")]
    [InlineData("/publicity")]
    public void Denies_anonymous_access_elsewhere(string resource)
    {
        Assert.False(Policy.IsAllowed(AccessSubject.Anonymous, "payroll:read", resource));
    }

    [Fact]
    public void Grants_by_exact_prefix_and_wildcard_permissions()
    {
        Assert.True(Policy.IsAllowed(AccessSubject.User("a", "reader"), "payroll:read", "/payroll"));
        Assert.False(Policy.IsAllowed(AccessSubject.User("a", "reader"), "payroll:write", "/payroll"));
        Assert.True(Policy.IsAllowed(AccessSubject.User("b", "clerk"), "payroll:write", "/payroll"));
        Assert.False(Policy.IsAllowed(AccessSubject.User("b", "clerk"), "users:delete", "/users"));
        Assert.True(Policy.IsAllowed(AccessSubject.User("c", "admin"), "users:delete", "/users"));
    }

    [Fact]
    public void Gives_authenticated_users_without_roles_the_least_privileged_default_role()
    {
        Assert.True(Policy.IsAllowed(AccessSubject.User("d"), "payroll:read", "/payroll"));
        Assert.False(Policy.IsAllowed(AccessSubject.User("d"), "payroll:write", "/payroll"));
    }

    [Fact]
    public void Denies_shared_accounts_when_individual_accounts_are_required()
    {
        var shared = AccessSubject.User("ops", "admin") with { IsSharedAccount = true };

        Assert.False(Policy.IsAllowed(shared, "payroll:read", "/payroll"));
        Assert.True(Policy.IsAllowed(shared, "payroll:read", "/health"));
    }

    [Fact]
    public void Denies_unknown_operations_by_default_and_allows_them_when_not()
    {
        var open = Policy with { DenyByDefault = false };

        Assert.False(Policy.IsAllowed(AccessSubject.User("a", "reader"), "reports:read", "/reports"));
        Assert.True(open.IsAllowed(AccessSubject.User("a", "reader"), "reports:read", "/reports"));
        Assert.False(open.IsAllowed(AccessSubject.User("a", "reader"), "payroll:write", "/payroll"));
    }
}
