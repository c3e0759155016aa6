namespace PolicyKit.Json;

/// <summary>A located error found while reading JSON text.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">English text that says what was found and what was expected.</param>
/// <param name="Offset">Zero-based UTF-16 offset of the offending text.</param>
/// <param name="Length">Length in UTF-16 units of the offending text (at least 0).</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column, counted in UTF-16 units.</param>
public sealed record JsonError(JsonErrorKind Kind, string Message, int Offset, int Length, int Line, int Column);
