using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3003PasswordOptionsWeakerThanPolicyAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK3003 on values passed to a settings helper and on sign-in through UserManager.CheckPasswordAsync.</summary>
public sealed class PK3003PasswordOptionsHelperTests
{
    private const string Twelve = """{ "password": { "minimumLength": 12, "lockout": { "threshold": 5, "durationMinutes": 15 } } }""";
    private const string Eight = """{ "password": { "minimumLength": 8, "lockout": { "threshold": 10, "durationMinutes": 15 } } }""";

    private const string Helpers = """
        using Microsoft.AspNetCore.Identity;

        public static class IdentityRules
        {
            public static void Length(PasswordOptions password, int minimum) => password.RequiredLength = minimum;

            public static void Attempts(LockoutOptions lockout, int attempts) => lockout.MaxFailedAccessAttempts = attempts;

            public static void Apply(IdentityOptions options)
            {
                Length(options.Password, [|8|]);
                Attempts(options.Lockout, [|10|]);
            }
        }
        """;

    [Fact]
    public Task Flags_values_a_helper_receives_below_the_policy() => Verify.Analyzer(Twelve, Helpers);

    [Fact]
    public Task Ignores_the_same_values_under_a_laxer_policy() => Verify.NoDiagnostic(Helpers.Replace("[|", "").Replace("|]", ""), Eight);

    [Fact]
    public Task Ignores_other_int_arguments_of_helpers() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;

        public static class IdentityRules
        {
            public static void Length(PasswordOptions password, int minimum, int unique)
            {
                password.RequiredLength = minimum;
                password.RequiredUniqueChars = unique;
            }

            public static void Apply(IdentityOptions options) => Length(options.Password, 14, 1);
        }
        """, Twelve);

    [Fact]
    public Task Flags_a_sign_in_through_check_password_without_counting_failures() => Verify.Analyzer(Twelve, """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class TokenSignIn(UserManager<IdentityUser> users)
        {
            public async Task<bool> Verify(string userName, string password)
            {
                var user = await users.FindByNameAsync(userName);
                if (user is null)
                {
                    return false;
                }

                return await [|users.CheckPasswordAsync(user, password)|];
            }
        }
        """);

    [Fact]
    public Task Ignores_check_password_with_lockout_or_for_the_signed_in_user() => Verify.NoDiagnostic("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        public sealed class TokenSignIn(UserManager<IdentityUser> users)
        {
            public async Task<bool> Verify(string email, string password)
            {
                var user = await users.FindByEmailAsync(email);
                if (user is null || await users.IsLockedOutAsync(user))
                {
                    return false;
                }

                if (await users.CheckPasswordAsync(user, password))
                {
                    await users.ResetAccessFailedCountAsync(user);
                    return true;
                }

                await users.AccessFailedAsync(user);
                return false;
            }

            public async Task<bool> ConfirmBeforeDelete(ClaimsPrincipal principal, string password)
            {
                var user = await users.GetUserAsync(principal);
                return user is not null && await users.CheckPasswordAsync(user, password);
            }
        }
        """, Twelve);
}
