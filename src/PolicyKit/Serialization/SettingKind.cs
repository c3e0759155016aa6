namespace PolicyKit;

/// <summary>The JSON shape of a setting.</summary>
internal enum SettingKind
{
    Integer,
    Boolean,
    Text,
    Choice,
    TextList,
    ChoiceList,
    IntegerMap,
    TextMap,
    ObjectList,
}
