using System.Linq;

namespace PolicyKit.Tests.Model;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new()
    {
        MinimumLength = 8,
        MaximumLength = 12,
        RequiredClasses = CharacterClasses.Lower | CharacterClasses.Digit,
        BannedPasswords = new[] { "password1", "qwerty123" },
        RejectContextWords = true,
    };

    [Theory]
    [InlineData("abcdefg1", 0)]
    [InlineData("abcdef1", 1)]
    [InlineData("abcdefghij12", 0)]
    [InlineData("abcdefghij123", 1)]
    public void Checks_length_bounds_at_the_boundaries(string candidate, int violations)
    {
        Assert.Equal(violations, Policy.Evaluate(candidate).Count(v => v.Kind is PasswordViolationKind.TooShort or PasswordViolationKind.TooLong));
    }

    [Fact]
    public void Counts_surrogate_pairs_as_one_character()
    {
        var policy = new PasswordPolicy { MinimumLength = 4 };

        Assert.Equal(3, PasswordPolicy.CountCodePoints("𠮷𠮷𠮷"));
        Assert.Equal(6, "𠮷𠮷𠮷".Length);
        Assert.Equal(PasswordViolationKind.TooShort, Assert.Single(policy.Evaluate("𠮷𠮷𠮷")).Kind);
        Assert.Empty(policy.Evaluate("𠮷𠮷𠮷𠮷"));
    }

    [Fact]
    public void Counts_japanese_characters_as_characters()
    {
        var policy = new PasswordPolicy { MinimumLength = 8, MaximumLength = 8 };

        Assert.Empty(policy.Evaluate("すずめのとじまり"));
        Assert.Equal(PasswordViolationKind.TooShort, Assert.Single(policy.Evaluate("すずめのとじま")).Kind);
        Assert.Equal(PasswordViolationKind.TooLong, Assert.Single(policy.Evaluate("すずめのとじまりだ")).Kind);
    }

    [Fact]
    public void Reports_every_violated_clause()
    {
        var violations = new PasswordPolicy
        {
            MinimumLength = 10,
            RequiredClasses = CharacterClasses.Lower | CharacterClasses.Upper | CharacterClasses.Digit | CharacterClasses.Symbol,
            MinimumClassCount = 3,
        }.Evaluate("abc");

        Assert.Equal(
            new[]
            {
                PasswordViolationKind.TooShort, PasswordViolationKind.MissingCharacterClass, PasswordViolationKind.MissingCharacterClass,
                PasswordViolationKind.MissingCharacterClass, PasswordViolationKind.TooFewCharacterClasses,
            },
            violations.Select(v => v.Kind));
        Assert.Equal("password.minimumLength", violations[0].JsonPath);
        Assert.Contains("at least 10", violations[0].Message);
    }

    [Fact]
    public void Japanese_letters_belong_to_no_class_and_symbols_to_symbol()
    {
        var policy = new PasswordPolicy { RequiredClasses = CharacterClasses.Symbol | CharacterClasses.Digit, MinimumClassCount = 2 };

        Assert.Empty(policy.Evaluate("日本 1"));
        Assert.Equal(2, policy.Evaluate("日本語").Count(v => v.Kind == PasswordViolationKind.MissingCharacterClass));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("PASSWORD1")]
    public void Rejects_banned_passwords_regardless_of_case(string candidate)
    {
        Assert.Contains(Policy.Evaluate(candidate), v => v.Kind == PasswordViolationKind.Banned);
    }

    [Fact]
    public void Accepts_a_banned_word_inside_a_longer_password()
    {
        Assert.DoesNotContain(Policy.Evaluate("xpassword1"), v => v.Kind == PasswordViolationKind.Banned);
    }

    [Theory]
    [InlineData("yamada2024x", "user name")]
    [InlineData("taro.y1x", "email local part")]
    [InlineData("contoso9zz", "email domain")]
    [InlineData("payroll77a", "service word")]
    public void Rejects_context_derived_passwords(string candidate, string because)
    {
        var context = new PasswordContext { UserName = "yamada", Email = "taro.y@contoso.co.jp", ServiceWords = new[] { "Payroll Portal" } };

        var violation = Policy.Evaluate(candidate, context).SingleOrDefault(v => v.Kind == PasswordViolationKind.ContextDerived);

        Assert.True(violation is not null, because);
    }

    [Fact]
    public void Ignores_context_words_shorter_than_three_characters_and_when_not_asked()
    {
        var context = new PasswordContext { UserName = "jo", Email = "jo@a.jp" };

        Assert.Empty(Policy.Evaluate("jojojo12", context));
        Assert.Empty(new PasswordPolicy().Evaluate("yamada", new PasswordContext { UserName = "yamada" }));
    }

    [Fact]
    public void An_undecided_policy_accepts_anything()
    {
        Assert.Empty(new PasswordPolicy().Evaluate(string.Empty));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Locks_out_at_the_threshold(int failures, bool locked)
    {
        Assert.Equal(locked, new LockoutRule { Threshold = 5, DurationMinutes = 15 }.IsLockedOut(failures));
    }

    [Fact]
    public void Never_locks_out_without_a_threshold()
    {
        Assert.False(new LockoutRule().IsLockedOut(1000));
    }

    [Fact]
    public void Policy_set_evaluation_carries_the_clause_of_each_violation()
    {
        var set = new PolicySet
        {
            Password = new PasswordPolicy { MinimumLength = 12 },
            Sources = new System.Collections.Generic.Dictionary<string, Provenance> { ["password.minimumLength"] = Provenance.Clause("MN-11", "mynumber") },
        };

        var violation = Assert.Single(set.EvaluatePassword("short"));

        Assert.Equal("MN-11", violation.Source.ClauseId);
        Assert.Equal("mynumber", violation.Source.Profile);
    }
}
