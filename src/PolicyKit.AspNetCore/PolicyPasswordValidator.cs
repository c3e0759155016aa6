using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;

namespace PolicyKit.AspNetCore;

/// <summary>
/// An ASP.NET Core Identity password validator that enforces the policy's <see cref="PasswordPolicy"/>: length,
/// character classes, banned passwords and passwords derived from the user's name, email or the service name
/// (<see cref="PasswordPolicy.Evaluate(string, PasswordContext?)"/>). Errors are in the current UI culture (English or
/// Japanese) and carry codes starting with <c>PolicyKit.</c>.
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
public sealed class PolicyPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    /// <summary>Code prefix of the errors this validator returns.</summary>
    public const string ErrorCodePrefix = "PolicyKit.";

    private static readonly (CharacterClasses Class, string Key)[] ClassKeys =
    {
        (CharacterClasses.Lower, "PasswordRequiresLower"),
        (CharacterClasses.Upper, "PasswordRequiresUpper"),
        (CharacterClasses.Digit, "PasswordRequiresDigit"),
        (CharacterClasses.Symbol, "PasswordRequiresSymbol"),
    };

    private readonly PolicySet policy;
    private readonly IReadOnlyList<string> serviceWords;

    /// <summary>Creates the validator.</summary>
    /// <param name="policy">The policy (registered by <c>AddPolicyKit</c>).</param>
    /// <param name="environment">The host, whose application name counts as a service word; optional.</param>
    public PolicyPasswordValidator(PolicySet policy, IHostEnvironment? environment = null)
    {
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        serviceWords = environment?.ApplicationName is { Length: > 0 } name ? new[] { name } : Array.Empty<string>();
    }

    /// <inheritdoc/>
    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var context = new PasswordContext
        {
            UserName = user is null ? null : await manager.GetUserNameAsync(user).ConfigureAwait(false),
            Email = user is null || !manager.SupportsUserEmail ? null : await manager.GetEmailAsync(user).ConfigureAwait(false),
            ServiceWords = serviceWords,
        };
        var errors = Describe(password ?? string.Empty, context, CultureInfo.CurrentUICulture);
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>The Identity errors for a candidate password, without a user manager.</summary>
    /// <param name="password">The candidate.</param>
    /// <param name="context">User name, email and service words.</param>
    /// <param name="culture">The language of the descriptions.</param>
    /// <returns>The errors, empty when the password is acceptable.</returns>
    public IReadOnlyList<IdentityError> Describe(string password, PasswordContext context, CultureInfo culture)
    {
        var errors = new List<IdentityError>();
        var rules = policy.Password;
        foreach (var violation in policy.EvaluatePassword(password, context))
        {
            switch (violation.Kind)
            {
                case PasswordViolationKind.TooShort:
                    errors.Add(Error("PasswordTooShort", culture, rules.MinimumLength ?? 0));
                    break;
                case PasswordViolationKind.TooLong:
                    errors.Add(Error("PasswordTooLong", culture, rules.MaximumLength ?? 0));
                    break;
                case PasswordViolationKind.MissingCharacterClass:
                    // One violation per missing class, in this order: emitted once, for all of them.
                    if (errors.Exists(static e => e.Code.StartsWith(ErrorCodePrefix + "PasswordRequires", StringComparison.Ordinal)))
                    {
                        break;
                    }

                    foreach (var (cls, key) in ClassKeys)
                    {
                        // Reuse the model's own classification of characters rather than a second copy of it.
                        if ((rules.RequiredClasses & cls) != 0 && new PasswordPolicy { RequiredClasses = cls }.Evaluate(password).Count > 0)
                        {
                            errors.Add(Error(key, culture));
                        }
                    }

                    break;
                case PasswordViolationKind.TooFewCharacterClasses:
                    errors.Add(Error("PasswordTooFewClasses", culture, rules.MinimumClassCount ?? 0));
                    break;
                case PasswordViolationKind.Banned:
                    errors.Add(Error("PasswordBanned", culture));
                    break;
                case PasswordViolationKind.ContextDerived:
                    errors.Add(Error("PasswordContextDerived", culture));
                    break;
            }
        }

        return errors;
    }

    private static IdentityError Error(string key, CultureInfo culture, params object[] args) =>
        new() { Code = ErrorCodePrefix + key, Description = PasswordErrorText.Get(key, culture, args) };
}
