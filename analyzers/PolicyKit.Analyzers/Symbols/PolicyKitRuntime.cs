using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// PolicyKit.AspNetCore's own registration (<c>services.AddPolicyKit(…)</c>) applies policykit.json to Identity, the
/// authentication cookie and sessions at start-up, and refuses a weaker configuration with <c>ValidateOnStart()</c>.
/// Rules that judge framework defaults left unset treat it like options bound from configuration.
/// </summary>
internal static class PolicyKitRuntime
{
    public static bool AppliesPolicy(IMethodSymbol method) =>
        method.Name == "AddPolicyKit"
        && method.ContainingNamespace is { Name: "AspNetCore", ContainingNamespace: { Name: "PolicyKit", ContainingNamespace.IsGlobalNamespace: true } };
}
