namespace PolicyKit;

/// <summary>A value a profile requires the adopter to decide (<c>requirements[]</c>).</summary>
/// <param name="Path">The JSON path of the value, e.g. <c>password.lockout.durationMinutes</c>.</param>
/// <param name="Clause">The clause that asks for it, e.g. <c>MN-13</c>.</param>
/// <param name="Note">Why, in a few words.</param>
public sealed record PolicyRequirement(string Path, string Clause, string? Note = null);
