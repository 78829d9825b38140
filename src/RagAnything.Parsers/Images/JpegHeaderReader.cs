using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Finds the frame header (SOF0 to SOF15) of a JPEG file by walking its marker segments, and reads the size from it.
/// </summary>
internal static class JpegHeaderReader
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    public static ImageHeader? Read(ReadOnlySpan<byte> bytes)
    {
        // Skip the start-of-image marker FF D8.
        var position = 2;
        while (position + 1 < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            // A marker may be preceded by any number of FF fill bytes.
            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            position += 2;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                // TEM and RST0-7 stand alone, without a length field.
                continue;
            }

            if (marker is StartOfScan or EndOfImage || position + 2 > bytes.Length)
            {
                // Image data or the end came before any frame header.
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[position..]);
            if (length < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                // Frame header: length (2), sample precision (1), height (2), width (2).
                if (position + 7 > bytes.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 5)..]);
                return new ImageHeader(MediaTypes.Jpeg, "jpg", width, height);
            }

            position += length;
        }

        return null;
    }

    // C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding conditioning) share the range but are not frames.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}
