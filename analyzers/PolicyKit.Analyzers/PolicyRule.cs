using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers;

/// <summary>
/// The one place that builds <see cref="DiagnosticDescriptor"/>s: localised text by key convention
/// (<c>PKnnnnTitle</c>, <c>PKnnnnMessage</c>, <c>PKnnnnDescription</c>), the help link from the id, and custom tags
/// carrying CWE and control ids so that reports and SARIF can group findings by the guidance they serve.
/// </summary>
internal static class PolicyRule
{
    /// <summary>Prefix of the custom tags that name a control of the guidance (e.g. <c>control:MIC-38</c>).</summary>
    public const string ControlTagPrefix = "control:";

    /// <summary>Prefix of the custom tags that name a CWE (e.g. <c>CWE-89</c>).</summary>
    public const string CweTagPrefix = "CWE-";

    public static DiagnosticDescriptor Create(
        string id,
        string category,
        DiagnosticSeverity severity,
        int[] cwe,
        string[] controls,
        bool reportedAtCompilationEnd = false)
    {
        var tags = new List<string>(cwe.Length + controls.Length + 2) { "PolicyKit" };
        foreach (var number in cwe)
        {
            tags.Add(CweTagPrefix + number.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var control in controls)
        {
            tags.Add(ControlTagPrefix + control);
        }

        if (reportedAtCompilationEnd)
        {
            tags.Add(WellKnownDiagnosticTags.CompilationEnd);
        }

#pragma warning disable RS0030 // the one place allowed to call the constructor
        return new DiagnosticDescriptor(
            id,
            Text(id, "Title"),
            Text(id, "Message"),
            category,
            severity,
            isEnabledByDefault: true,
            Text(id, "Description"),
            DocsLink.For(id),
            tags.ToArray());
#pragma warning restore RS0030
    }

    private static LocalizableResourceString Text(string id, string part) =>
        new(id + part, Resources.ResourceManager, typeof(Resources));
}
