namespace PolicyKit.Cli.Review;

/// <summary>A regular file inside the delivery root.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="RelativePath">The path relative to the delivery root, with <c>/</c> separators.</param>
/// <param name="Length">The size in bytes.</param>
internal sealed record DeliveryFile(string FullPath, string RelativePath, long Length);
