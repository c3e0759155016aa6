namespace PolicyKit.Cli.Review;

/// <summary>Something in the delivery that the review did not read, and why (shown in the report's "not checked" list).</summary>
/// <param name="Path">The path relative to the delivery root (or a description such as <c>*.cshtml</c>).</param>
/// <param name="Reason">Why it was not checked, in English; the reports localise the known reasons by <paramref name="Kind"/>.</param>
/// <param name="Kind">The kind of skip, a stable key for localisation and tests.</param>
internal sealed record SkippedItem(string Path, string Reason, SkipKind Kind);

/// <summary>Why an item was not checked.</summary>
internal enum SkipKind
{
    /// <summary>A file larger than the cap for its kind.</summary>
    TooLarge,

    /// <summary>A file that is not text (NUL bytes) although named <c>.cs</c>.</summary>
    Binary,

    /// <summary>A file the reviewer's account cannot read.</summary>
    Unreadable,

    /// <summary>A symbolic link pointing outside the delivery root, or a linked directory.</summary>
    Link,

    /// <summary>Razor views and components (<c>.cshtml</c>, <c>.razor</c>): not compiled by this review.</summary>
    Razor,

    /// <summary>A project file that is not well-formed XML.</summary>
    BadProject,

    /// <summary>A text file not in UTF-8 (read as Shift_JIS or Latin-1).</summary>
    Encoding,

    /// <summary>A reference of a .NET Framework project (HintPath, reference assemblies) that could not be resolved.</summary>
    Unresolved,

    /// <summary>A path a project or solution names outside the delivery root: refused, never read.</summary>
    OutsideRoot,

    /// <summary>A NuGet package a project declares (or depends on) whose assemblies could not be found or fetched.</summary>
    PackageUnresolved,
}
