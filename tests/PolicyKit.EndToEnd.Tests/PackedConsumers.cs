using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PolicyKit.EndToEnd.Tests;

/// <summary>
/// Done once for the whole class: packs PolicyKit and PolicyKit.AspNetCore with a fresh version into a temporary feed,
/// copies samples/VendorShop and samples/VendorShop.Remediated into a temporary folder as package consumers, and
/// builds both with the installed SDK, writing SARIF 2.1. Everything lives under one temporary folder, with its own
/// NuGet cache, so a stale PolicyKit is never restored and the user's cache never receives one.
/// </summary>
public sealed class PackedConsumers : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "policykit-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Feed => Path.Combine(Root, "feed");

    public Consumer VendorShop { get; private set; } = null!;

    public Consumer Remediated { get; private set; } = null!;

    public TimeSpan PackTime { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var clock = Stopwatch.StartNew();
        foreach (var project in new[] { "src/PolicyKit/PolicyKit.csproj", "src/PolicyKit.AspNetCore/PolicyKit.AspNetCore.csproj" })
        {
            // Built in an artifacts folder of its own: the repository's bin/obj and their version stay untouched.
            var (exit, output) = await DotnetProcess.RunAsync(RepositoryRoot, new Dictionary<string, string>(),
                "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, "-nodeReuse:false",
                "-p:Version=" + Version, "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + Path.Combine(Root, "artifacts"),
                "-p:ContinuousIntegrationBuild=true");
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed ({exit}):{Environment.NewLine}{output}");
            }
        }

        PackTime = clock.Elapsed;
        WriteConsumerFolder();
        VendorShop = CopyConsumer("VendorShop", "PolicyKit");
        Remediated = CopyConsumer("VendorShop.Remediated", "PolicyKit.AspNetCore");

        clock.Restart();
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };
        await Task.WhenAll(
            VendorShop.BuildAsync(environment),
            Remediated.BuildAsync(environment, "-t:Build", "-getItem:AdditionalFiles", "-getItem:Analyzer")).ConfigureAwait(false);
        BuildTime = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is under the temporary directory anyway.
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    }

    // Stops MSBuild and NuGet from reading anything above the temporary folder, and names the feeds: the temporary
    // feed is the only source of PolicyKit*, everything else comes from nuget.org (the machine's mirror).
    private void WriteConsumerFolder()
    {
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.Copy(Path.Combine(RepositoryRoot, "global.json"), Path.Combine(Root, "global.json"));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="policykit-e2e" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="policykit-e2e">
                  <package pattern="PolicyKit" />
                  <package pattern="PolicyKit.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    private Consumer CopyConsumer(string sample, string package)
    {
        var source = Path.Combine(RepositoryRoot, "samples", sample);
        var target = Path.Combine(Root, sample);
        CopySources(source, target);
        // The user's global packages folder serves everything but PolicyKit without a download.
        var fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(target, sample + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{sample}</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestoreAdditionalProjectFallbackFolders>{fallback}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{Version}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
                <PackageReference Include="Microsoft.AspNetCore.Identity.EntityFrameworkCore" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        return new Consumer(target, Path.Combine(target, sample + ".csproj"), Path.Combine(Root, sample + ".sarif"));
    }

    private static void CopySources(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".csproj", StringComparison.Ordinal) && name != "Directory.Build.props")
            {
                File.Copy(file, Path.Combine(target, name));
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopySources(directory, Path.Combine(target, name));
            }
        }
    }
}
