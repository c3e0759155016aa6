using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>Declares the settings of one object of policykit.json (a section of a <see cref="PolicySet"/>, or a list item).</summary>
internal sealed class SectionBuilder<TOwner, TSection>
    where TOwner : class
{
    private readonly string prefix;
    private readonly Func<TOwner, TSection> of;
    private readonly Func<TOwner, TSection, TOwner> with;
    private readonly List<Setting> target;

    public SectionBuilder(string prefix, Func<TOwner, TSection> of, Func<TOwner, TSection, TOwner> with, List<Setting> target)
    {
        this.prefix = prefix;
        this.of = of;
        this.with = with;
        this.target = target;
    }

    public Setting Int(string key, Strictness strictness, long minimum, long maximum, Func<TSection, int?> get, Func<TSection, int?, TSection> set)
    {
        var setting = Add(key, SettingKind.Integer, strictness, x => get(x), (x, v) => set(x, (int?)v));
        setting.Minimum = minimum;
        setting.Maximum = maximum;
        return setting;
    }

    public Setting Bool(string key, Strictness strictness, Func<TSection, bool?> get, Func<TSection, bool?, TSection> set) =>
        Add(key, SettingKind.Boolean, strictness, x => get(x), (x, v) => set(x, (bool?)v));

    public Setting Text(string key, Strictness strictness, Func<TSection, string?> get, Func<TSection, string?, TSection> set, Func<string, string?>? check = null)
    {
        var setting = Add(key, SettingKind.Text, strictness, x => get(x), (x, v) => set(x, (string?)v));
        setting.Check = check;
        return setting;
    }

    public Setting List(string key, Strictness strictness, Func<TSection, IReadOnlyList<string>?> get, Func<TSection, IReadOnlyList<string>?, TSection> set, bool algorithms = false)
    {
        var setting = Add(key, SettingKind.TextList, strictness, x => get(x), (x, v) => set(x, (IReadOnlyList<string>?)v));
        setting.Algorithms = algorithms;
        return setting;
    }

    public Setting Choice<TEnum>(string key, Strictness strictness, string[] names, TEnum[] values, Func<TSection, TEnum?> get, Func<TSection, TEnum?, TSection> set)
        where TEnum : struct
    {
        var setting = Add(
            key,
            SettingKind.Choice,
            strictness,
            x => get(x) is TEnum e ? names[Array.IndexOf(values, e)] : null,
            (x, v) => set(x, v is string s ? values[Array.IndexOf(names, s)] : null));
        setting.Choices = names;
        return setting;
    }

    public Setting Add(string key, SettingKind kind, Strictness strictness, Func<TSection, object?> get, Func<TSection, object?, TSection> set)
    {
        var path = prefix.Length == 0 ? key : prefix + "." + key;
        var setting = new Setting(path, kind, strictness, o => get(of((TOwner)o)), (o, v) => with((TOwner)o, set(of((TOwner)o), v)));
        target.Add(setting);
        return setting;
    }
}
