using System;
using Microsoft.AspNetCore.Identity;

namespace PolicyKit.AspNetCore;

/// <summary>Applies <see cref="PasswordPolicy"/> to ASP.NET Core Identity's <see cref="IdentityOptions"/>.</summary>
public static class IdentityOptionsPolicy
{
    /// <summary>
    /// Sets <see cref="PasswordOptions"/> and <see cref="LockoutOptions"/> from the policy: <c>RequiredLength</c> from
    /// <c>password.minimumLength</c>; the <c>Require*</c> flags only for the classes <c>password.requiredClasses</c>
    /// names (all false otherwise, and when <c>forbidCompositionRules</c> is set); lockout from
    /// <c>password.lockout</c>. Values the policy leaves undecided are not touched.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">Identity's options.</param>
    public static void ApplyTo(this PolicySet policy, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var rules = policy.Password;
        if (rules.MinimumLength is int minimum)
        {
            options.Password.RequiredLength = minimum;
        }

        // NIST SP 800-63B 3.1.1.2: no composition rules unless the policy asks for them; the class count, which
        // Identity cannot express, is enforced by PolicyPasswordValidator.
        var classes = rules.ForbidCompositionRules == true ? CharacterClasses.None : rules.RequiredClasses ?? CharacterClasses.None;
        options.Password.RequireLowercase = (classes & CharacterClasses.Lower) != 0;
        options.Password.RequireUppercase = (classes & CharacterClasses.Upper) != 0;
        options.Password.RequireDigit = (classes & CharacterClasses.Digit) != 0;
        options.Password.RequireNonAlphanumeric = (classes & CharacterClasses.Symbol) != 0;
        options.Password.RequiredUniqueChars = 1;

        if (rules.Lockout.Threshold is int threshold)
        {
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = threshold;
        }

        if (rules.Lockout.DurationMinutes is int minutes)
        {
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(minutes);
        }
    }
}
