namespace PolicyKit;

/// <summary>A guidance document of the catalog.</summary>
/// <param name="Id">The id (<c>mynumber</c>).</param>
/// <param name="Title">The title.</param>
/// <param name="Document">The document's full name or address.</param>
public sealed record CatalogSource(string Id, LocalizedText Title, string? Document);
