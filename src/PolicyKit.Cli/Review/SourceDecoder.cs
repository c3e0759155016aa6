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

        return head.IndexOf((byte)0) >= 0;
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
}
