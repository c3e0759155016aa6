namespace PolicyKit;

/// <summary>A problem in a policy: where it is (JSON path and text location), what kind, what was expected, and which clause asks.</summary>
/// <param name="JsonPath">Dotted path with list indices (<c>password.lockout.threshold</c>, <c>waivers[0].expires</c>); <c>$</c> for the whole file.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">English text saying what was found and what was expected.</param>
/// <param name="Clause">The clause that requires the value, when there is one.</param>
/// <param name="Location">Where in the text; for missing values, the enclosing object or the file start. <see langword="null"/> for a policy built in code.</param>
public sealed record PolicyError(string JsonPath, PolicyErrorKind Kind, string Message, string? Clause = null, PolicyLocation? Location = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        (Location is null ? string.Empty : $"({Location.Line},{Location.Column}): ") + $"{Kind} at {JsonPath}: {Message}" + (Clause is null ? string.Empty : $" [{Clause}]");
}
