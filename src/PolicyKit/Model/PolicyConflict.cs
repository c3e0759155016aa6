namespace PolicyKit;

/// <summary>
/// Two composed values that cannot both hold, e.g. <c>password.maximumAgeDays</c> from one profile against
/// <c>password.forbidPeriodicChange: true</c> from another. Settled by a <c>decisions</c> entry keyed by <see cref="Path"/>
/// whose value is the profile name of the side to keep, or <c>adopter</c>.
/// </summary>
/// <param name="Path">The setting the conflict is about (the <c>decisions</c> key).</param>
/// <param name="Value">The first value, as JSON text.</param>
/// <param name="Source">Where the first value comes from.</param>
/// <param name="OtherPath">The setting of the second value (equal to <paramref name="Path"/> unless two settings contradict).</param>
/// <param name="OtherValue">The second value, as JSON text.</param>
/// <param name="OtherSource">Where the second value comes from.</param>
/// <param name="Message">English explanation.</param>
public sealed record PolicyConflict(string Path, string Value, Provenance Source, string OtherPath, string OtherValue, Provenance OtherSource, string Message)
{
    internal object? FirstValue { get; init; }

    internal object? SecondValue { get; init; }

    internal object? ValueOf(bool first) => first ? FirstValue : SecondValue;
}
