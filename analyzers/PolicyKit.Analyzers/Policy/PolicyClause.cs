namespace PolicyKit.Analyzers.Policy;

/// <summary>The clause a policy value cites, as a message shows it.</summary>
internal static class PolicyClause
{
    /// <summary>
    /// The clause id of the value at <paramref name="jsonPath"/> (<c>MN-11</c>, <c>ASVS 6.2.1</c>), or
    /// <c>policykit.json</c> when the adopter decided it without citing a clause.
    /// </summary>
    public static string Of(PolicySet policy, string jsonPath) =>
        policy.SourceOf(jsonPath).ClauseId ?? AnalyzerPolicy.FileName;
}
