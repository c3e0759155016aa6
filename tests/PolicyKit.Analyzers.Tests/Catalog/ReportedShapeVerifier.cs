using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PolicyKit.Analyzers.Tests.Infrastructure;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Runs one analyzer over a catalog shape. In <see cref="Flags"/> every <c>{|#n:…|}</c> span is one expected finding;
/// severity and additional locations (the taint source) are not compared, since the catalog asks only "reported or
/// not", and the rules' own tests pin the rest. Sources that call <c>WebApplication.Create…</c> compile as programs.
/// </summary>
internal static class ReportedShapeVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Asserts one finding of <paramref name="id"/> (or the analyzer's only rule) on each marked span.</summary>
    public static Task Flags(string source, string? id = null, params (string Name, string Code)[] files)
    {
        var test = Create(source, files);
        foreach (var key in MarkedKeys(source, files))
        {
            // Built from the id alone so that the message (the rules' own tests check it) is not compared.
            var rule = PolicyVerifier<TAnalyzer>.Diagnostic(id);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(rule.Id, rule.Severity).WithLocation(key)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations | DiagnosticOptions.IgnoreSeverity));
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the analyzer reports nothing.</summary>
    public static Task Silent(string source, params (string Name, string Code)[] files) =>
        Create(source, files).RunAsync(CancellationToken.None);

    /// <summary>Same as <see cref="Silent(string, (string, string)[])"/>, with a policykit.json.</summary>
    public static Task SilentUnder(string policy, string source) =>
        Create(source, new (string, string)[0], policy).RunAsync(CancellationToken.None);

    private static PolicyVerifier<TAnalyzer>.Test Create(string source, (string Name, string Code)[] files, string? policy = null)
    {
        var test = PolicyVerifier<TAnalyzer>.Create(source, policy);
        if (source.Contains("WebApplication.Create"))
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication; // minimal-API shapes use top-level statements
        }

        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        return test;
    }

    private static IEnumerable<int> MarkedKeys(string source, (string Name, string Code)[] files)
    {
        var seen = new SortedSet<int>();
        AddKeys(source, seen);
        foreach (var file in files)
        {
            AddKeys(file.Code, seen);
        }

        return seen;
    }

    private static void AddKeys(string code, ISet<int> keys)
    {
        foreach (Match match in ShapeMarkup.Marker().Matches(code))
        {
            keys.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The <c>{|#n:</c> opening of a marked span.</summary>
internal static partial class ShapeMarkup
{
    [GeneratedRegex(@"\{\|#(\d+):")]
    public static partial Regex Marker();
}
