namespace PolicyKit;

/// <summary>Text in English and Japanese.</summary>
/// <param name="En">English.</param>
/// <param name="Ja">Japanese, or <see langword="null"/>.</param>
public sealed record LocalizedText(string En, string? Ja)
{
    /// <summary>The Japanese text when <paramref name="japanese"/> and available, else the English.</summary>
    /// <param name="japanese">Whether Japanese is wanted.</param>
    /// <returns>The text.</returns>
    public string Get(bool japanese) => japanese && !string.IsNullOrEmpty(Ja) ? Ja! : En;
}
