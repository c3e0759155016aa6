namespace PolicyKit.CodeFixes;

/// <summary>Marker type for locating the code-fix assembly (tests, packaging checks).</summary>
internal static class FixerAssembly
{
}
