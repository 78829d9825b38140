using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the format and pixel size from the first bytes of PNG, JPEG, GIF, BMP, TIFF and WebP files without decoding
/// the pixels, so a size check costs nothing even for a file that claims billions of pixels.
/// </summary>
internal static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Detects the format from its signature and reads the size.
    /// </summary>
    /// <returns>The header, or <see langword="null"/> when the signature is unknown, the header is truncated or a side is 0.</returns>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes)
    {
        ImageHeader? header;
        if (bytes.StartsWith(PngSignature))
        {
            header = ReadPng(bytes);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            header = JpegHeaderReader.Read(bytes);
        }
        else if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            header = ReadGif(bytes);
        }
        else if (bytes.StartsWith("BM"u8))
        {
            header = ReadBmp(bytes);
        }
        else if (bytes.StartsWith("II"u8) || bytes.StartsWith("MM"u8))
        {
            header = TiffHeaderReader.Read(bytes);
        }
        else if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            header = ReadWebP(bytes);
        }
        else
        {
            header = null;
        }

        // Every one of these formats needs at least one pixel in each direction; a 0 side means a damaged header.
        return header is { Width: > 0, Height: > 0 } ? header : null;
    }

    private static ImageHeader? ReadPng(ReadOnlySpan<byte> bytes)
    {
        // The signature is followed by the IHDR chunk: length (4), type (4), width (4), height (4), all big-endian.
        if (bytes.Length < 24 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);

        // PNG limits each side to 2^31 - 1.
        return width > int.MaxValue || height > int.MaxValue ? null : new ImageHeader(MediaTypes.Png, "png", width, height);
    }

    private static ImageHeader? ReadGif(ReadOnlySpan<byte> bytes)
    {
        // The logical screen descriptor follows the 6-byte signature: width and height, little-endian 16-bit.
        if (bytes.Length < 10)
        {
            return null;
        }

        return new ImageHeader(
            MediaTypes.Gif,
            "gif",
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
    }

    private static ImageHeader? ReadBmp(ReadOnlySpan<byte> bytes)
    {
        // The 14-byte file header is followed by a DIB header whose first field is its own size.
        if (bytes.Length < 26)
        {
            return null;
        }

        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..]);
        if (dibSize == 12)
        {
            // BITMAPCOREHEADER (OS/2 1.x): unsigned 16-bit sides.
            return new ImageHeader(
                MediaTypes.Bmp,
                "bmp",
                BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]),
                BinaryPrimitives.ReadUInt16LittleEndian(bytes[20..]));
        }

        if (dibSize < 40)
        {
            return null;
        }

        // BITMAPINFOHEADER and later: signed 32-bit sides; a negative height marks rows stored top-down.
        var width = BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(bytes[22..]);
        if (width <= 0 || height == int.MinValue)
        {
            return null;
        }

        return new ImageHeader(MediaTypes.Bmp, "bmp", width, Math.Abs(height));
    }

    private static ImageHeader? ReadWebP(ReadOnlySpan<byte> bytes)
    {
        // The first chunk after "RIFF" size "WEBP" names which of the three WebP encodings the file uses.
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        var payload = bytes[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
            if (!payload[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
            {
                return null;
            }

            return new ImageHeader(
                MediaTypes.WebP,
                "webp",
                BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: the signature byte 0x2F, then width - 1 and height - 1 as 14-bit fields, least significant first.
            if (payload[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return new ImageHeader(MediaTypes.WebP, "webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: 4 bytes of flags, then canvas width - 1 and height - 1 as 24-bit little-endian fields.
            return new ImageHeader(MediaTypes.WebP, "webp", ReadUInt24(payload[4..]) + 1, ReadUInt24(payload[7..]) + 1);
        }

        return null;
    }

    private static long ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
