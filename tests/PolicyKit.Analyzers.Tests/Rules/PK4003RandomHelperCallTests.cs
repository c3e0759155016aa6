using System.Threading.Tasks;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK4003RandomHelperCallAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK4003RandomHelperCallTests
{
    private const string Helper = """
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        namespace Shop.Text;
        public static class TextGen
        {
            private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
            public static string Word(int length)
            {
                var random = new Random();
                return new string(Enumerable.Repeat(Letters, length).Select(s => s[random.Next(s.Length)]).ToArray());
            }
            public static string SecureWord(int length) => RandomNumberGenerator.GetString(Letters, length);
            public static string Colour() => $"#{Random.Shared.Next(0x1000000):x6}";
        }
        """;

    [Fact]
    public Task Flags_a_secret_made_by_a_random_helper_in_another_file()
    {
        var test = Verify.Create("""
            using Shop.Text;
            public class Member { public string? ResetCode { get; set; } }
            class Accounts
            {
                public string NewRecoveryCode() => [|TextGen.Word(12)|];
                public void StartReset(Member member) { member.ResetCode = [|TextGen.Word(8)|]; }
            }
            """);
        test.TestState.Sources.Add(("TextGen.cs", Helper));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_helper_in_a_type_named_for_codes_when_a_caller_makes_a_secret()
    {
        var test = Verify.Create("""
            using Shop.Text;
            class Subscriptions
            {
                public string UnsubscribeCode() => [|Pins.Four()|];
                public string Reference() => Pins.Four();
            }
            """);
        test.TestState.Sources.Add(("Pins.cs", """
            using System;
            using System.Text;
            namespace Shop.Text;
            public static class Pins
            {
                public static string Four()
                {
                    var random = Random.Shared;
                    var text = new StringBuilder();
                    while (text.Length < 4) text.Append((char)('0' + random.Next(10)));
                    return text.ToString();
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Ignores_the_helper_for_display_values_and_a_secure_helper()
    {
        var test = Verify.Create("""
            using Shop.Text;
            class Profiles
            {
                public string DisplayName() => TextGen.Word(6);
                public string NewRecoveryCode() => TextGen.SecureWord(12);
                public string BadgeColour() => TextGen.Colour();
                public string ApiKeyLabel() { var label = TextGen.Word(4); return label; }
            }
            """);
        test.TestState.Sources.Add(("TextGen.cs", Helper));
        return test.RunAsync();
    }
}
