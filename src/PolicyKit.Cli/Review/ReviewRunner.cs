using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Reviews a delivery: reads it as data, parses every C# file, compiles each project against the SDK's reference
/// packs, the delivery's own DLLs and its declared NuGet packages (metadata only, see <see cref="PackageReferences"/>), and runs PolicyKit's analyzers and waiver suppressor with the
/// chosen policy. Never touches the console; never executes anything of the vendor's.
/// </summary>
internal sealed class ReviewRunner
{
    /// <summary>The rule about the policy file itself, which a review reports up front rather than as a finding.</summary>
    public const string PolicyFileInvalid = "PK9001";

    private static readonly string[] PreprocessorSymbols = ["NET", "NETCOREAPP", "RELEASE", "TRACE"];

    /// <summary>Runs the review.</summary>
    /// <param name="target">The folder, .sln, .slnx or .csproj.</param>
    /// <param name="policyPath">The <c>--policy</c> value, or <see langword="null"/>.</param>
    /// <param name="profiles">The <c>--profile</c> values.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the review (no partial result).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ReviewInputException">The input cannot be reviewed.</exception>
    public static Task<ReviewOutcome> RunAsync(string target, string? policyPath, IReadOnlyList<string> profiles, IProgress<ReviewProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(target, policyPath, profiles, offline: false, progress, cancellationToken);

    /// <summary>Runs the review.</summary>
    /// <param name="target">The folder, .sln, .slnx or .csproj.</param>
    /// <param name="policyPath">The <c>--policy</c> value, or <see langword="null"/>.</param>
    /// <param name="profiles">The <c>--profile</c> values.</param>
    /// <param name="offline">Find NuGet packages in local folders only (<c>--offline</c>).</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the review (no partial result).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ReviewInputException">The input cannot be reviewed.</exception>
    public static async Task<ReviewOutcome> RunAsync(string target, string? policyPath, IReadOnlyList<string> profiles, bool offline, IProgress<ReviewProgress>? progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var packs = ReferencePacks.Find();
        if (packs.Core.Count == 0)
        {
            throw new ReviewInputException("no .NET reference assemblies found beside the running runtime; install the .NET SDK.");
        }

        var delivery = DeliveryLoader.Load(target, packs, cancellationToken);
        var policy = PolicyInput.Resolve(policyPath, profiles, delivery.Root);
        var analyzers = AnalyzerSet.Load();
        var razor = RazorGeneration.Find();
        var razorAnalysed = new HashSet<string>(StringComparer.Ordinal);
        var razorProblems = new List<SkippedItem>();
        var inputHash = InputHash.Compute(delivery.Files, cancellationToken);
        using var fetcher = NuGetPackageFetcher.FromEnvironment(offline);
        var legacy = await LegacyReview.PrepareAsync(delivery, fetcher, cancellationToken).ConfigureAwait(false);
        var packages = await PackageReferences.ResolveAsync(delivery, packs, legacy.FrameworkAssemblies, fetcher, cancellationToken).ConfigureAwait(false);

        var allSources = delivery.Projects.SelectMany(p => p.Sources).DistinctBy(f => f.FullPath).ToList();
        var texts = new ConcurrentDictionary<string, SourceText?>(StringComparer.Ordinal);
        var skipped = new ConcurrentBag<SkippedItem>();
        var parsed = 0;
        var findings = 0;
        var compiled = 0;
        progress?.Report(new ReviewProgress(0, allSources.Count, 0, delivery.Projects.Length, 0, null));
        await Parallel.ForEachAsync(allSources, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, (file, ct) =>
        {
            texts[file.FullPath] = Read(file, skipped);
            var done = Interlocked.Increment(ref parsed);
            if ((done & 63) == 0)
            {
                progress?.Report(new ReviewProgress(done, allSources.Count, 0, delivery.Projects.Length, 0, null));
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        delivery.Skipped.AddRange(skipped.OrderBy(s => s.Path, StringComparer.Ordinal));

        var coreReferences = packs.Core.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var aspReferences = packs.AspNetCore.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var deliveryReferences = delivery.DeliveryReferences.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var additional = ImmutableArray.Create<AdditionalText>(new PolicyAdditionalText(policy.Path, policy.Text));
        var options = new AnalyzerOptions(additional);
        var compilations = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
        // Keep only compilations another project references: thousands of projects must not all stay in memory.
        var referencedProjects = delivery.Projects.SelectMany(p => p.ProjectReferences).ToHashSet(StringComparer.Ordinal);
        var outcomes = ImmutableArray.CreateBuilder<ProjectOutcome>();
        foreach (var plan in Ordered(delivery.Projects))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ReviewProgress(parsed, allSources.Count, compiled, delivery.Projects.Length, findings, plan.Name));
            var parseOptions = new CSharpParseOptions(plan.LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols);
            var trees = new List<SyntaxTree>(plan.Sources.Length + 1);
            long lines = 0;
            foreach (var source in plan.Sources)
            {
                if (texts.TryGetValue(source.FullPath, out var text) && text is not null)
                {
                    trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, source.FullPath, cancellationToken));
                    lines += text.Lines.Count;
                }
            }

            if (plan.GlobalUsings is { } usings)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(usings, Encoding.UTF8), parseOptions, Path.Combine(delivery.Root, "obj", plan.Name + ".GlobalUsings.g.cs"), cancellationToken));
            }

            var references = new List<MetadataReference>(legacy.Targets(plan) ? legacy.FrameworkReferences : coreReferences);
            if (plan.UsesAspNetCore)
            {
                references.AddRange(aspReferences);
            }

            references.AddRange(deliveryReferences);
            references.AddRange(packages.AssembliesFor(plan).Select(p => MetadataReference.CreateFromFile(p)));
            references.AddRange(plan.ExtraReferences.Where(p => !delivery.DeliveryReferences.Contains(p)).Select(p => MetadataReference.CreateFromFile(p)));
            foreach (var referenced in plan.ProjectReferences)
            {
                if (compilations.TryGetValue(referenced, out var other))
                {
                    references.Add(other.ToMetadataReference());
                }
            }

            // .cshtml/.razor through the SDK's Razor source generator (issue 7: markup is delivered code too).
            var metadataPaths = references.OfType<PortableExecutableReference>().Select(r => r.FilePath!).Where(p => p is not null);
            trees.AddRange(RazorViews.Generate(razor, plan, delivery, metadataPaths, texts, parseOptions, razorAnalysed, razorProblems, cancellationToken));
            var compilation = CSharpCompilation.Create(
                plan.Name,
                trees,
                references,
                new CSharpCompilationOptions(
                    plan.OutputKind,
                    nullableContextOptions: plan.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    allowUnsafe: true,
                    concurrentBuild: true));
            if (plan.FullPath.Length > 0 && referencedProjects.Contains(plan.FullPath))
            {
                compilations[plan.FullPath] = compilation;
            }

            var outcome = await AnalyzeAsync(plan, compilation, analyzers, legacy.OptionsFor(plan, options), lines, cancellationToken).ConfigureAwait(false);
            outcome = outcome with { Binding = BindingCoverage.Measure(compilation, cancellationToken) };
            outcomes.Add(outcome);
            compiled++;
            findings += outcome.Diagnostics.Length;
            progress?.Report(new ReviewProgress(parsed, allSources.Count, compiled, delivery.Projects.Length, findings, null));
        }

        RazorViews.Settle(delivery, razorAnalysed, razorProblems);
        return new ReviewOutcome(delivery, policy, analyzers, packs, outcomes.ToImmutable(), inputHash, started, clock.Elapsed) { Packages = packages };
    }

    private static async Task<ProjectOutcome> AnalyzeAsync(ProjectPlan plan, CSharpCompilation compilation, AnalyzerSet analyzers, AnalyzerOptions options, long lines, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.Analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => failures.Add(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var policyKit = ImmutableArray.CreateBuilder<Diagnostic>();
        int unresolvedType = 0, unresolvedNamespace = 0, unresolvedMember = 0, unresolvedName = 0, other = 0;
        var filesWithUnresolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in all)
        {
            if (diagnostic.Id.StartsWith("PK", StringComparison.Ordinal) && diagnostic.Id.Length == 6)
            {
                // PK9001 judges the adopter's policy file, not the vendor's code: the review rejects an invalid policy
                // before it starts (exit 2) and lists undecided values in the report header instead.
                if (diagnostic.Id != PolicyFileInvalid)
                {
                    policyKit.Add(diagnostic);
                }

                continue;
            }

            if (diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            // Generated Razor C# is judged through its markup; its compile errors say nothing about the delivery's references.
            if (diagnostic.Location.SourceTree?.FilePath is { } tree && RazorGeneration.IsGeneratedPath(tree))
            {
                continue;
            }

            var unresolved = true;
            switch (diagnostic.Id)
            {
                case "CS0246": unresolvedType++; break;
                case "CS0234": unresolvedNamespace++; break;
                case "CS1061": unresolvedMember++; break;
                case "CS0103": unresolvedName++; break;
                default: other++; unresolved = false; break;
            }

            if (unresolved && diagnostic.Location.SourceTree?.FilePath is { } file)
            {
                filesWithUnresolved.Add(file);
            }
        }

        return new ProjectOutcome(plan, plan.Sources.Length, lines, policyKit.ToImmutable(), unresolvedType, unresolvedNamespace, unresolvedMember, unresolvedName, other, filesWithUnresolved.Count, failures.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToImmutableArray())
        {
            Endpoints = EndpointCollector.Collect(compilation, cancellationToken),
        };
    }

    private static SourceText? Read(DeliveryFile file, ConcurrentBag<SkippedItem> skipped)
    {
        if (file.Length > DeliveryLoader.MaxSourceBytes)
        {
            skipped.Add(new SkippedItem(file.RelativePath, $"C# file of {file.Length / (1024 * 1024)} MB, over the 10 MB cap: not analysed", SkipKind.TooLarge));
            return null;
        }

        if (file.Length == 0)
        {
            return SourceText.From(string.Empty, Encoding.UTF8);   // never opened: a FIFO named .cs would block (SECURITY.md)
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedItem(file.RelativePath, "cannot be read: " + e.Message, SkipKind.Unreadable));
            return null;
        }

        if (SourceDecoder.LooksBinary(bytes))
        {
            skipped.Add(new SkippedItem(file.RelativePath, "binary content in a .cs file: not analysed", SkipKind.Binary));
            return null;
        }

        var text = SourceDecoder.Decode(bytes, out var encoding);
        if (encoding is not (null or "UTF-16LE" or "UTF-16BE"))
        {
            skipped.Add(new SkippedItem(file.RelativePath, "not UTF-8: read as " + encoding + " (analysed)", SkipKind.Encoding));
        }

        return SourceText.From(text, Encoding.UTF8);
    }

    // Referenced projects first, so that their compilations can be referenced; cycles are broken arbitrarily.
    private static List<ProjectPlan> Ordered(ImmutableArray<ProjectPlan> plans)
    {
        var byPath = plans.Where(p => p.FullPath.Length > 0).ToDictionary(p => p.FullPath, StringComparer.Ordinal);
        var ordered = new List<ProjectPlan>();
        var state = new Dictionary<ProjectPlan, int>();
        foreach (var plan in plans)
        {
            Visit(plan);
        }

        return ordered;

        void Visit(ProjectPlan plan)
        {
            if (state.TryGetValue(plan, out var s))
            {
                return;
            }

            state[plan] = 1;
            foreach (var reference in plan.ProjectReferences)
            {
                if (byPath.TryGetValue(reference, out var other))
                {
                    Visit(other);
                }
            }

            state[plan] = 2;
            ordered.Add(plan);
        }
    }
}
