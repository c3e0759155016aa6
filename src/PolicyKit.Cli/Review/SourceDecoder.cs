using System;
using System.Text;

namespace PolicyKit.Cli.Review;

/// <summary>
/// Turns the bytes of a source file into text without throwing: UTF-8 (BOM or not), then Shift_JIS (common in
/// Japanese vendor deliveries), then Latin-1, which accepts any bytes. Files with NUL bytes are not text.
/// </summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding?> ShiftJis = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>Whether the bytes look binary (a NUL in the first 8000 bytes, as git decides).</summary>
    /// <param name="bytes">The file content.</param>
    /// <returns>True for binary content.</returns>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > 8000 ? bytes[..8000] : bytes;
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            return false;   // UTF-16 with a BOM is text
        }

        return head.IndexOf((byte)0) >= 0 && Utf16WithoutBom(head) is null;
    }

    /// <summary>Decodes source bytes.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="encodingName">The encoding used, or <see langword="null"/> for UTF-8.</param>
    /// <returns>The text.</returns>
    public static string Decode(byte[] bytes, out string? encodingName)
    {
        encodingName = null;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encodingName = "UTF-16LE";
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encodingName = "UTF-16BE";
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (Utf16WithoutBom(bytes.Length > 8000 ? bytes.AsSpan(0, 8000) : bytes) is { } bigEndian)
        {
            encodingName = bigEndian ? "UTF-16BE without BOM" : "UTF-16LE without BOM";
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes, 0, bytes.Length & ~1);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try the next candidate.
        }

        if (ShiftJis.Value is { } sjis)
        {
            try
            {
                var text = sjis.GetString(bytes);
                encodingName = "Shift_JIS";
                return text;
            }
            catch (DecoderFallbackException)
            {
                // Not Shift_JIS either: Latin-1 maps every byte.
            }
        }

        encodingName = "ISO-8859-1";
        return Encoding.Latin1.GetString(bytes);
    }

    // Source code saved as UTF-16 without a BOM is mostly ASCII: one byte of each pair is NUL and the other is not.
    // Returns true for big-endian, false for little-endian, null when the bytes do not look like UTF-16 text.
    private static bool? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 2)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }

        // At least 90 % of one side NUL and at most 10 % of the other: all-NUL (sparse) files are not text.
        if (oddNul * 10 >= pairs * 9 && evenNul * 10 <= pairs)
        {
            return false;
        }

        return evenNul * 10 >= pairs * 9 && oddNul * 10 <= pairs ? true : null;
    }
}
