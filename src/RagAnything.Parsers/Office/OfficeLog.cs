using Microsoft.Extensions.Logging;

namespace RagAnything.Parsing;

/// <summary>
/// Source-generated log messages of the Office parsers. Event ids: 1200 to 1299.
/// </summary>
internal static partial class OfficeLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Parsing {SourceName} ({Size} bytes) as {Format} with parser {ParserId}.")]
    public static partial void ParseStarted(ILogger logger, string sourceName, long size, string format, string parserId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Parsed {SourceName}: {ItemCount} items from {PageCount} pages in {ElapsedMs} ms.")]
    public static partial void ParseCompleted(ILogger logger, string sourceName, int itemCount, int pageCount, long elapsedMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Parsing {SourceName} failed ({Reason}): {Message}")]
    public static partial void ParseFailed(ILogger logger, Exception? exception, string sourceName, string reason, string message);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Package {SourceName} passed the size check: {EntryCount} entries, {DecompressedBytes} bytes decompressed.")]
    public static partial void PackageChecked(ILogger logger, string sourceName, int entryCount, long decompressedBytes);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Skipped content in {SourceName}: {Warning}")]
    public static partial void ContentSkipped(ILogger logger, string sourceName, string warning);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Image {Index} of {SourceName} could not be stored under {BlobKey}; the image item is kept without bytes.")]
    public static partial void ImageStoreFailed(ILogger logger, Exception exception, string sourceName, int index, string blobKey);
}
