namespace PolicyKit.Cli.Review;

/// <summary>
/// The size limits a review applies to vendor files before reading them, so that a crafted delivery cannot exhaust
/// memory (SECURITY.md, "Limits"). A file over its limit is listed under "not checked", never read.
/// </summary>
internal static class ReviewLimits
{
    /// <summary>Project files (<c>.csproj</c>) and <c>Directory.Build.props</c> larger than this are not read.</summary>
    public const long MaxProjectFileBytes = 4L * 1024 * 1024;

    /// <summary>Solution files (<c>.sln</c>, <c>.slnx</c>) larger than this are refused (exit code 2).</summary>
    public const long MaxSolutionBytes = 4L * 1024 * 1024;
}
