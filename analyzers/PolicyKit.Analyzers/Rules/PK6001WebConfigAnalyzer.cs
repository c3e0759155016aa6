using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.WebConfig;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK6001–PK6008: flaws in <c>Web.config</c>/<c>App.config</c> (AdditionalFiles; names case-insensitive) and in what
/// their transforms (<c>Web.Release.config</c>) publish, reported at the line and column inside the config file. One
/// analyzer owns the eight rules so that each file is read and each transform applied once (see <see cref="ConfigSet"/>
/// for which configurations are judged).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK6001WebConfigAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor ErrorDetailsRule = PolicyRule.Create(
        RuleIds.ConfigErrorDetails, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 209, 489 }, controls: new[] { "MIC-39" });

    internal static readonly DiagnosticDescriptor CookieFlagsRule = PolicyRule.Create(
        RuleIds.ConfigCookieFlags, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 614, 1004, 565 }, controls: new[] { "A.11.5.5", "MIC-85" });

    internal static readonly DiagnosticDescriptor SessionLifetimeRule = PolicyRule.Create(
        RuleIds.ConfigSessionLifetime, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 613, 598 }, controls: new[] { "A.11.5.5", "MN-16" });

    internal static readonly DiagnosticDescriptor MachineKeyRule = PolicyRule.Create(
        RuleIds.ConfigMachineKey, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 321 }, controls: new[] { "A.12.3.2" });

    internal static readonly DiagnosticDescriptor ConfigSecretRule = PolicyRule.Create(
        RuleIds.ConfigSecret, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 798, 260 }, controls: new[] { "MN-14", "A.12.3.2" });

    internal static readonly DiagnosticDescriptor AnonymousAccessRule = PolicyRule.Create(
        RuleIds.ConfigAnonymousAccess, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 284, 306 }, controls: new[] { "MN-02", "A.11.1.1" });

    internal static readonly DiagnosticDescriptor RequestValidationRule = PolicyRule.Create(
        RuleIds.ConfigRequestValidation, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 20, 79, 113 }, controls: new[] { "IPA-091", "A.12.2.1" });

    internal static readonly DiagnosticDescriptor MembershipPasswordRule = PolicyRule.Create(
        RuleIds.ConfigMembershipPassword, RuleCategory.Configuration, DiagnosticSeverity.Warning,
        cwe: new[] { 521, 256 }, controls: new[] { "MN-11", "A.11.5.3" });

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ErrorDetailsRule, CookieFlagsRule, SessionLifetimeRule, MachineKeyRule, ConfigSecretRule, AnonymousAccessRule,
        RequestValidationRule, MembershipPasswordRule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(static compilation =>
        {
            if (HasConfigFile(compilation.Options.AdditionalFiles))
            {
                Analyze(compilation, AnalyzerPolicy.For(compilation.Compilation, compilation.Options, compilation.CancellationToken).Policy);
            }
        });
    }

    private static bool HasConfigFile(ImmutableArray<AdditionalText> files)
    {
        foreach (var file in files)
        {
            if (ConfigSet.IsConfigFile(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(CompilationAnalysisContext context, PolicySet policy)
    {
        // One finding per flaw: the configurations it holds in are named together ("Web.Release.config, Web.Test.config").
        var order = new List<string>();
        var byKey = new Dictionary<string, (ConfigFinding Finding, List<string> Configurations)>();
        foreach (var set in ConfigSet.From(context.Options.AdditionalFiles, context.CancellationToken))
        {
            var findings = new List<ConfigFinding>();
            ConfigChecks.Run(set.Root, policy, findings);
            foreach (var finding in findings)
            {
                if (!byKey.TryGetValue(finding.Key, out var entry))
                {
                    entry = (finding, new List<string>());
                    byKey.Add(finding.Key, entry);
                    order.Add(finding.Key);
                }

                if (!entry.Configurations.Contains(set.Name))
                {
                    entry.Configurations.Add(set.Name);
                }
            }
        }

        foreach (var key in order)
        {
            var (finding, configurations) = byKey[key];
            context.Report(finding.Rule, finding.Location, null, null, null,
                finding.Setting, string.Join(", ", configurations), finding.Found, finding.Required, finding.Clause);
        }
    }
}
