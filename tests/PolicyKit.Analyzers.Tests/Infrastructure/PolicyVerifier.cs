using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer over markup sources (<c>[|…|]</c> or <c>{|PK1001:…|}</c> marks exactly what is flagged),
/// optionally with a <c>policykit.json</c> and other additional files, against real framework assemblies.
/// </summary>
public static class PolicyVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Asserts that the diagnostics in the markup, and only those, are reported.</summary>
    public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
        Run(source, policy: null, expected);

    /// <summary>Same as <see cref="Analyzer(string, DiagnosticResult[])"/>, with a policykit.json.</summary>
    public static Task Analyzer(string policy, string source, params DiagnosticResult[] expected) =>
        Run(source, policy, expected);

    /// <summary>Asserts that nothing is reported.</summary>
    public static Task NoDiagnostic(string source, string? policy = null) => Run(source, policy);

    /// <summary>Creates a test to customise (more files, additional files, compiler diagnostics).</summary>
    public static Test Create(string source, string? policy = null)
    {
        var test = new Test { TestCode = source };
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        return test;
    }

    /// <summary>
    /// Creates a test whose sources compile as a .NET Framework 4.8 web project (System.Web, System.Data … and C# 7.3,
    /// the language those projects build with), plus the MVC 5 / Web API 2 / EF6 test shims in <see cref="LegacyShims"/>.
    /// </summary>
    public static Test CreateLegacy(string source, string? policy = null)
    {
        var test = new Test(legacy: true) { TestCode = source };
        test.TestState.Sources.Add(("LegacyShims.cs", LegacyShims.Source));
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        return test;
    }

    /// <summary>Legacy (.NET Framework) counterpart of <see cref="Analyzer(string, DiagnosticResult[])"/>.</summary>
    public static Task LegacyAnalyzer(string source, string? policy = null)
    {
        return CreateLegacy(source, policy).RunAsync(CancellationToken.None);
    }

    /// <summary>A diagnostic of the analyzer's only rule, or of the given rule, for explicit expectations.</summary>
    public static DiagnosticResult Diagnostic(string? id = null) =>
        id is null ? CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic()
                   : CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    private static Task Run(string source, string? policy, params DiagnosticResult[] expected)
    {
        var test = Create(source, policy);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The analyzer test with PolicyKit's references and language version.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test() => TestSetup.Apply(this);

        /// <summary>A test against the .NET Framework 4.8 reference assemblies when <paramref name="legacy"/>.</summary>
        public Test(bool legacy)
        {
            if (legacy)
            {
                TestSetup.ApplyLegacy(this);
            }
            else
            {
                TestSetup.Apply(this);
            }
        }
    }
}

/// <summary>Verifier for a rule and its code fix.</summary>
public static class PolicyVerifier<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
        PolicyVerifier<TAnalyzer>.Analyzer(source, expected);

    public static Task Analyzer(string policy, string source, params DiagnosticResult[] expected) =>
        PolicyVerifier<TAnalyzer>.Analyzer(policy, source, expected);

    public static Task NoDiagnostic(string source, string? policy = null) =>
        PolicyVerifier<TAnalyzer>.NoDiagnostic(source, policy);

    /// <summary>Asserts the diagnostics in <paramref name="before"/> and that the fix turns it into <paramref name="after"/>.</summary>
    public static Task Fix(string before, string after, string? policy = null, int? iterations = null)
    {
        var test = new Test { TestCode = before, FixedCode = after };
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
            test.FixedState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        if (iterations is { } n)
        {
            test.NumberOfFixAllIterations = n;
            test.NumberOfIncrementalIterations = n;
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the fix offers nothing for the flagged code.</summary>
    public static Task NoFix(string source, string? policy = null)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/policykit.json", policy));
        }

        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
    {
        public Test() => TestSetup.Apply(this);
    }
}

internal static class TestSetup
{
    /// <summary>C# 12 is what Roslyn 4.8, the oldest compiler PolicyKit supports, understands.</summary>
    public const LanguageVersion Language = LanguageVersion.CSharp12;

    public static void Apply(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.Net;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(Language);
            var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, options);
        });
    }

    /// <summary>C# 7.3 and no nullable context: what an old-style .NET Framework 4.x project compiles with.</summary>
    public const LanguageVersion LegacyLanguage = LanguageVersion.CSharp7_3;

    public static void ApplyLegacy(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.NetFramework;
        test.TestState.AdditionalReferences.AddRange(TestReferences.Net48);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LegacyLanguage);
            return solution.WithProjectParseOptions(projectId, parse);
        });
    }
}
