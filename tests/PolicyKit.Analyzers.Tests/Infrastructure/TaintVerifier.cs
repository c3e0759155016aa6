using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Verifier for the taint rules (PK1002–PK1005): a finding has the sink's value as its location (<c>{|#0:…|}</c>) and
/// the source as its additional location (<c>{|#1:…|}</c>). Extra files (a service in another file) go in
/// <paramref name="files"/>; samples with <c>WebApplication.Create</c> compile as a console program.
/// </summary>
public static class TaintVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task Flags(string source, string origin, string sink, params (string Name, string Code)[] files)
    {
        var test = Create(source, files);
        test.ExpectedDiagnostics.Add(PolicyVerifier<TAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(origin, sink));
        return test.RunAsync(CancellationToken.None);
    }

    public static Task Silent(string source, params (string Name, string Code)[] files) =>
        Create(source, files).RunAsync(CancellationToken.None);

    /// <summary>As <see cref="Flags"/>, for a .NET Framework 4.8 (System.Web, MVC 5, Web API 2) source.</summary>
    public static Task LegacyFlags(string source, string origin, string sink)
    {
        var test = PolicyVerifier<TAnalyzer>.CreateLegacy(source);
        test.ExpectedDiagnostics.Add(PolicyVerifier<TAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(origin, sink));
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>As <see cref="Silent"/>, for a .NET Framework 4.8 source.</summary>
    public static Task LegacySilent(string source) =>
        PolicyVerifier<TAnalyzer>.CreateLegacy(source).RunAsync(CancellationToken.None);

    public static PolicyVerifier<TAnalyzer>.Test Create(string source, params (string Name, string Code)[] files)
    {
        var test = PolicyVerifier<TAnalyzer>.Create(source);
        if (source.Contains("WebApplication.Create"))
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication; // minimal-API samples use top-level statements
        }

        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        return test;
    }
}
