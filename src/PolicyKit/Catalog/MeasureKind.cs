namespace PolicyKit;

/// <summary>
/// Whether a control removes the cause or only reduces the damage, as IPA 「安全なウェブサイトの作り方」 labels each
/// checklist item (根本的解決 / 保険的対策).
/// </summary>
public enum MeasureKind
{
    /// <summary>The source does not classify the control.</summary>
    Unspecified,

    /// <summary>根本的解決: removes the cause of the vulnerability (<c>fundamental</c>).</summary>
    Fundamental,

    /// <summary>保険的対策: reduces the impact of an attack (<c>mitigation</c>).</summary>
    Mitigation,
}
