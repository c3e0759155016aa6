namespace PolicyKit.AspNetCore;

/// <summary>One setting of the running configuration that is weaker than the policy.</summary>
/// <param name="Setting">The ASP.NET Core setting, e.g. <c>IdentityOptions.Password.RequiredLength</c>.</param>
/// <param name="Actual">Its value.</param>
/// <param name="Required">What the policy requires.</param>
/// <param name="PolicyPath">The policy setting, e.g. <c>password.minimumLength</c>.</param>
/// <param name="Source">Where the policy value comes from (clause and profile).</param>
public sealed record PolicyConfigurationFinding(string Setting, string Actual, string Required, string PolicyPath, Provenance Source)
{
    /// <summary>A sentence naming the setting, its value, the requirement and the clause.</summary>
    public string Message => $"{Setting} is {Actual}; {PolicyPath} requires {Required} [{Source}].";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
