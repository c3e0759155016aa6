namespace PolicyKit;

/// <summary>One clause of a <see cref="PasswordPolicy"/> that a candidate password breaks.</summary>
/// <param name="Kind">Which clause.</param>
/// <param name="JsonPath">The policy setting (e.g. <c>password.minimumLength</c>).</param>
/// <param name="Message">English text for the user.</param>
/// <param name="Source">Where the setting comes from.</param>
public sealed record PasswordViolation(PasswordViolationKind Kind, string JsonPath, string Message, Provenance Source);
