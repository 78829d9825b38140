using System.Globalization;
using Microsoft.Extensions.Logging;
using RagAnything.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RagAnything.Parsing;

/// <summary>
/// Opens a PDF with PdfPig and reads every page's text, tables and images. Everything here is synchronous, so the
/// parser runs it on its own thread.
/// </summary>
internal sealed class PdfDocumentReader(PdfParserOptions options, ParserLimitsOptions limits, PdfPageAssembler assembler, ILogger logger)
{
    public PdfReadResult Read(DocumentSource source, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(source.Content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            return ReadPages(document, source.Name, cancellationToken);
        }
        catch (PdfDocumentEncryptedException exception)
        {
            throw PasswordRequired(source.Name, exception);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            throw ParseFailures.Corrupt(source.Name, "PDF", exception);
        }
    }

    /// <summary>
    /// Returns whether an exception means the file could not be read. PdfPig raises many exception types on damaged
    /// input (format, argument, index and null-reference errors among them), so everything except cancellation,
    /// memory exhaustion and our own errors counts.
    /// </summary>
    internal static bool IsReadFailure(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException or DocumentParseException);

    private PdfReadResult ReadPages(PdfDocument document, string sourceName, CancellationToken cancellationToken)
    {
        // PdfPig counts the pages it reached in the page tree, so a tree that only points back at itself has none.
        var pageCount = document.NumberOfPages;
        if (pageCount == 0)
        {
            throw PdfFailures.NoPages(sourceName);
        }

        if (pageCount > limits.MaxPages)
        {
            throw PdfFailures.TooManyPages(sourceName, pageCount, limits.MaxPages);
        }

        var pages = new List<PdfPageContent>();
        var warnings = new List<string>();
        var budget = new PdfImageBudget(options.MaxImagesPerDocument);
        var failedPages = 0;
        for (var pageNumber = 1; pageNumber <= pageCount; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            try
            {
                pages.Add(assembler.Read(document.GetPage(pageNumber), pageNumber - 1, sourceName, budget));
            }
            catch (Exception exception) when (IsReadFailure(exception) && exception is not PdfDocumentEncryptedException)
            {
                // One damaged page should not cost the rest of the document.
                Log.PageFailed(logger, exception, sourceName, pageNumber);
                warnings.Add($"page {pageNumber} could not be read and was skipped: {exception.Message}");
                failedPages++;
            }
        }

        return new PdfReadResult(pageCount, pages, failedPages, CreateMetadata(document, pageCount), warnings, budget);
    }

    private static Dictionary<string, string> CreateMetadata(PdfDocument document, int pageCount)
    {
        var metadata = new Dictionary<string, string> { ["pageCount"] = pageCount.ToString(CultureInfo.InvariantCulture) };
        AddIfPresent(metadata, "title", document.Information.Title);
        AddIfPresent(metadata, "author", document.Information.Author);
        return metadata;
    }

    private static void AddIfPresent(Dictionary<string, string> metadata, string key, string? value)
    {
        var cleaned = TextCleaner.CollapseWhitespace(TextCleaner.RemoveControlCharacters(value ?? string.Empty));
        if (cleaned.Length > 0)
        {
            metadata[key] = cleaned;
        }
    }

    private static DocumentParseException PasswordRequired(string sourceName, Exception exception) =>
        new(sourceName, ParseFailures.PasswordRequiredReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' is an encrypted PDF and a password is needed to open it. " +
            "Remove the password (for example by saving an unprotected copy) and upload the file again.",
            exception);
}
