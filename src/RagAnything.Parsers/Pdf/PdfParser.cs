using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagAnything.Content;
using RagAnything.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the text layer of PDF files with PdfPig: one <see cref="TextItem"/> per text block, in reading order, with its
/// page index and bounding box.
/// </summary>
/// <remarks>
/// <para>
/// Damaged files are opened in PdfPig's lenient mode, which rebuilds a broken cross-reference table. A page without
/// letters is skipped with a warning in <see cref="ParsedDocument.Warnings"/>, and so is a page that PdfPig fails to
/// read. Ligatures (U+FB00 to U+FB06) are expanded and control characters removed. Metadata contains <c>title</c> and
/// <c>author</c> when the file records them, and <c>pageCount</c>.
/// </para>
/// <para>
/// Parsing runs on a thread-pool thread and checks the cancellation token before each page. Pages are read one at a
/// time, so memory grows with the extracted text, not with the page count. The instance is stateless and safe for
/// concurrent use.
/// </para>
/// </remarks>
public sealed class PdfParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Pdf];

    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    public PdfParser(ILogger<PdfParser>? logger = null)
    {
        _logger = logger ?? NullLogger<PdfParser>.Instance;
    }

    /// <inheritdoc/>
    /// <value>Always <c>pdf</c>.</value>
    public string Id => "pdf";

    /// <inheritdoc/>
    /// <value><c>application/pdf</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty or has no pages (reason <c>empty</c>, <see cref="ErrorCategory.Validation"/>), needs a
    /// password (<c>password-required</c>), has no text on any page (<c>no-text-layer</c>) or cannot be read
    /// (<c>corrupt</c>); the last three are <see cref="ErrorCategory.Permanent"/>.
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);

        return new ValueTask<ParsedDocument>(Task.Run(() => Parse(source, mediaType, cancellationToken), cancellationToken));
    }

    private ParsedDocument Parse(DocumentSource source, string mediaType, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Log.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        if (source.Content.IsEmpty)
        {
            throw LogFailure(ParseFailures.Empty(source.Name), null);
        }

        try
        {
            using var document = PdfDocument.Open(source.Content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var parsed = ReadDocument(document, source, mediaType, cancellationToken);

            Log.ParseCompleted(_logger, source.Name, parsed.Items.Count, parsed.PageCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return parsed;
        }
        catch (PdfDocumentEncryptedException exception)
        {
            throw LogFailure(PasswordRequired(source.Name, exception), exception);
        }
        catch (DocumentParseException failure)
        {
            Log.ParseFailed(_logger, null, failure.SourceName, failure.Reason, failure.Message);
            throw;
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            throw LogFailure(ParseFailures.Corrupt(source.Name, "PDF", exception), exception);
        }
    }

    private ParsedDocument ReadDocument(PdfDocument document, DocumentSource source, string mediaType, CancellationToken cancellationToken)
    {
        var pageCount = document.NumberOfPages;
        if (pageCount == 0)
        {
            throw ParseFailures.Empty(source.Name);
        }

        var items = new List<ContentItem>();
        var warnings = new List<string>();
        var failedPages = 0;
        for (var pageNumber = 1; pageNumber <= pageCount; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var pageItems = ReadPage(document, source.Name, pageNumber, warnings);
            if (pageItems is null)
            {
                failedPages++;
                continue;
            }

            items.AddRange(pageItems);
        }

        if (items.Count == 0)
        {
            throw failedPages > 0 ? ParseFailures.Corrupt(source.Name, "PDF", null) : NoTextLayer(source.Name, pageCount);
        }

        return new ParsedDocument
        {
            SourceName = source.Name,
            MediaType = mediaType,
            Sha256 = source.Sha256,
            Size = source.Content.Length,
            PageCount = pageCount,
            Items = items,
            Metadata = CreateMetadata(document, pageCount),
            Warnings = warnings,
        };
    }

    /// <summary>Returns the page's items, an empty list for a page without text, or null when the page failed.</summary>
    private List<ContentItem>? ReadPage(PdfDocument document, string sourceName, int pageNumber, List<string> warnings)
    {
        try
        {
            var page = document.GetPage(pageNumber);
            var pageItems = PdfPageReader.Read(page, pageNumber - 1);
            if (pageItems.Count == 0)
            {
                Log.PageWithoutText(_logger, sourceName, pageNumber);
                warnings.Add($"page {pageNumber} has no text layer (OCR not available)");
            }

            return pageItems;
        }
        catch (Exception exception) when (IsReadFailure(exception) && exception is not PdfDocumentEncryptedException)
        {
            // One damaged page should not cost the rest of the document.
            Log.PageFailed(_logger, exception, sourceName, pageNumber);
            warnings.Add($"page {pageNumber} could not be read and was skipped: {exception.Message}");
            return null;
        }
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

    /// <summary>
    /// Returns whether an exception means the file could not be read. PdfPig raises many exception types on damaged
    /// input (format, argument, index and null-reference errors among them), so everything except cancellation,
    /// memory exhaustion and our own errors counts.
    /// </summary>
    private static bool IsReadFailure(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException or DocumentParseException);

    private static DocumentParseException PasswordRequired(string sourceName, Exception exception) =>
        new(sourceName, ParseFailures.PasswordRequiredReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' is an encrypted PDF and a password is needed to open it. " +
            "Remove the password (for example by saving an unprotected copy) and upload the file again.",
            exception);

    private static DocumentParseException NoTextLayer(string sourceName, int pageCount) =>
        new(sourceName, ParseFailures.NoTextLayerReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' has no text layer on any of its {pageCount} pages, so it is probably scanned. " +
            "OCR is needed to read it and is not available: run OCR on the file (for example with ocrmypdf) and upload the result.");

    private DocumentParseException LogFailure(DocumentParseException failure, Exception? cause)
    {
        Log.ParseFailed(_logger, cause, failure.SourceName, failure.Reason, failure.Message);
        return failure;
    }
}
