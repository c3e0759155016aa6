using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

public sealed class BadInputTests
{
    [Fact]
    public async Task Missing_path_is_exit_2_with_a_message()
    {
        using var delivery = TempDelivery.Empty();

        var result = await PolicyKitCli.RunAsync("review", Path.Combine(delivery.Root, "nope"), "--out", delivery.Out);

        AssertBadInput(result, "does not exist", delivery.Out);
    }

    [Fact]
    public async Task Empty_folder_is_exit_2()
    {
        using var delivery = TempDelivery.Empty();

        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out), "is empty", delivery.Out);
    }

    [Fact]
    public async Task Folder_without_csharp_is_exit_2()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("index.html", "<html></html>");
        delivery.Write("bin/Release/App.cs", "class BuildOutput {}");

        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out), "holds no C# source files", delivery.Out);
    }

    [Fact]
    public async Task Invalid_policy_is_exit_2_with_line_and_column()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        delivery.Write("policykit.json", "{\n  \"schemaVersion\": \"1\",\n  \"pasword\": {}\n}\n");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out);

        AssertBadInput(result, "policykit.json(3,3): UnknownKey", delivery.Out);
    }

    [Fact]
    public async Task Unknown_option_and_bad_values_are_exit_2()
    {
        using var delivery = TempDelivery.Of("CleanShop");

        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--colour"), "unknown option '--colour'", delivery.Out);
        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "pdf"), "unknown format 'pdf'", delivery.Out);
        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--lang", "fr"), "unknown language 'fr'", delivery.Out);
        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--profile", "gdpr"), "unknown profile 'gdpr'", delivery.Out);
        AssertBadInput(await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--baseline", Path.Combine(delivery.Root, "none.sarif")), "cannot read the baseline", delivery.Out);
    }

    [Fact]
    public async Task Binary_junk_huge_and_non_utf8_files_become_not_checked_items()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[10] = 0;
        File.WriteAllBytes(delivery.File("src/FlawedShop/Junk.cs"), junk);
        using (var huge = File.Create(delivery.File("src/FlawedShop/Generated.cs")))
        {
            huge.SetLength(50L * 1024 * 1024);
            huge.Write("// generated\n"u8);
        }

        // "// 日本語" in Shift_JIS, then a class with weak hashing: still analysed.
        byte[] sjis = [0x2F, 0x2F, 0x20, 0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x0A];
        File.WriteAllBytes(delivery.File("src/FlawedShop/Legacy.cs"), [.. sjis, .. "class Legacy { byte[] H(byte[] b) => System.Security.Cryptography.SHA1.HashData(b); }\n"u8]);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        Assert.True(result.ExitCode == 1, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("`src/FlawedShop/Junk.cs`: binary content named .cs", markdown);
        Assert.Contains("`src/FlawedShop/Generated.cs`: too large", markdown);
        Assert.Contains("`src/FlawedShop/Legacy.cs`: not UTF-8", markdown);
        Assert.Contains("PK4001 Weak hash algorithm — `src/FlawedShop/Legacy.cs:2`", markdown);
    }

    [Fact]
    public async Task Unreadable_file_becomes_a_not_checked_item()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // chmod 000 does not stop root (CI runs as root): nothing to prove there.
            return;
        }

        using var delivery = TempDelivery.Of("CleanShop");
        delivery.Write("src/CleanShop/Locked.cs", "class Locked {}");
        File.SetUnixFileMode(delivery.File("src/CleanShop/Locked.cs"), UnixFileMode.None);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md");

        Assert.Contains("Locked.cs`: cannot be read", File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md")), StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Cancelled_review_writes_no_report()
    {
        using var delivery = TempDelivery.Of("FlawedShop");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await PolicyKitCli.RunAsync(cancelled.Token, "review", delivery.Path, "--out", delivery.Out);

        Assert.Equal(130, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(delivery.Out));
    }

    private static void AssertBadInput(CliResult result, string message, string output)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }
}
