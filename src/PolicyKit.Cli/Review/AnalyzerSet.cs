extern alias analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Every analyzer and suppressor of the PolicyKit.Analyzers assembly, created by reflection as a compiler host does,
/// so that the review runs exactly what the package runs (including the waiver suppressor).
/// </summary>
internal sealed class AnalyzerSet
{
    private AnalyzerSet(Assembly assembly, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Assembly = assembly;
        Analyzers = analyzers;
        var rules = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                if (descriptor.Id != ReviewRunner.PolicyFileInvalid)
                {
                    rules.TryAdd(descriptor.Id, descriptor);
                }
            }
        }

        Rules = rules.Values.ToImmutableArray();
        Version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } v
            ? (v.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0 ? v[..plus] : v)
            : assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>The analyzer assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>The analyzers and suppressors.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The rules they report, sorted by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>The rules' version (the analyzer assembly's informational version).</summary>
    public string Version { get; }

    /// <summary>Loads the analyzers shipped beside the tool.</summary>
    /// <returns>The set.</returns>
    public static AnalyzerSet Load()
    {
        var assembly = typeof(analyzers::PolicyKit.Analyzers.Rules.WaiverSuppressor).Assembly;
        var list = new List<DiagnosticAnalyzer>();
        foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            if (attribute is null || !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            list.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }

        return new AnalyzerSet(assembly, list.ToImmutableArray());
    }
}
