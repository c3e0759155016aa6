namespace PolicyKit.Cli.Review;

/// <summary>A NuGet package whose assemblies a review compiled against (metadata only).</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version used.</param>
/// <param name="Origin">Where it was found: the NuGet global packages folder, PolicyKit's cache, or the shared framework.</param>
/// <param name="Requested">The version the project or a dependency asked for when a different local version was used, else <see langword="null"/>.</param>
internal sealed record ResolvedPackage(string Id, string Version, string Origin, string? Requested)
{
    /// <summary>One line for the report: <c>Id Version (origin)</c>, with the substitution when there is one.</summary>
    public string Describe() => Id + " " + Version + " (" + Origin + (Requested is null ? string.Empty : "; " + Requested + " requested, not available") + ")";
}

/// <summary>A package a project declares (directly or through a dependency) that a review could not use.</summary>
/// <param name="Project">The project (relative path).</param>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version or range asked for.</param>
/// <param name="Reason">Why it could not be used.</param>
internal sealed record UnresolvedPackage(string Project, string Id, string Version, string Reason);
