using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Policy;

/// <summary>PK9001: a broken or incomplete policykit.json is reported inside the JSON, at its line and column.</summary>
public sealed class PK9001PolicyFileInvalidTests
{
    private const string Code = "class C { }";

    private static async Task<Diagnostic[]> Run(string policy) =>
        (await PolicyRun.DiagnosticsAsync(Code, policy, new PK9001PolicyFileInvalidAnalyzer())).ToArray();

    private static (int Line, int Column) Start(Diagnostic d)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        return (position.Line + 1, position.Character + 1);
    }

    [Fact]
    public async Task Reports_a_trailing_comma_at_its_position_in_the_json()
    {
        var diagnostics = await Run("{\n  \"password\": {\n    \"minimumLength\": 12,\n  }\n}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyRun.PolicyPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal((3, 24), Start(diagnostic));
        Assert.Contains("omma", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_wrong_type_at_the_value()
    {
        var diagnostics = await Run("{\n  \"password\": { \"minimumLength\": \"twelve\" }\n}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((2, 34), Start(diagnostic));
        Assert.StartsWith("password.minimumLength:", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_an_unknown_key_at_the_key()
    {
        var diagnostics = await Run("{\n  \"session\": {\n    \"idleTimeout\": 15\n  }\n}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((3, 5), Start(diagnostic));
        Assert.Contains("idleTimeout", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_duplicated_key()
    {
        var diagnostics = await Run("{ \"name\": \"a\", \"name\": \"b\" }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((1, 16), Start(diagnostic));
    }

    [Fact]
    public async Task Reports_an_empty_file()
    {
        var diagnostic = Assert.Single(await Run(""));

        Assert.Equal((1, 1), Start(diagnostic));
    }

    [Fact]
    public async Task Reports_each_value_the_mynumber_profile_requires_but_the_file_leaves_undecided_with_its_clause()
    {
        var diagnostics = await Run("{\n  \"profiles\": [\"mynumber\"]\n}");

        var messages = diagnostics.Select(d => d.GetMessage()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("session.idleTimeoutMinutes:", System.StringComparison.Ordinal) && m.EndsWith("(MN-16)", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("password.minimumClassCount:", System.StringComparison.Ordinal) && m.EndsWith("(MN-12)", System.StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(PolicyRun.PolicyPath, d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task Reports_an_unknown_profile_at_the_profiles_list()
    {
        var diagnostics = await Run("{\n  \"profiles\": [\"mynumbr\"]\n}");

        var diagnostic = Assert.Single(diagnostics, d => d.GetMessage().Contains("mynumbr", System.StringComparison.Ordinal));
        Assert.Equal(2, Start(diagnostic).Line);
    }

    [Fact]
    public async Task Is_silent_on_a_complete_valid_policy_and_without_a_policy_file()
    {
        Assert.Empty(await Run("""{ "password": { "minimumLength": 12 }, "session": { "idleTimeoutMinutes": 15 } }"""));
        Assert.Empty(await PolicyRun.DiagnosticsAsync(Code, null, new PK9001PolicyFileInvalidAnalyzer()));
    }
}
