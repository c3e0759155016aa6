using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace PolicyKit.EndToEnd.Tests;

/// <summary>Pack, consume, build: what a user of the PolicyKit packages gets with the installed SDK.</summary>
public sealed partial class PackageEndToEndTests : IClassFixture<PackedConsumers>
{
    private static readonly string[] LoadFailures = { "CS8032", "CS8033", "AD0001", "CS8784", "CS8785" };
    private readonly PackedConsumers packed;

    public PackageEndToEndTests(PackedConsumers packed, ITestOutputHelper output)
    {
        this.packed = packed;
        output.WriteLine($"pack {packed.PackTime.TotalSeconds:0}s, consumer builds {packed.BuildTime.TotalSeconds:0}s, version {packed.Version}");
    }

    [Fact]
    public void PolicyKit_package_has_the_documented_layout()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packed.Feed, $"PolicyKit.{packed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var expected in new[]
        {
            "lib/netstandard2.0/PolicyKit.dll", "lib/net10.0/PolicyKit.dll",
            "analyzers/dotnet/cs/PolicyKit.Analyzers.dll", "analyzers/dotnet/cs/PolicyKit.CodeFixes.dll",
            "analyzers/dotnet/cs/ja/PolicyKit.Analyzers.resources.dll",
            "build/PolicyKit.props", "build/PolicyKit.targets", "buildTransitive/PolicyKit.props", "buildTransitive/PolicyKit.targets",
            "README.md", "icon.png",
        })
        {
            Assert.Contains(expected, entries);
        }

        // The analyzers carry the model compiled in: nothing else may sit beside them for the compiler to load.
        Assert.Equal(3, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        var metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("MIT", Child(metadata, "license").Value);
        Assert.Equal("expression", Child(metadata, "license").Attribute("type")?.Value);
        Assert.Equal("icon.png", Child(metadata, "icon").Value);
        Assert.Equal("README.md", Child(metadata, "readme").Value);
        Assert.Equal("https://github.com/policykit/policykit", Child(metadata, "repository").Attribute("url")?.Value);
    }

    [Fact]
    public void AspNetCore_package_depends_on_PolicyKit_with_its_analyzers()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packed.Feed, $"PolicyKit.AspNetCore.{packed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net10.0/PolicyKit.AspNetCore.dll", entries);
        Assert.Contains("lib/net10.0/ja/PolicyKit.AspNetCore.resources.dll", entries);

        var dependency = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value == "PolicyKit");
        Assert.Equal(packed.Version, dependency.Attribute("version")?.Value);
        Assert.Null(dependency.Attribute("exclude"));
    }

    [Fact]
    public void VendorShop_gives_exactly_the_expected_PolicyKit_diagnostics()
    {
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "expected-vendorshop.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var actual = packed.VendorShop.Findings()
            .Where(f => f.RuleId.StartsWith("PK", StringComparison.Ordinal))
            .Select(f => f.ToString())
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual) + "\n\nBuild output:\n" + packed.VendorShop.Output);
    }

    [Fact]
    public void Every_PolicyKit_diagnostic_in_the_build_output_carries_its_help_link()
    {
        var lines = DiagnosticLine().Matches(packed.VendorShop.Output).ToArray();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var id = line.Groups["id"].Value;
            Assert.Contains($"(https://github.com/policykit/policykit/blob/main/docs/rules/{id}.md)", line.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyzers_load_under_the_installed_SDK()
    {
        foreach (var consumer in new[] { packed.VendorShop, packed.Remediated })
        {
            var ids = consumer.Findings().Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
            foreach (var failure in LoadFailures)
            {
                Assert.DoesNotContain(failure, ids);
                Assert.DoesNotContain(failure + ":", consumer.Output, StringComparison.Ordinal);
            }
        }

        Assert.Contains(packed.VendorShop.Findings(), f => f.RuleId.StartsWith("PK", StringComparison.Ordinal));
    }

    [Fact]
    public void Remediated_shop_builds_clean_with_the_analyzers_and_its_policy_from_the_package()
    {
        Assert.True(packed.Remediated.ExitCode == 0, packed.Remediated.Output);
        Assert.DoesNotContain(packed.Remediated.Findings(), f => f.RuleId.StartsWith("PK", StringComparison.Ordinal) || f.Level is "warning" or "error");

        // -getItem prints the final items as JSON: the analyzers came with PolicyKit (through PolicyKit.AspNetCore),
        // and buildTransitive handed them policykit.json and appsettings.json.
        using var items = JsonDocument.Parse(packed.Remediated.Output[packed.Remediated.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var root = items.RootElement.GetProperty("Items");
        var analyzers = root.GetProperty("Analyzer").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToArray();
        var additional = root.GetProperty("AdditionalFiles").EnumerateArray().Select(i => Path.GetFileName(i.GetProperty("Identity").GetString()!)).ToArray();
        Assert.Contains(analyzers, a => a.EndsWith($"policykit/{packed.Version}/analyzers/dotnet/cs/PolicyKit.Analyzers.dll", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("policykit.json", additional);
        Assert.Contains("appsettings.json", additional);
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static XElement Child(XElement parent, string name) => parent.Elements().Single(e => e.Name.LocalName == name);

    [GeneratedRegex(@"^.*: (warning|error) (?<id>PK\d{4}):.*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
