using System;
using System.Collections.Generic;

namespace PolicyKit;

/// <summary>The shape of the items of a list of objects (roles, data classes, retention periods, waivers, requirements).</summary>
internal sealed class ItemSchema
{
    public ItemSchema(string keyField, Func<object> create, Func<object, Provenance>? getSource, Func<object, Provenance, object>? setSource)
    {
        KeyField = keyField;
        Create = create;
        GetSource = getSource;
        SetSource = setSource;
    }

    /// <summary>The field that identifies an item when lists are merged; empty when items are never merged.</summary>
    public string KeyField { get; }

    public Func<object> Create { get; }

    /// <summary>Reads the item-level provenance, or <see langword="null"/> when the item has none.</summary>
    public Func<object, Provenance>? GetSource { get; }

    public Func<object, Provenance, object>? SetSource { get; }

    public List<Setting> Fields { get; } = new();

    public Setting? Find(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Key == key)
            {
                return field;
            }
        }

        return null;
    }
}
