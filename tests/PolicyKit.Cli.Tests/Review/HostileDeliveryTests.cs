using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyKit.Cli.Tests.Infrastructure;

namespace PolicyKit.Cli.Tests.Review;

/// <summary>
/// Deliveries written to harm the reviewer (issue 9): each ends in a report or a clear error, nothing outside the
/// delivery is read, nothing of the vendor's runs, nothing is read whole past its size limit (SECURITY.md).
/// </summary>
public sealed class HostileDeliveryTests
{
    private const string Project = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""";
    private const string WeakHash = "class Legacy { byte[] H(byte[] b) => System.Security.Cryptography.SHA1.HashData(b); }\n";

    [Fact]
    public async Task Links_to_a_project_folder_and_to_props_outside_the_delivery_are_never_read()
    {
        using var delivery = TempDelivery.Empty();
        var outside = Outside(delivery);
        File.WriteAllText(Path.Combine(outside, "Outside.csproj"), Project);
        File.WriteAllText(Path.Combine(outside, "Secret.cs"), WeakHash.Replace("Legacy", "Secret"));
        File.WriteAllText(Path.Combine(outside, "Directory.Build.props"), "<Project><PropertyGroup><LangVersion>1</LangVersion></PropertyGroup></Project>");
        delivery.Write("App/App.csproj", Project);
        delivery.Write("App/Program.cs", WeakHash);
        Directory.CreateSymbolicLink(delivery.File("Linked"), outside);
        File.CreateSymbolicLink(delivery.File("App/Directory.Build.props"), Path.Combine(outside, "Directory.Build.props"));
        File.CreateSymbolicLink(delivery.File("App/Secret.cs"), Path.Combine(outside, "Secret.cs"));
        delivery.Write("Shop.sln", Sln("App\\App.csproj", "Linked\\Outside.csproj"));

        var (result, markdown) = await ReviewAsync(delivery, delivery.File("Shop.sln"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("`Linked/`: link out of the delivery", markdown);
        Assert.Contains("`App/Directory.Build.props`: link out of the delivery", markdown);
        Assert.Contains("`App/Secret.cs`: link out of the delivery", markdown);
        Assert.Contains("`Linked/Outside.csproj`: project file not readable", markdown);
        Assert.Equal(["App/Program.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Path_traversal_in_project_references_compile_items_hint_paths_and_the_solution_is_refused_and_named()
    {
        using var delivery = TempDelivery.Empty();
        var outside = Outside(delivery);
        File.WriteAllText(Path.Combine(outside, "Secret.cs"), WeakHash.Replace("Legacy", "Secret"));
        File.WriteAllText(Path.Combine(outside, "Outside.csproj"), Project);
        delivery.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\..\..\..\..\..\..\..\etc\passwd" />
                <Compile Include="..\..\..\outside\Secret.cs" />
                <Compile Include="/etc/passwd" />
                <Compile Include="../../../outside/**/*.cs" />
                <Reference Include="Evil"><HintPath>/etc/passwd</HintPath></Reference>
              </ItemGroup>
            </Project>
            """);
        delivery.Write("src/App/Program.cs", WeakHash);
        delivery.Write("Shop.sln", Sln("src\\App\\App.csproj", "..\\outside\\Outside.csproj", "/etc/passwd.csproj"));

        var (result, markdown) = await ReviewAsync(delivery, delivery.File("Shop.sln"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("`src/App/App.csproj: ProjectReference /etc/passwd`: path outside the delivery: refused", markdown);
        Assert.Contains("`src/App/App.csproj: Compile Include ..\\..\\..\\outside\\Secret.cs`: path outside the delivery: refused", markdown);
        Assert.Contains("`src/App/App.csproj: Compile Include /etc/passwd`: path outside the delivery", markdown);
        Assert.Contains("`src/App/App.csproj: Compile Include ../../../outside/**/*.cs`: path outside the delivery", markdown);
        Assert.Contains("`src/App/App.csproj: Reference HintPath /etc/passwd`: path outside the delivery", markdown);
        Assert.Contains("`Shop.sln: " + Path.Combine(outside, "Outside.csproj") + "`: path outside the delivery", markdown);
        Assert.Contains("`Shop.sln: /etc/passwd.csproj`: path outside the delivery", markdown);
        Assert.Equal(["src/App/Program.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Huge_source_and_project_files_are_skipped_by_their_size_without_being_read()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", Project);
        delivery.Write("App/Program.cs", WeakHash);
        // 200 MB on one line (sparse on disk): a zip-bomb-like file that would cost 400 MB as a string.
        using (var huge = File.Create(delivery.File("App/Generated.cs")))
        {
            huge.Write("class Generated { string s = \""u8);
            huge.SetLength(200L * 1024 * 1024);
        }

        // A 5 MiB project, over the 4 MiB project-file limit, named next to the real one.
        using (var giant = new StreamWriter(delivery.File("Giant.csproj")))
        {
            giant.Write("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
            var filler = new string('x', 1024);
            for (var i = 0; i < 5 * 1024; i++)
            {
                giant.Write("<P>" + filler + "</P>");
            }

            giant.Write("</PropertyGroup></Project>");
        }

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(200L * 1024 * 1024, new FileInfo(delivery.File("App/Generated.cs")).Length);
        Assert.Contains("`App/Generated.cs`: too large: not analysed — C# file of 200 MB, over the 10 MB cap", markdown);
        Assert.Contains("`Giant.csproj`: too large: not analysed — project file over the 4 MiB limit", markdown);
        Assert.Equal(["App/Program.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Invalid_utf8_utf16_with_and_without_bom_and_nul_bytes_are_decoded_or_skipped_with_a_note()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", Project);
        var code = WeakHash;
        // 0xC3 0x28 is not UTF-8: read with a fallback encoding (Shift_JIS here) and still analysed.
        File.WriteAllBytes(delivery.File("App/BadUtf8.cs"), [0x2F, 0x2F, 0x20, 0xC3, 0x28, 0x0A, .. Encoding.UTF8.GetBytes(code.Replace("Legacy", "BadUtf8"))]);
        File.WriteAllBytes(delivery.File("App/Utf16Bom.cs"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(code.Replace("Legacy", "Utf16Bom"))]);
        File.WriteAllBytes(delivery.File("App/Utf16Le.cs"), Encoding.Unicode.GetBytes(code.Replace("Legacy", "Utf16Le")));
        File.WriteAllBytes(delivery.File("App/Utf16Be.cs"), Encoding.BigEndianUnicode.GetBytes(code.Replace("Legacy", "Utf16Be")));
        File.WriteAllBytes(delivery.File("App/Nul.cs"), [.. Encoding.UTF8.GetBytes("class Nul {"), 0, .. Encoding.UTF8.GetBytes(code.Replace("Legacy", "AfterNul"))]);

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("`App/BadUtf8.cs`: not UTF-8: read with a fallback encoding (analysed) — not UTF-8: read as Shift_JIS", markdown);
        Assert.Contains("`App/Utf16Le.cs`: not UTF-8: read with a fallback encoding (analysed) — not UTF-8: read as UTF-16LE without BOM", markdown);
        Assert.Contains("`App/Utf16Be.cs`: not UTF-8: read with a fallback encoding (analysed) — not UTF-8: read as UTF-16BE without BOM", markdown);
        Assert.DoesNotContain("`App/Utf16Bom.cs`:", markdown);
        Assert.Contains("`App/Nul.cs`: binary content named .cs: not analysed", markdown);
        Assert.Equal(["App/BadUtf8.cs", "App/Utf16Be.cs", "App/Utf16Bom.cs", "App/Utf16Le.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Two_thousand_projects_are_all_reviewed()
    {
        const int count = 2000;
        using var delivery = TempDelivery.Empty();
        for (var i = 0; i < count; i++)
        {
            var name = "P" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            delivery.Write($"src/{name}/{name}.csproj", Project);
            delivery.Write($"src/{name}/C.cs", $"namespace {name}; public class C {{ public int V => {i}; }}\n");
        }

        delivery.Write("src/P0007/Weak.cs", WeakHash);

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path, "--stats");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Output.Contains("stats: files 2001, lines 4002, projects 2000,", StringComparison.Ordinal), result.Output);
        Assert.Equal(count, Regex.Matches(markdown, @"^\| src/P\d{4}/P\d{4}\.csproj \| net10\.0 \| [12] \|", RegexOptions.Multiline).Count);
        Assert.Equal(["src/P0007/Weak.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Circular_project_references_are_reviewed_once_each()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("A/A.csproj", ProjectWith("""<ProjectReference Include="..\B\B.csproj" /><ProjectReference Include="A.csproj" />"""));
        delivery.Write("B/B.csproj", ProjectWith("""<ProjectReference Include="..\C\C.csproj" />"""));
        delivery.Write("C/C.csproj", ProjectWith("""<ProjectReference Include="..\A\A.csproj" />"""));
        delivery.Write("A/A.cs", WeakHash.Replace("Legacy", "InA"));
        delivery.Write("B/B.cs", WeakHash.Replace("Legacy", "InB"));
        delivery.Write("C/C.cs", WeakHash.Replace("Legacy", "InC"));

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["A/A.cs", "B/B.cs", "C/C.cs"], FindingPaths(markdown));
        Assert.Contains("| A/A.csproj | net10.0 | 1 |", markdown);
        Assert.Contains("| C/C.csproj | net10.0 | 1 |", markdown);
    }

    [Fact]
    public async Task Solution_naming_missing_projects_reviews_the_others_and_names_the_missing()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", Project);
        delivery.Write("App/Program.cs", WeakHash);
        delivery.Write("Shop.sln", Sln("App\\App.csproj", "Gone\\Gone.csproj", "Also\\Missing.csproj"));

        var (result, markdown) = await ReviewAsync(delivery, delivery.File("Shop.sln"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("`Gone/Gone.csproj`: project file not readable: its sources are reviewed as loose files only — project named by the solution is missing", markdown);
        Assert.Contains("`Also/Missing.csproj`: project file not readable", markdown);
        Assert.Equal(["App/Program.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Exec_inline_tasks_imports_property_functions_and_directory_build_files_are_never_run()
    {
        using var delivery = TempDelivery.Empty();
        var markers = Path.Combine(delivery.Root, "markers");
        Directory.CreateDirectory(markers);
        var m = markers.Replace("\\", "/", StringComparison.Ordinal);
        delivery.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <Evaluated>$([System.IO.File]::WriteAllText('{m}/props-property-function', 'ran'))</Evaluated>
              </PropertyGroup>
              <Target Name="PropsExec" BeforeTargets="Restore;Build;CoreCompile"><Exec Command="touch {m}/props-exec" /></Target>
            </Project>
            """);
        delivery.Write("Directory.Build.targets", $"""<Project><Target Name="T" BeforeTargets="Build"><Exec Command="touch {m}/targets-exec" /></Target></Project>""");
        delivery.Write("App/evil.targets", $"""<Project><Target Name="Imported" AfterTargets="Restore"><Exec Command="touch {m}/import-exec" /></Target></Project>""");
        delivery.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Marker>$([System.IO.File]::WriteAllText('{m}/csproj-property-function', 'ran'))</Marker>
              </PropertyGroup>
              <UsingTask TaskName="Pwn" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)\Microsoft.Build.Tasks.Core.dll">
                <Task><Code Type="Fragment" Language="cs">System.IO.File.WriteAllText("{m}/inline-task", "ran");</Code></Task>
              </UsingTask>
              <Target Name="Evil" BeforeTargets="Restore;Build;CoreCompile">
                <Pwn />
                <Exec Command="touch {m}/csproj-exec" />
              </Target>
              <Import Project="evil.targets" />
            </Project>
            """);
        delivery.Write("App/Program.cs", WeakHash);

        var (result, markdown) = await ReviewAsync(delivery, delivery.File("App/App.csproj"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(markers));
        Assert.Equal(["Program.cs"], FindingPaths(markdown));
        Assert.False(Directory.Exists(delivery.File("App/obj")), "nothing may be restored into the delivery");
    }

    [Fact]
    public async Task Named_pipes_posing_as_source_project_props_assembly_and_policy_never_block_the_review()
    {
        if (OperatingSystem.IsWindows())
        {
            return;   // no mkfifo
        }

        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", Project);
        delivery.Write("App/Program.cs", WeakHash);
        // open() of a FIFO blocks until a writer appears, and a thread blocked there ignores cancellation and SIGTERM.
        Fifo(delivery.File("App/Pipe.cs"));
        Fifo(delivery.File("App/Directory.Build.props"));
        Fifo(delivery.File("Pipe/Pipe.csproj"));
        Fifo(delivery.File("lib/Pipe.dll"));

        var review = Task.Run(() => ReviewAsync(delivery, delivery.Path));
        // A generous bound that only a blocked open() can reach; the review itself takes seconds.
        Assert.Same(review, await Task.WhenAny(review, Task.Delay(TimeSpan.FromMinutes(3))));
        var (result, markdown) = await review;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["App/Program.cs"], FindingPaths(markdown));
        Assert.Contains("`Pipe/Pipe.csproj`: project file not readable", markdown);

        Fifo(delivery.File("policykit.json"));
        var policy = Task.Run(() => PolicyKitCli.RunAsync("review", delivery.Path, "--out", Path.Combine(delivery.Root, "out2")));
        Assert.Same(policy, await Task.WhenAny(policy, Task.Delay(TimeSpan.FromMinutes(3))));
        Assert.Equal(2, (await policy).ExitCode);
    }

    [Fact]
    public async Task Deeply_nested_directories_are_walked_without_recursion_limits()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App.csproj", Project);
        var deep = string.Join("/", Enumerable.Repeat("d", 300));
        delivery.Write(deep + "/Deep.cs", WeakHash);

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([deep + "/Deep.cs"], FindingPaths(markdown));
    }

    [Fact]
    public async Task Odd_file_names_are_reviewed_and_reported_as_valid_uris()
    {
        using var delivery = TempDelivery.Empty();
        delivery.Write("App/App.csproj", Project);
        const string odd = "App/we ird #1 %20 & 'q' \"dq\" [x] {y} `tick` ü 日本語 ;.cs";
        delivery.Write(odd, WeakHash);

        var (result, markdown) = await ReviewAsync(delivery, delivery.Path, "--format", "md,sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([odd], FindingPaths(markdown));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(delivery.Out, "policykit.sarif")));
        var uri = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
        Assert.Equal(odd, Uri.UnescapeDataString(uri));
    }

    private static async Task<(CliResult Result, string Markdown)> ReviewAsync(TempDelivery delivery, string target, params string[] extra)
    {
        var result = await PolicyKitCli.RunAsync(["review", target, "--out", delivery.Out, .. extra.Contains("--format") ? extra : [.. extra, "--format", "md"]]);
        var report = Path.Combine(delivery.Out, "policykit-report.md");
        return (result, File.Exists(report) ? File.ReadAllText(report) : string.Empty);
    }

    // The file of each finding, from the Markdown headings "### F001 PK4001 … — `path:line`" (or "`` path:line ``").
    private static string[] FindingPaths(string markdown) =>
        Regex.Matches(markdown, @"^### F\d{3} \S+ .* — (?<fence>`+) ?(?<path>.+?):\d+ ?\k<fence>$", RegexOptions.Multiline).Select(m => m.Groups["path"].Value).ToArray();

    private static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static string Outside(TempDelivery delivery)
    {
        var outside = Path.Combine(delivery.Root, "outside");
        Directory.CreateDirectory(outside);
        return outside;
    }

    private static string ProjectWith(string items) =>
        $"""<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup>{items}</ItemGroup></Project>""";

    private static string Sln(params string[] projects)
    {
        var text = new StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n");
        foreach (var project in projects)
        {
            text.Append("Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"").Append(Path.GetFileNameWithoutExtension(project))
                .Append("\", \"").Append(project).Append("\", \"{").Append(Guid.NewGuid().ToString().ToUpperInvariant()).Append("}\"\nEndProject\n");
        }

        return text.ToString();
    }
}
