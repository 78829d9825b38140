using System.Buffers;
using System.IO.Compression;

namespace RagAnything.Parsing;

/// <summary>
/// Checks a package before OpenXml reads it: not empty, not an OLE2 compound file, and every ZIP entry within the
/// decompression limits of <see cref="OfficeParserOptions"/>.
/// </summary>
/// <remarks>
/// Every entry is decompressed once and its bytes are counted as they come out of the inflater, because the sizes in
/// the ZIP headers come from the file's creator and can be false. OpenXml reads the same entries afterwards, so
/// nothing it reads can expand beyond what was counted here. On .NET 10, System.IO.Compression also stops inflating an
/// entry at its declared uncompressed size, so a lie in that field truncates the entry instead of expanding it.
/// </remarks>
internal static class OfficePackageGuard
{
    private const int ReadBufferSize = 81920;

    // OLE2 compound files (legacy .doc/.xls/.ppt, and encrypted OOXML packages, which Office wraps in OLE2) start with
    // this 8-byte signature.
    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Validates the package and returns its entry count and the number of bytes its entries decompress to.</summary>
    /// <exception cref="Errors.DocumentParseException">The package is empty, legacy, encrypted, corrupt or over a limit.</exception>
    public static (int EntryCount, long DecompressedBytes) Check(DocumentSource source, string format, OfficeParserOptions options, CancellationToken cancellationToken)
    {
        var content = source.Content;
        if (content.IsEmpty)
        {
            throw ParseFailures.Empty(source.Name);
        }

        if (content.Span.StartsWith(Ole2Signature))
        {
            throw OfficeFailures.LegacyOrEncrypted(source.Name, format);
        }

        try
        {
            using var stream = OfficePackageStream.Open(content);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            return (archive.Entries.Count, CountDecompressedBytes(archive, source.Name, options, cancellationToken));
        }
        catch (InvalidDataException exception)
        {
            throw ParseFailures.Corrupt(source.Name, format, exception);
        }
    }

    private static long CountDecompressedBytes(ZipArchive archive, string sourceName, OfficeParserOptions options, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            var total = 0L;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                total = CountEntry(entry, total, buffer, sourceName, options);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long CountEntry(ZipArchiveEntry entry, long total, byte[] buffer, string sourceName, OfficeParserOptions options)
    {
        using var entryStream = entry.Open();

        var entryBytes = 0L;
        int read;
        while ((read = entryStream.Read(buffer, 0, buffer.Length)) > 0)
        {
            entryBytes += read;
            total += read;

            if (total > options.MaxDecompressedBytes)
            {
                throw OfficeFailures.TotalSizeExceeded(sourceName, options.MaxDecompressedBytes);
            }

            // The compressed length also comes from the headers. Understating it only raises the ratio, and the total
            // limit above applies whatever it says.
            var compressed = Math.Max(entry.CompressedLength, 1);
            if (entryBytes > OfficeParserOptions.CompressionRatioThresholdBytes && (double)entryBytes / compressed > options.MaxCompressionRatio)
            {
                throw OfficeFailures.RatioExceeded(sourceName, entry.FullName, entryBytes, entry.CompressedLength, options.MaxCompressionRatio);
            }
        }

        return total;
    }
}
