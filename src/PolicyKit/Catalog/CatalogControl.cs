using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>A control of the guidance, the policy settings it needs and the rules that check it.</summary>
public sealed record CatalogControl
{
    /// <summary>The control id (<c>MN-11</c>).</summary>
    public ControlId Id { get; init; }

    /// <summary>The source document id (<c>mynumber</c>).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The title.</summary>
    public LocalizedText Title { get; init; } = new(string.Empty, null);

    /// <summary>JSON paths of the policy settings (building blocks) that carry this control.</summary>
    public IReadOnlyList<string> Blocks { get; init; } = Array.Empty<string>();

    /// <summary>Rules that check it.</summary>
    public IReadOnlyList<RuleId> Rules { get; init; } = Array.Empty<RuleId>();

    /// <summary>How far a source review can check it.</summary>
    public Checkability Checkable { get; init; } = Checkability.Manual;

    /// <summary>根本的解決 or 保険的対策, where the source classifies its items (<c>measure</c>).</summary>
    public MeasureKind Measure { get; init; }

    /// <summary>
    /// The ※ group of the source's checklist: controls sharing a group are alternatives, any one of which suffices
    /// (<c>group</c>, e.g. <c>1-(i)</c>); <see langword="null"/> when the control stands alone.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>What a reviewer must know about the control: why it is not applicable, what a person confirms (<c>note</c>).</summary>
    public LocalizedText? Note { get; init; }
}
