using Microsoft.Extensions.Logging;

namespace RagAnything.Parsing;

/// <summary>
/// Source-generated log messages of the parsers. Event ids: parsing 1xxx.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Parsing {SourceName} ({Size} bytes) as {MediaType} with parser {ParserId}.")]
    public static partial void ParseStarted(ILogger logger, string sourceName, long size, string mediaType, string parserId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Parsed {SourceName}: {ItemCount} items from {PageCount} pages in {ElapsedMs} ms.")]
    public static partial void ParseCompleted(ILogger logger, string sourceName, int itemCount, int pageCount, long elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Parsing {SourceName} failed ({Reason}): {Message}")]
    public static partial void ParseFailed(ILogger logger, Exception? exception, string sourceName, string reason, string message);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Decoded {SourceName} as {Encoding}.")]
    public static partial void EncodingDetected(ILogger logger, string sourceName, string encoding);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Page {PageNumber} of {SourceName} has no text layer and was skipped.")]
    public static partial void PageWithoutText(ILogger logger, string sourceName, int pageNumber);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Page {PageNumber} of {SourceName} could not be read and was skipped.")]
    public static partial void PageFailed(ILogger logger, Exception exception, string sourceName, int pageNumber);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Skipped an image on page {PageNumber} of {SourceName}: {Reason}.")]
    public static partial void ImageSkipped(ILogger logger, string sourceName, int pageNumber, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Kept {Kept} images of {SourceName} and skipped {Dropped} more over PdfParserOptions.MaxImagesPerDocument.")]
    public static partial void ImagesCapped(ILogger logger, string sourceName, int kept, int dropped);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Rendering page {PageNumber} of {SourceName} for OCR failed, trying its largest image: {Reason}.")]
    public static partial void PageRenderFailed(ILogger logger, string sourceName, int pageNumber, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Page {PageNumber} of {SourceName} has no text layer and was read by OCR: {ItemCount} paragraphs.")]
    public static partial void PageRecognized(ILogger logger, string sourceName, int pageNumber, int itemCount);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "OCR of page {PageNumber} of {SourceName} failed: {Reason}.")]
    public static partial void PageRecognitionFailed(ILogger logger, string sourceName, int pageNumber, string reason);
}
