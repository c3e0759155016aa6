namespace PolicyKit.Cli.Review;

/// <summary>How far a review has got (shown on a terminal only).</summary>
/// <param name="FilesParsed">C# files read and parsed so far.</param>
/// <param name="FilesTotal">C# files to parse.</param>
/// <param name="ProjectsCompiled">Projects compiled and analysed so far.</param>
/// <param name="ProjectsTotal">Projects to compile.</param>
/// <param name="Findings">Findings so far.</param>
/// <param name="Current">The project being analysed, or <see langword="null"/>.</param>
internal sealed record ReviewProgress(int FilesParsed, int FilesTotal, int ProjectsCompiled, int ProjectsTotal, int Findings, string? Current);
