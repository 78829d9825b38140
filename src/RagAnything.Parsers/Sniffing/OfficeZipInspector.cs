using System.Buffers.Binary;

namespace RagAnything.Parsing;

/// <summary>
/// Tells Office Open XML packages (DOCX, XLSX, PPTX) apart from other ZIP archives by the entry names in the ZIP
/// central directory, without decompressing anything.
/// </summary>
internal static class OfficeZipInspector
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint CentralDirectoryHeaderSignature = 0x02014b50;
    private const uint LocalFileHeaderSignature = 0x04034b50;
    private const int EndOfCentralDirectoryLength = 22;
    private const int CentralDirectoryHeaderLength = 46;
    private const int LocalFileHeaderLength = 30;

    /// <summary>Returns the Office media type of the archive, or <see cref="MediaTypes.Zip"/> for any other archive.</summary>
    public static string Classify(ReadOnlySpan<byte> archive)
    {
        var kind = ClassifyFromCentralDirectory(archive) ?? ClassifyFromLocalHeaders(archive);
        return kind ?? MediaTypes.Zip;
    }

    private static string? ClassifyFromCentralDirectory(ReadOnlySpan<byte> archive)
    {
        var endRecord = FindEndOfCentralDirectory(archive);
        if (endRecord < 0)
        {
            return null;
        }

        var entryCount = BinaryPrimitives.ReadUInt16LittleEndian(archive[(endRecord + 10)..]);
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(archive[(endRecord + 16)..]);

        var position = (long)directoryOffset;
        for (var entry = 0; entry < entryCount; entry++)
        {
            if (position + CentralDirectoryHeaderLength > archive.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)position..]) != CentralDirectoryHeaderSignature)
            {
                return null;
            }

            var header = archive[(int)position..];
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (position + CentralDirectoryHeaderLength + nameLength > archive.Length)
            {
                return null;
            }

            var kind = ClassifyEntryName(header.Slice(CentralDirectoryHeaderLength, nameLength));
            if (kind is not null)
            {
                return kind;
            }

            position += CentralDirectoryHeaderLength + nameLength + extraLength + commentLength;
        }

        return null;
    }

    /// <summary>
    /// Walks the local file headers from the start, for archives whose end was cut off. Entries with a data
    /// descriptor (unknown compressed size) stop the walk.
    /// </summary>
    private static string? ClassifyFromLocalHeaders(ReadOnlySpan<byte> archive)
    {
        var position = 0L;
        while (position + LocalFileHeaderLength <= archive.Length
            && BinaryPrimitives.ReadUInt32LittleEndian(archive[(int)position..]) == LocalFileHeaderSignature)
        {
            var header = archive[(int)position..];
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
            var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            if (position + LocalFileHeaderLength + nameLength > archive.Length)
            {
                return null;
            }

            var kind = ClassifyEntryName(header.Slice(LocalFileHeaderLength, nameLength));
            if (kind is not null)
            {
                return kind;
            }

            if ((flags & 0x08) != 0)
            {
                return null;
            }

            position += LocalFileHeaderLength + nameLength + extraLength + compressedSize;
        }

        return null;
    }

    private static int FindEndOfCentralDirectory(ReadOnlySpan<byte> archive)
    {
        // The record sits at the end, followed by a comment of at most 65,535 bytes.
        var earliest = Math.Max(0, archive.Length - EndOfCentralDirectoryLength - ushort.MaxValue);
        for (var position = archive.Length - EndOfCentralDirectoryLength; position >= earliest; position--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(archive[position..]) == EndOfCentralDirectorySignature)
            {
                return position;
            }
        }

        return -1;
    }

    private static string? ClassifyEntryName(ReadOnlySpan<byte> name)
    {
        // Entry names are UTF-8 or code page 437; the prefixes compared here are ASCII in both.
        if (name.StartsWith("word/"u8))
        {
            return MediaTypes.Docx;
        }

        if (name.StartsWith("xl/"u8))
        {
            return MediaTypes.Xlsx;
        }

        return name.StartsWith("ppt/"u8) ? MediaTypes.Pptx : null;
    }
}
