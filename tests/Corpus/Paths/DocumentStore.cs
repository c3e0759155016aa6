using System;
using System.IO;
using System.Threading.Tasks;

namespace Corpus.Paths;

/// <summary>File storage used by the controllers; the cross-file sinks are here.</summary>
public sealed class DocumentStore
{
    private const string Root = "/srv/shop/documents";

    public Task<string> ReadAsync(string name) =>
        File.ReadAllTextAsync(Path.Combine(Root, name)); // vuln:PK1004#store-read caller's name combined into the path

    public Task<string> ReadCheckedAsync(string name)
    {
        var full = Path.GetFullPath(Path.Combine(Root, name));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException("Outside the document root.");
        }

        return File.ReadAllTextAsync(full); // safe:PK1004#store-read-checked canonical prefix check with separator
    }

    public void Delete(string relativePath) => File.Delete(Root + "/" + relativePath); // vuln:PK1004#store-delete

    public void DeleteById(int documentId) => File.Delete($"{Root}/{documentId}.pdf"); // safe:PK1004#store-delete-id integer id
}

public static class UploadPaths
{
    public static string UserFolder(this string userName) => Path.Combine("/srv/shop/users", userName);

    public static string SafeUserFolder(this Guid userId) => Path.Combine("/srv/shop/users", userId.ToString("N"));
}
