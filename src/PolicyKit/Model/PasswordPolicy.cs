using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyKit;

/// <summary>
/// Password rules (<c>password</c> in policykit.json). Every value is <see langword="null"/> until the adopter or a
/// profile decides it; nothing here has a hidden default.
/// </summary>
public sealed record PasswordPolicy
{
    /// <summary>Least number of characters (Unicode code points, so 𠮷 or あ count as one).</summary>
    public int? MinimumLength { get; init; }

    /// <summary>Greatest number of characters accepted.</summary>
    public int? MaximumLength { get; init; }

    /// <summary>Classes every password must contain; <see cref="CharacterClasses.None"/> when decided as none.</summary>
    public CharacterClasses? RequiredClasses { get; init; }

    /// <summary>Least number of distinct classes (of lower, upper, digit, symbol) a password must contain.</summary>
    public int? MinimumClassCount { get; init; }

    /// <summary>Whether composition rules are forbidden (NIST SP 800-63B 3.1.1.2).</summary>
    public bool? ForbidCompositionRules { get; init; }

    /// <summary>Whether new passwords are checked against breach corpuses.</summary>
    public bool? CheckBreachedPasswords { get; init; }

    /// <summary>Passwords that are never accepted (compared without regard to case).</summary>
    public IReadOnlyList<string>? BannedPasswords { get; init; }

    /// <summary>Whether passwords containing the user name, email or service words are rejected.</summary>
    public bool? RejectContextWords { get; init; }

    /// <summary>Days after which a password must be changed.</summary>
    public int? MaximumAgeDays { get; init; }

    /// <summary>Whether periodic password change is forbidden (NIST SP 800-63B 3.1.1.2).</summary>
    public bool? ForbidPeriodicChange { get; init; }

    /// <summary>How many previous passwords may not be reused.</summary>
    public int? HistoryCount { get; init; }

    /// <summary>Whether an initial password must be changed at first sign-in.</summary>
    public bool? MustChangeInitialPassword { get; init; }

    /// <summary>Whether a reset password must be changed at next sign-in.</summary>
    public bool? MustChangeAfterReset { get; init; }

    /// <summary>Account lockout.</summary>
    public LockoutRule Lockout { get; init; } = new();

    /// <summary>Password storage.</summary>
    public PasswordHashingRule Hashing { get; init; } = new();

    /// <summary>
    /// Checks a candidate password and returns every clause it breaks (empty when it passes). Lengths count Unicode
    /// code points, not UTF-16 units.
    /// </summary>
    /// <param name="candidate">The password.</param>
    /// <param name="context">User name, email and service words it must not contain; <see langword="null"/> for none.</param>
    /// <returns>The violations, in the order of the clauses.</returns>
    public IReadOnlyList<PasswordViolation> Evaluate(string candidate, PasswordContext? context = null) =>
        Evaluate(candidate, context, static _ => Provenance.Adopter);

    internal IReadOnlyList<PasswordViolation> Evaluate(string candidate, PasswordContext? context, Func<string, Provenance> sourceOf)
    {
        candidate ??= string.Empty;
        context ??= PasswordContext.None;
        var violations = new List<PasswordViolation>();
        var length = CountCodePoints(candidate);
        if (MinimumLength is int min && length < min)
        {
            Add(violations, PasswordViolationKind.TooShort, "password.minimumLength", $"The password has {N(length)} characters; at least {N(min)} are required.", sourceOf);
        }

        if (MaximumLength is int max && length > max)
        {
            Add(violations, PasswordViolationKind.TooLong, "password.maximumLength", $"The password has {N(length)} characters; at most {N(max)} are allowed.", sourceOf);
        }

        var present = ClassesOf(candidate);
        if (RequiredClasses is CharacterClasses required)
        {
            foreach (var cls in new[] { CharacterClasses.Lower, CharacterClasses.Upper, CharacterClasses.Digit, CharacterClasses.Symbol })
            {
                if ((required & cls) != 0 && (present & cls) == 0)
                {
                    Add(violations, PasswordViolationKind.MissingCharacterClass, "password.requiredClasses", $"The password needs at least one {Describe(cls)}.", sourceOf);
                }
            }
        }

        if (MinimumClassCount is int classCount && CountClasses(present) < classCount)
        {
            Add(violations, PasswordViolationKind.TooFewCharacterClasses, "password.minimumClassCount", $"The password uses {N(CountClasses(present))} of lower case, upper case, digits and symbols; at least {N(classCount)} are required.", sourceOf);
        }

        if (BannedPasswords is { } banned)
        {
            foreach (var word in banned)
            {
                if (string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    Add(violations, PasswordViolationKind.Banned, "password.bannedPasswords", "The password is on the list of banned passwords.", sourceOf);
                    break;
                }
            }
        }

        if (RejectContextWords == true)
        {
            var found = FindContextWord(candidate, context);
            if (found is not null)
            {
                Add(violations, PasswordViolationKind.ContextDerived, "password.rejectContextWords", $"The password contains \"{found}\", derived from the user name, email or service name.", sourceOf);
            }
        }

        return violations;
    }

    /// <summary>Counts Unicode code points: a surrogate pair is one character.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of code points.</returns>
    public static int CountCodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    private static CharacterClasses ClassesOf(string text)
    {
        var classes = CharacterClasses.None;
        for (var i = 0; i < text.Length; i++)
        {
            UnicodeCategory category;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                i++;
            }
            else
            {
                category = CharUnicodeInfo.GetUnicodeCategory(text[i]);
            }

            classes |= category switch
            {
                UnicodeCategory.LowercaseLetter => CharacterClasses.Lower,
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => CharacterClasses.Upper,
                UnicodeCategory.DecimalDigitNumber => CharacterClasses.Digit,
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharacterClasses.None,
                _ => CharacterClasses.Symbol,
            };
        }

        return classes;
    }

    private static int CountClasses(CharacterClasses classes)
    {
        var count = 0;
        for (var bits = (int)classes; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    private static string? FindContextWord(string candidate, PasswordContext context)
    {
        var words = new List<string>();
        AddWords(words, context.UserName);
        if (context.Email is { } email)
        {
            var at = email.IndexOf('@');
            AddWords(words, at >= 0 ? email.Substring(0, at) : email);
            if (at >= 0)
            {
                var labels = email.Substring(at + 1).Split('.');
                for (var i = 0; i < labels.Length - 1; i++)
                {
                    AddWords(words, labels[i]);
                }
            }
        }

        foreach (var serviceWord in context.ServiceWords)
        {
            AddWords(words, serviceWord);
        }

        foreach (var word in words)
        {
            if (candidate.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return word;
            }
        }

        return null;
    }

    // Words shorter than three characters ("a", "jp") would reject most passwords without making them safer.
    private static void AddWords(List<string> words, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text!.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i - start >= 3)
                {
                    words.Add(text.Substring(start, i - start));
                }

                start = -1;
            }
        }
    }

    private static string Describe(CharacterClasses cls) => cls switch
    {
        CharacterClasses.Lower => "lower-case letter",
        CharacterClasses.Upper => "upper-case letter",
        CharacterClasses.Digit => "digit",
        _ => "symbol",
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(List<PasswordViolation> violations, PasswordViolationKind kind, string path, string message, Func<string, Provenance> sourceOf) =>
        violations.Add(new PasswordViolation(kind, path, message, sourceOf(path)));
}
