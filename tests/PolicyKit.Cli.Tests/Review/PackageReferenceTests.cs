using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PolicyKit.Cli.Review;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

/// <summary>
/// The NuGet packages a delivery declares are read as metadata (global packages folder, PolicyKit's cache or a
/// fetched .nupkg), never restored or run; what cannot be resolved is named and keeps the analysis incomplete.
/// No test touches the network: the download source is a folder (<see cref="TestNuGetSource"/>).
/// </summary>
public sealed class PackageReferenceTests
{
    [Fact]
    public async Task VendorShop_binds_its_ef_core_and_sqlite_calls_and_finds_both_sql_injections()
    {
        using var delivery = VendorShopDelivery.Create();

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md", "--view", "all", "--lang", "en", "--offline");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var sql = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "PK1001")
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation"))
            .Select(l => l.GetProperty("artifactLocation").GetProperty("uri").GetString() + ":" + l.GetProperty("region").GetProperty("startLine").GetInt32())
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "Services/ProductSearch.cs:13", "Services/ProductSearch.cs:21" }, sql);

        var diagnosis = File.ReadAllText(Path.Combine(delivery.Out, "policykit-diagnosis.md"));
        var bound = Regex.Match(diagnosis, @"\| Invocations bound to symbols \| (\d+) / (\d+) ");
        Assert.True(bound.Success, diagnosis);
        var share = double.Parse(bound.Groups[1].Value, CultureInfo.InvariantCulture) / double.Parse(bound.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(share >= 0.9, "bound share " + share);
        Assert.DoesNotContain("Analysis incomplete", diagnosis);

        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("- Microsoft.EntityFrameworkCore.Sqlite 10.0.15 (NuGet global packages folder)", markdown);
        Assert.Contains("- Microsoft.AspNetCore.Identity.EntityFrameworkCore 10.0.15 (NuGet global packages folder)", markdown);
        Assert.Contains("- Microsoft.Data.Sqlite.Core 10.0.15 (NuGet global packages folder)", markdown);
        Assert.Contains("| VendorShop.csproj | net10.0 | 12 | 319 | 0 / 0 / 0 / 0 | 0 |", markdown);
        var packages = run.GetProperty("properties").GetProperty("packages").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("Microsoft.EntityFrameworkCore.Relational 10.0.15 (NuGet global packages folder)", packages);

        // Microsoft.Extensions.* come with ASP.NET Core's shared framework: the packages are not referenced twice.
        Assert.DoesNotContain(packages, p => p!.StartsWith("Microsoft.Extensions.Caching.Memory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offline_review_with_a_missing_package_is_incomplete_and_names_the_package()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        AddPackageReference(delivery, "Contoso.Missing", "1.2.3");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md", "--view", "all", "--lang", "en", "--offline");

        Assert.True(result.ExitCode == 0, result.ToString());
        var checklist = File.ReadAllText(Path.Combine(delivery.Out, "policykit-checklist.md"));
        Assert.Contains("Analysis incomplete: this review does not imply a pass.", checklist);
        Assert.Contains("a NuGet package was not resolved", checklist);
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("`src/CleanShop/CleanShop.csproj: Contoso.Missing 1.2.3`: NuGet package not resolved", markdown);
        Assert.Contains("not in the local package folders (--offline)", markdown);
        Assert.Contains("| Contoso.Missing 1.2.3 |", markdown);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var unresolved = sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("resolution")[0].GetProperty("packagesUnresolved");
        Assert.Equal("Contoso.Missing 1.2.3", Assert.Single(unresolved.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Central_versions_are_read_from_directory_packages_props_and_a_missing_patch_is_a_named_substitution()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Microsoft.Data.Sqlite.Core" Version="10.0.999" />
              </ItemGroup>
            </Project>
            """);
        delivery.Write("src/Shop/Shop.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Data.Sqlite.Core" /></ItemGroup>
            </Project>
            """);
        delivery.Write("src/Shop/Orders.cs", """
            using Microsoft.Data.Sqlite;

            namespace Shop;

            public sealed class Orders(SqliteConnection connection)
            {
                public object? Count(string customer)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM Orders WHERE Customer = '" + customer + "'";
                    return command.ExecuteScalar();
                }
            }
            """);

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "sarif,md", "--lang", "en", "--offline");

        Assert.True(result.ExitCode == 1, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("- Microsoft.Data.Sqlite.Core 10.0.15 (NuGet global packages folder; 10.0.999 requested, not available)", markdown);
        Assert.Contains("| src/Shop/Shop.csproj | net10.0 | 1 | 13 | 0 / 0 / 0 / 0 | 0 |", markdown);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var rule = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("PK1001", rule.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_package_with_a_zip_slip_entry_is_refused_and_nothing_is_written_outside_the_cache()
    {
        using var work = TempDelivery.Empty();
        var source = Path.Combine(work.Root, "source");
        TestNuGetSource.WritePackage(source, "Contoso.Slip", "1.0.0", new[] { ("lib/net10.0/Contoso.Slip.dll", Assembly()), ("../../escaped.dll", Assembly()) });
        using var fetcher = new NuGetPackageFetcher(Path.Combine(work.Root, "global"), Path.Combine(work.Root, "cache"), source, offline: false);
        Assert.True(NuGetVersion.TryParse("1.0.0", out var version));

        var (folder, error) = await fetcher.FetchAsync("Contoso.Slip", version, null, CancellationToken.None);

        Assert.Null(folder);
        Assert.Contains("path traversal", error);
        Assert.Empty(Directory.GetFiles(work.Root, "escaped.dll", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(work.Root)!, "escaped.dll"));
        Assert.Null(fetcher.FindLocal("Contoso.Slip", version));
    }

    [Fact]
    public async Task A_package_with_an_oversized_entry_is_refused()
    {
        using var work = TempDelivery.Empty();
        var source = Path.Combine(work.Root, "source");
        TestNuGetSource.WritePackage(source, "Contoso.Huge", "1.0.0", new[] { ("lib/net10.0/Contoso.Huge.dll", new byte[(int)PackageArchive.MaxEntryBytes + 1]) });
        using var fetcher = new NuGetPackageFetcher(Path.Combine(work.Root, "global"), Path.Combine(work.Root, "cache"), source, offline: false);
        Assert.True(NuGetVersion.TryParse("1.0.0", out var version));

        var (folder, error) = await fetcher.FetchAsync("Contoso.Huge", version, null, CancellationToken.None);

        Assert.Null(folder);
        Assert.Contains("over the 64 MB cap: package refused", error);
        Assert.False(Directory.Exists(Path.Combine(work.Root, "cache", "contoso.huge", "1.0.0")));
    }

    [Fact]
    public async Task A_fetched_package_yields_only_its_assemblies_and_nuspec()
    {
        using var work = TempDelivery.Empty();
        var source = Path.Combine(work.Root, "source");
        TestNuGetSource.WritePackage(source, "Contoso.Tools", "2.0.0", new[]
        {
            ("lib/net8.0/Contoso.Tools.dll", Assembly()),
            ("lib/netstandard2.0/Contoso.Tools.dll", Assembly()),
            ("tools/install.ps1", "Write-Host pwned"u8.ToArray()),
            ("build/Contoso.Tools.targets", "<Project />"u8.ToArray()),
        });
        using var fetcher = new NuGetPackageFetcher(Path.Combine(work.Root, "global"), Path.Combine(work.Root, "cache"), source, offline: false);
        Assert.True(NuGetVersion.TryParse("2.0.0", out var version));

        var (folder, error) = await fetcher.FetchAsync("Contoso.Tools", version, null, CancellationToken.None);

        Assert.True(folder is not null, error);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Contoso.Tools.nuspec", "lib/net8.0/Contoso.Tools.dll", "lib/netstandard2.0/Contoso.Tools.dll" }, files);
        Assert.Equal(folder, fetcher.FindLocal("Contoso.Tools", version)?.Folder);
    }

    [Fact]
    public async Task A_review_names_a_refused_package_from_the_source()
    {
        var id = "Contoso.Slip" + Guid.NewGuid().ToString("N")[..8];
        TestNuGetSource.WritePackage(TestNuGetSource.Folder, id, "1.0.0", new[] { ("lib/net10.0/x.dll", Assembly()), ("lib/../../../escaped.dll", Assembly()) });
        using var delivery = TempDelivery.Of("CleanShop");
        AddPackageReference(delivery, id, "1.0.0");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md"));
        Assert.Contains("`src/CleanShop/CleanShop.csproj: " + id + " 1.0.0`: NuGet package not resolved", markdown);
        Assert.Contains("(path traversal): package refused", markdown);
    }

    [Fact]
    public async Task A_package_id_that_is_a_path_is_not_looked_up_and_is_named()
    {
        using var delivery = TempDelivery.Of("CleanShop");
        AddPackageReference(delivery, "../../../outside", "1.0.0");

        var result = await PolicyKitCli.RunAsync("review", delivery.Path, "--out", delivery.Out, "--format", "md", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("`src/CleanShop/CleanShop.csproj: ../../../outside 1.0.0`: NuGet package not resolved: code using it is analysed with unresolved types — '../../../outside' is not a NuGet package id", File.ReadAllText(Path.Combine(delivery.Out, "policykit-report.md")));
    }

    [Theory]
    [InlineData("net10.0", "net10.0")]
    [InlineData("net9.0", "net8.0")]
    [InlineData("net7.0", "netstandard2.1")]
    [InlineData("v4.7.2", "net462")]
    [InlineData("net48", "net48")]
    [InlineData("net461", "netstandard2.0")]
    [InlineData("netstandard2.0", "netstandard2.0")]
    public void The_nearest_asset_folder_is_chosen_for_the_project_framework(string project, string expected)
    {
        var folders = new[] { "net10.0", "net8.0", "netstandard2.1", "netstandard2.0", "net462", "net48", "net8.0-windows7.0", "portable-net45+win8" };
        var framework = TargetFrameworkMoniker.ForProject(project);
        var candidates = folders.Where(f => project != "net461" || f is "netstandard2.0" or "netstandard2.1" or "net8.0");

        var (found, folder) = framework.Nearest(candidates.Select(f => (f, f)));

        Assert.True(found);
        Assert.Equal(expected, folder);
    }

    [Theory]
    [InlineData("10.0.15", "10.0.15", true)]
    [InlineData("10.0.15", "10.0.20", true)]
    [InlineData("10.0.15", "10.0.14", false)]
    [InlineData("[10.0.15]", "10.0.16", false)]
    [InlineData("[1.0, 2.0)", "2.0.0", false)]
    [InlineData("[1.0, 2.0)", "1.9.9", true)]
    [InlineData("10.0.*", "10.0.99", true)]
    [InlineData("10.0.*", "10.1.0", false)]
    [InlineData("10.0.*", "10.0.1-preview.1", false)]
    public void Version_ranges_are_read_as_nuget_reads_them(string range, string version, bool expected)
    {
        Assert.True(NuGetVersionRange.TryParse(range, out var parsed));
        Assert.True(NuGetVersion.TryParse(version, out var parsedVersion));

        Assert.Equal(expected, parsed.Satisfies(parsedVersion));
    }

    private static void AddPackageReference(TempDelivery delivery, string id, string version)
    {
        var project = delivery.File("src/CleanShop/CleanShop.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"  <ItemGroup><PackageReference Include=\"{id}\" Version=\"{version}\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
    }

    // A small real assembly to put in a package.
    private static byte[] Assembly() => File.ReadAllBytes(typeof(PackageReferenceTests).Assembly.Location);
}
