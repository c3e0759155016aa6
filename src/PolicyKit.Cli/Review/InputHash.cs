using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace PolicyKit.Cli.Review;

/// <summary>
/// The delivery's fingerprint: SHA-256 over every file's relative path (sorted ordinally, <c>/</c> separators) and
/// content, so that the report names exactly the input it judged. Unreadable files contribute their path and a marker.
/// </summary>
internal static class InputHash
{
    /// <summary>Computes the hash.</summary>
    /// <param name="files">The files, sorted by relative path.</param>
    /// <param name="cancellationToken">Cancels hashing.</param>
    /// <returns>Lower-case hex.</returns>
    public static string Compute(IReadOnlyList<DeliveryFile> files, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0"));
                if (file.Length == 0)
                {
                    // Never opened: an empty file adds nothing, and a FIFO or device node (size 0) would block open().
                    hash.AppendData(new byte[] { 0 });
                    continue;
                }

                try
                {
                    using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes("\0unreadable"));
                }

                hash.AppendData(new byte[] { 0 });
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
