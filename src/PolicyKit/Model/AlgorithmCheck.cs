namespace PolicyKit;

/// <summary>The result of checking an algorithm (and key size) against an <see cref="EncryptionRequirement"/>.</summary>
/// <param name="Algorithm">The canonical algorithm name.</param>
/// <param name="Family">Its family.</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="JsonPath">The setting that decided a refusal (e.g. <c>encryption.forbiddenHashes</c>), or <see langword="null"/>.</param>
/// <param name="MinimumKeySize">The least key size required for the algorithm, if the policy sets one.</param>
/// <param name="Message">English explanation.</param>
public sealed record AlgorithmCheck(string Algorithm, AlgorithmFamily Family, AlgorithmVerdict Verdict, string? JsonPath, int? MinimumKeySize, string Message)
{
    /// <summary>Whether the policy allows it.</summary>
    public bool IsAllowed => Verdict == AlgorithmVerdict.Allowed;
}
