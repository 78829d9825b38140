using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Reads ImageWidth (tag 256) and ImageLength (tag 257) from the first image file directory of a TIFF or BigTIFF file.
/// </summary>
internal static class TiffHeaderReader
{
    private const ushort ImageWidthTag = 256;
    private const ushort ImageLengthTag = 257;
    private const ushort ShortType = 3;
    private const ushort LongType = 4;
    private const ushort Long8Type = 16;

    public static ImageHeader? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return null;
        }

        var littleEndian = bytes[0] == (byte)'I';
        var version = ReadUInt16(bytes[2..], littleEndian);
        return version switch
        {
            42 => ReadDirectory(bytes, ReadUInt32(bytes[4..], littleEndian), littleEndian, bigTiff: false),
            43 when bytes.Length >= 16 => ReadDirectory(bytes, ReadUInt64(bytes[8..], littleEndian), littleEndian, bigTiff: true),
            _ => null,
        };
    }

    private static ImageHeader? ReadDirectory(ReadOnlySpan<byte> bytes, ulong offset, bool littleEndian, bool bigTiff)
    {
        // Classic TIFF: a 2-byte entry count and 12-byte entries. BigTIFF: an 8-byte count and 20-byte entries.
        var countSize = bigTiff ? 8 : 2;
        var entrySize = bigTiff ? 20 : 12;
        if (offset > (ulong)(bytes.Length - countSize))
        {
            return null;
        }

        var position = (int)offset;
        var count = bigTiff ? ReadUInt64(bytes[position..], littleEndian) : ReadUInt16(bytes[position..], littleEndian);
        position += countSize;

        long width = 0;
        long height = 0;
        for (ulong index = 0; index < count && position + entrySize <= bytes.Length; index++, position += entrySize)
        {
            var entry = bytes[position..];
            var tag = ReadUInt16(entry, littleEndian);
            if (tag is ImageWidthTag or ImageLengthTag)
            {
                // The value sits left-aligned in the entry's value field, which follows tag (2), type (2) and count (4 or 8).
                var value = ReadValue(entry[(bigTiff ? 12 : 8)..], ReadUInt16(entry[2..], littleEndian), littleEndian);
                if (tag == ImageWidthTag)
                {
                    width = value;
                }
                else
                {
                    height = value;
                }
            }
        }

        return new ImageHeader(MediaTypes.Tiff, "tiff", width, height);
    }

    private static long ReadValue(ReadOnlySpan<byte> field, ushort type, bool littleEndian) => type switch
    {
        ShortType => ReadUInt16(field, littleEndian),
        LongType => ReadUInt32(field, littleEndian),
        Long8Type => (long)Math.Min(ReadUInt64(field, littleEndian), uint.MaxValue),
        _ => 0,
    };

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static ulong ReadUInt64(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
}
