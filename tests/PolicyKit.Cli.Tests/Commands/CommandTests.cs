using System.IO;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Commands;

public sealed class CommandTests
{
    [Theory]
    [InlineData("baseline")]
    [InlineData("mynumber")]
    [InlineData("mic,ipa-contractor")]
    [InlineData("asvs5-l2")]
    public async Task Init_writes_a_policy_that_validates_and_lists_the_decisions(string profiles)
    {
        using var folder = TempDelivery.Empty();
        var path = Path.Combine(folder.Out, "policykit.json");

        var init = await PolicyKitCli.RunAsync("init", "--profile", profiles, "--out", path);
        var validate = await PolicyKitCli.RunAsync("validate", path);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("decide before use", init.Output);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("\"CHOOSE: policy name\"", File.ReadAllText(path));
        Assert.Contains("# Decisions to make in policykit.json", File.ReadAllText(Path.Combine(folder.Out, "policykit.decisions.md")));
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_without_force()
    {
        using var folder = TempDelivery.Empty();
        var path = Path.Combine(folder.Out, "policykit.json");
        File.WriteAllText(path, "{}");

        var result = await PolicyKitCli.RunAsync("init", "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public async Task Validate_reports_line_and_column_and_exits_2()
    {
        using var folder = TempDelivery.Empty();
        var path = Path.Combine(folder.Out, "policykit.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": \"1\",\n  \"password\": { \"minimumLength\": \"twelve\" },\n}\n");

        var result = await PolicyKitCli.RunAsync("validate", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path + "(3,", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Explain_prints_the_rule_page_and_rejects_unknown_ids()
    {
        var known = await PolicyKitCli.RunAsync("explain", "pk1001");
        var unknown = await PolicyKitCli.RunAsync("explain", "PK0000");

        Assert.Equal(0, known.ExitCode);
        Assert.StartsWith("# PK1001", known.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("known rules: PK1001", unknown.Error);
    }

    [Fact]
    public async Task No_arguments_and_unknown_commands_are_exit_2()
    {
        Assert.Equal(2, (await PolicyKitCli.RunAsync()).ExitCode);
        Assert.Equal(2, (await PolicyKitCli.RunAsync("reveiw", ".")).ExitCode);
        Assert.Equal(0, (await PolicyKitCli.RunAsync("review", "--help")).ExitCode);
    }
}
