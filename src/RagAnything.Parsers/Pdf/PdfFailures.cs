using System.Globalization;
using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// The PDF-specific parse failures: limits, timeouts, missing text layers and damaged page trees.
/// </summary>
internal static class PdfFailures
{
    public const string TooLargeReason = "too-large";
    public const string TooManyPagesReason = "too-many-pages";
    public const string TimeoutReason = "timeout";

    public static DocumentParseException TooLarge(string sourceName, long size, long limit) =>
        new(sourceName, TooLargeReason, ErrorCategory.Validation,
            $"Document '{sourceName}' is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes, over ParserLimitsOptions.MaxInputBytes " +
            $"({limit.ToString("N0", CultureInfo.InvariantCulture)} bytes). Split the file or raise the limit.");

    public static DocumentParseException TooManyPages(string sourceName, int pageCount, int limit) =>
        new(sourceName, TooManyPagesReason, ErrorCategory.Validation,
            $"Document '{sourceName}' has {pageCount} pages, over ParserLimitsOptions.MaxPages ({limit}). Split the file or raise the limit.");

    public static DocumentParseException Timeout(string sourceName, TimeSpan limit) =>
        new(sourceName, TimeoutReason, ErrorCategory.Timeout,
            $"Parsing document '{sourceName}' did not finish within ParserLimitsOptions.ParseTimeout ({limit.TotalSeconds:0.###} s) and was stopped. " +
            "Raise the limit for very large or scanned documents.");

    public static DocumentParseException NoPages(string sourceName) =>
        new(sourceName, ParseFailures.CorruptReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' has no readable pages: its page tree is empty, cyclic or broken. Re-export the file and upload it again.");

    public static DocumentParseException NoTextLayer(string sourceName, int pageCount, string? ocrFailure) =>
        new(sourceName, ParseFailures.NoTextLayerReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' has no text layer on any of its {pageCount} pages, so it is probably scanned. " +
            (ocrFailure is null
                ? "OCR (tesseract) is needed to read it and is not available: register an ITextRecognizer (AddDefaultParsers does) and install tesseract-ocr, or run OCR on the file (for example with ocrmypdf) and upload the result."
                : $"OCR (tesseract) was tried and failed: {ocrFailure}"));
}
