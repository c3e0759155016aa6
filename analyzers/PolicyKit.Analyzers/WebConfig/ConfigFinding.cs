using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.WebConfig;

/// <summary>One flaw found in one judged configuration: the rule, where it is written, and the message parts.</summary>
internal sealed class ConfigFinding
{
    public ConfigFinding(DiagnosticDescriptor rule, Location location, string setting, string found, string required, string clause)
    {
        Rule = rule;
        Location = location;
        Setting = setting;
        Found = found;
        Required = required;
        Clause = clause;
    }

    public DiagnosticDescriptor Rule { get; }

    public Location Location { get; }

    /// <summary>What is set, as written in the file (<c>customErrors mode</c>).</summary>
    public string Setting { get; }

    public string Found { get; }

    public string Required { get; }

    /// <summary>The policy clause or control the requirement comes from.</summary>
    public string Clause { get; }

    /// <summary>Findings of two configurations are the same flaw when rule, place and message agree.</summary>
    public string Key => Rule.Id + "|" + Location.GetLineSpan().Path + "|" + Location.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "|" + Setting + "|" + Found + "|" + Required;
}
