using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Recognises binary formats by the signature bytes at the start of the file.
/// </summary>
internal static class MagicNumbers
{
    /// <summary>How far into the file a PDF header may start: readers accept leading junk before <c>%PDF</c>.</summary>
    public const int PdfHeaderWindow = 1024;

    /// <summary>Returns the media type of an image, PDF or ZIP signature, or null when none matches.</summary>
    public static string? Match(ReadOnlySpan<byte> bytes)
    {
        var headerWindow = bytes[..Math.Min(bytes.Length, PdfHeaderWindow)];
        if (headerWindow.IndexOf("%PDF"u8) >= 0)
        {
            return MediaTypes.Pdf;
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
        {
            return OfficeZipInspector.Classify(bytes);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaTypes.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaTypes.Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return MediaTypes.Gif;
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return MediaTypes.Tiff;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaTypes.WebP;
        }

        return IsBitmap(bytes) ? MediaTypes.Bmp : null;
    }

    /// <summary>
    /// Checks the BMP file header beyond its two-letter signature, because text may also start with "BM".
    /// </summary>
    private static bool IsBitmap(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 18 || !bytes.StartsWith("BM"u8))
        {
            return false;
        }

        // Bytes 6 to 9 are reserved and zero; bytes 14 to 17 give the size of a known DIB header variant.
        var reserved = BinaryPrimitives.ReadUInt32LittleEndian(bytes[6..10]);
        var dibHeaderSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..18]);
        return reserved == 0 && dibHeaderSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }
}
