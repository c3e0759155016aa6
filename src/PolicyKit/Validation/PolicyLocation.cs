namespace PolicyKit;

/// <summary>Where in policykit.json something is.</summary>
/// <param name="Offset">Zero-based UTF-16 offset.</param>
/// <param name="Length">Length in UTF-16 units.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="FilePath">The file, when known.</param>
public sealed record PolicyLocation(int Offset, int Length, int Line, int Column, string? FilePath = null)
{
    /// <summary>The start of a file.</summary>
    /// <param name="filePath">The file.</param>
    /// <returns>Offset 0, line 1, column 1.</returns>
    public static PolicyLocation FileStart(string? filePath = null) => new(0, 0, 1, 1, filePath);
}
