using System;

namespace PolicyKit;

/// <summary>One key of policykit.json: its path, shape, limits, how it composes, and how to read and set it on its owner
/// (a <see cref="PolicySet"/> for top-level settings, an item record for fields of list items).</summary>
internal sealed class Setting
{
    public Setting(string path, SettingKind kind, Strictness strictness, Func<object, object?> get, Func<object, object?, object> set)
    {
        Path = path;
        Kind = kind;
        Strictness = strictness;
        Get = get;
        Set = set;
        var dot = path.LastIndexOf('.');
        Key = dot < 0 ? path : path.Substring(dot + 1);
        Parent = dot < 0 ? string.Empty : path.Substring(0, dot);
    }

    public string Path { get; }

    public string Key { get; }

    public string Parent { get; }

    public SettingKind Kind { get; }

    public Strictness Strictness { get; }

    public Func<object, object?> Get { get; }

    public Func<object, object?, object> Set { get; }

    public long Minimum { get; set; } = 0;

    public long Maximum { get; set; } = int.MaxValue;

    /// <summary>Allowed spellings for choices, weakest first.</summary>
    public string[]? Choices { get; set; }

    /// <summary>Whether list entries are algorithm names (compared after <see cref="AlgorithmNames.Normalize"/>).</summary>
    public bool Algorithms { get; set; }

    /// <summary>Whether an item field must be present.</summary>
    public bool Required { get; set; }

    /// <summary>Extra check of a text value: returns what was expected, or <see langword="null"/> when fine.</summary>
    public Func<string, string?>? Check { get; set; }

    /// <summary>For <see cref="SettingKind.ObjectList"/>: the shape of the items.</summary>
    public ItemSchema? Item { get; set; }
}
