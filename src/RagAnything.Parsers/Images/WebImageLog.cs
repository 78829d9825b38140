using Microsoft.Extensions.Logging;

namespace RagAnything.Parsing;

/// <summary>
/// Source-generated log messages of the HTML, CSV and image parsers and of the Tesseract recognizer.
/// Event ids 1300-1399: 130x parse lifecycle, 131x HTML, 132x CSV, 133x OCR, 134x images.
/// </summary>
internal static partial class WebImageLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Parsing {SourceName} ({Size} bytes) as {MediaType} with parser {ParserId}.")]
    public static partial void ParseStarted(ILogger logger, string sourceName, long size, string mediaType, string parserId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Parsed {SourceName}: {ItemCount} items from {PageCount} pages in {ElapsedMs} ms.")]
    public static partial void ParseCompleted(ILogger logger, string sourceName, int itemCount, int pageCount, long elapsedMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Parsing {SourceName} failed ({Reason}): {Message}")]
    public static partial void ParseFailed(ILogger logger, string sourceName, string reason, string message);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Debug, Message = "Decoded {SourceName} as {Encoding} (from {EncodingSource}).")]
    public static partial void HtmlEncodingDetected(ILogger logger, string sourceName, string encoding, string encodingSource);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "{TableCount} tables in {SourceName} had more than {MaxCells} cells after expanding merged cells; their remaining rows were dropped.")]
    public static partial void HtmlTableTruncated(ILogger logger, string sourceName, int maxCells, int tableCount);

    [LoggerMessage(EventId = 1320, Level = LogLevel.Debug, Message = "Read {SourceName} as {Encoding} with delimiter {Delimiter} and {HeaderRowCount} header rows.")]
    public static partial void CsvDialectDetected(ILogger logger, string sourceName, string encoding, string delimiter, int headerRowCount);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Warning, Message = "{SourceName} ends inside a quoted field of the record that starts on line {LineNumber}; the rest of the file was read as that field.")]
    public static partial void CsvUnterminatedQuote(ILogger logger, string sourceName, long lineNumber);

    [LoggerMessage(EventId = 1330, Level = LogLevel.Warning, Message = "OCR of {SourceName} was skipped ({Status}): {Message}")]
    public static partial void OcrSkipped(ILogger logger, string sourceName, TextRecognitionStatus status, string message);

    [LoggerMessage(EventId = 1331, Level = LogLevel.Debug, Message = "OCR of {SourceName} returned {CharacterCount} characters.")]
    public static partial void OcrCompleted(ILogger logger, string sourceName, int characterCount);

    [LoggerMessage(EventId = 1332, Level = LogLevel.Debug, Message = "The Tesseract program {TesseractPath} could not be started.")]
    public static partial void TesseractUnavailable(ILogger logger, Exception exception, string tesseractPath);

    [LoggerMessage(EventId = 1333, Level = LogLevel.Debug, Message = "Tesseract ({TesseractPath}) timed out after {TimeoutSeconds} s and was stopped.")]
    public static partial void TesseractTimedOut(ILogger logger, string tesseractPath, double timeoutSeconds);

    [LoggerMessage(EventId = 1334, Level = LogLevel.Debug, Message = "Tesseract ({TesseractPath}) exited with code {ExitCode}: {ErrorOutput}")]
    public static partial void TesseractFailed(ILogger logger, string tesseractPath, int exitCode, string errorOutput);

    [LoggerMessage(EventId = 1335, Level = LogLevel.Debug, Message = "Tesseract recognised {CharacterCount} characters with languages {Languages} in {ElapsedMs} ms.")]
    public static partial void TesseractCompleted(ILogger logger, int characterCount, string languages, long elapsedMs);

    [LoggerMessage(EventId = 1340, Level = LogLevel.Warning, Message = "The chat model failed to describe {SourceName}; the image keeps its OCR text only.")]
    public static partial void ImageDescriptionFailed(ILogger logger, Exception exception, string sourceName);

    [LoggerMessage(EventId = 1341, Level = LogLevel.Debug, Message = "Stored the bytes of {SourceName} under blob key {BlobKey}.")]
    public static partial void ImageStored(ILogger logger, string sourceName, string blobKey);
}
