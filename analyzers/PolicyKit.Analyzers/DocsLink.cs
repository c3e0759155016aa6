namespace PolicyKit.Analyzers;

/// <summary>Help links of the rules: one page per rule under <c>docs/rules</c>.</summary>
internal static class DocsLink
{
    public const string Base = "https://github.com/policykit/policykit/blob/main/docs/rules/";

    public static string For(string id) => Base + id + ".md";
}
