using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the pixel size from the header of PNG, GIF, BMP and JPEG images, and picks file extensions for blob keys.
/// </summary>
internal static class ImageDimensions
{
    /// <summary>Returns the width and height in pixels, or (0, 0) when the format is not recognised.</summary>
    public static (int Width, int Height) Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        }

        if (bytes.Length >= 10 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F')
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
        }

        if (bytes.Length >= 26 && bytes[0] == 'B' && bytes[1] == 'M')
        {
            // The height is negative for top-down bitmaps.
            return (BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(bytes[22..])));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return ReadJpeg(bytes);
        }

        return (0, 0);
    }

    /// <summary>Returns a file extension for a part's content type, such as <c>png</c> for <c>image/png</c>.</summary>
    public static string ExtensionOf(string contentType) => contentType.ToLowerInvariant() switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" => "jpg",
        "image/gif" => "gif",
        "image/bmp" => "bmp",
        "image/tiff" => "tiff",
        "image/webp" => "webp",
        "image/svg+xml" => "svg",
        "image/x-emf" or "image/emf" => "emf",
        "image/x-wmf" or "image/wmf" => "wmf",
        _ => "bin",
    };

    /// <summary>Walks the JPEG markers up to the first start-of-frame segment, which contains the size.</summary>
    private static (int Width, int Height) ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (position + 9 < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return (0, 0);
            }

            var marker = bytes[position + 1];
            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);

            // Markers C0 to CF start a frame and carry its size, except C4 (DHT), C8 (JPG) and CC (DAC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 7)..]);
                return (width, height);
            }

            position += 2 + segmentLength;
        }

        return (0, 0);
    }
}
