using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers;

namespace PolicyKit.CodeFixes;

/// <summary>Code fix titles from the analyzers' resources (<c>PKnnnnCodeFix</c>), in the IDE's UI language.</summary>
internal static class FixTitles
{
    public static string For(string ruleId, string argument) =>
        new LocalizableResourceString(ruleId + "CodeFix", Resources.ResourceManager, typeof(Resources), argument).ToString();
}
