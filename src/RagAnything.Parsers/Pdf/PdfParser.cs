using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// Reads PDF files with PdfPig: text blocks in reading order, tables detected from word positions and ruling lines,
/// embedded images, captions attached to their figure or table, and OCR for pages without a text layer.
/// </summary>
/// <remarks>
/// <para>
/// Damaged files are opened in PdfPig's lenient mode, which rebuilds a broken cross-reference table. A page that
/// PdfPig fails to read is skipped with a warning in <see cref="ParsedDocument.Warnings"/>. A page without letters is
/// rendered with <c>pdftoppm</c> and read by the <see cref="ITextRecognizer"/> when one is registered; without one
/// it is skipped with a warning. Metadata contains <c>title</c> and <c>author</c> when the file records them, and
/// <c>pageCount</c>.
/// </para>
/// <para>
/// Each document is read on its own thread (stack <see cref="ThreadStackSize"/> bytes) and must finish within
/// <see cref="ParserLimitsOptions.ParseTimeout"/>. Image bytes go to the <see cref="IBlobStore"/> when one is
/// registered, under <c>images/{sha256}.{jpg|png}</c>. The instance is safe for concurrent use.
/// </para>
/// </remarks>
public sealed class PdfParser : IVersionedParser
{
    /// <summary>
    /// The stack size of the parsing thread: 8 MiB, eight times the default, because PdfPig follows nested forms
    /// and page-tree levels recursively and deep but finite nesting occurs in real files.
    /// </summary>
    public const int ThreadStackSize = 8 * 1024 * 1024;

    /// <summary>The parser code version, part of <see cref="OptionsFingerprint"/>; raise it when the output changes.</summary>
    public const int CodeVersion = 2;

    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Pdf];

    private readonly PdfParserOptions _options;
    private readonly ParserLimitsOptions _limits;
    private readonly string _ocrLanguages;
    private readonly ITextRecognizer? _textRecognizer;
    private readonly IBlobStore? _blobStore;
    private readonly ILogger _logger;
    private readonly PdfDocumentReader _reader;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The PDF settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="limits">The size, page and time limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="ocrOptions">The OCR settings whose languages apply when <see cref="PdfParserOptions.OcrLanguages"/> is not set.</param>
    /// <param name="textRecognizer">The OCR engine for pages without a text layer, or <see langword="null"/> to skip them.</param>
    /// <param name="blobStore">The store for image bytes, or <see langword="null"/> to keep only image metadata.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public PdfParser(
        IOptions<PdfParserOptions>? options = null,
        IOptions<ParserLimitsOptions>? limits = null,
        IOptions<OcrOptions>? ocrOptions = null,
        ITextRecognizer? textRecognizer = null,
        IBlobStore? blobStore = null,
        ILogger<PdfParser>? logger = null)
    {
        _options = options?.Value ?? new PdfParserOptions();
        _limits = limits?.Value ?? new ParserLimitsOptions();
        ThrowIfInvalid(PdfParserOptionsValidator.Instance.Validate(Options.DefaultName, _options), typeof(PdfParserOptions));
        ThrowIfInvalid(ParserLimitsOptionsValidator.Instance.Validate(Options.DefaultName, _limits), typeof(ParserLimitsOptions));

        _ocrLanguages = _options.OcrLanguages ?? ocrOptions?.Value.Languages ?? OcrOptions.DefaultLanguages;
        _textRecognizer = textRecognizer;
        _blobStore = blobStore;
        _logger = logger ?? NullLogger<PdfParser>.Instance;

        var extractor = new PdfImageExtractor(_options, blobStore is not null, _logger);
        _reader = new PdfDocumentReader(_options, _limits, new PdfPageAssembler(_options, extractor), _logger);
        OptionsFingerprint = CreateFingerprint();
    }

    /// <inheritdoc/>
    /// <value>Always <c>pdf</c>.</value>
    public string Id => "pdf";

    /// <inheritdoc/>
    /// <value><c>application/pdf</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    public string OptionsFingerprint { get; }

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty (reason <c>empty</c>), over <see cref="ParserLimitsOptions.MaxInputBytes"/>
    /// (<c>too-large</c>) or <see cref="ParserLimitsOptions.MaxPages"/> (<c>too-many-pages</c>), all
    /// <see cref="ErrorCategory.Validation"/>; it took longer than <see cref="ParserLimitsOptions.ParseTimeout"/>
    /// (<c>timeout</c>, <see cref="ErrorCategory.Timeout"/>); it needs a password (<c>password-required</c>), has no
    /// text on any page and OCR is unavailable or failed (<c>no-text-layer</c>), or cannot be read, including a page
    /// tree without pages (<c>corrupt</c>); the last three are <see cref="ErrorCategory.Permanent"/>.
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);

        return new ValueTask<ParsedDocument>(ParseWithLimitsAsync(source, mediaType, cancellationToken));
    }

    private async Task<ParsedDocument> ParseWithLimitsAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Log.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        using var timeout = new CancellationTokenSource(_limits.ParseTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            ThrowIfOverInputLimits(source);

            // PdfPig gives no way to interrupt a page it is reading, so the wait below ends at the timeout even when
            // the reading thread does not.
            var read = await DedicatedThread.RunAsync(() => _reader.Read(source, linked.Token), ThreadStackSize, "RagAnything PDF parser", _limits.ParseThreadPriority)
                .WaitAsync(linked.Token)
                .ConfigureAwait(false);
            var parsed = await CompleteAsync(source, mediaType, read, linked.Token).ConfigureAwait(false);

            Log.ParseCompleted(_logger, source.Name, parsed.Items.Count, parsed.PageCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return parsed;
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw LogFailure(PdfFailures.Timeout(source.Name, _limits.ParseTimeout), exception);
        }
        catch (DocumentParseException failure)
        {
            throw LogFailure(failure, failure.InnerException);
        }
    }

    private void ThrowIfOverInputLimits(DocumentSource source)
    {
        if (source.Content.IsEmpty)
        {
            throw ParseFailures.Empty(source.Name);
        }

        if (source.Content.Length > _limits.MaxInputBytes)
        {
            throw PdfFailures.TooLarge(source.Name, source.Content.Length, _limits.MaxInputBytes);
        }
    }

    private async Task<ParsedDocument> CompleteAsync(DocumentSource source, string mediaType, PdfReadResult read, CancellationToken cancellationToken)
    {
        var warnings = read.Warnings;
        var ocrFailure = await RecognizeScannedPagesAsync(source, read, cancellationToken).ConfigureAwait(false);

        if (read.ImageBudget.Dropped > 0)
        {
            Log.ImagesCapped(_logger, source.Name, read.ImageBudget.Kept, read.ImageBudget.Dropped);
            warnings.Add($"{read.ImageBudget.Dropped} images were skipped over PdfParserOptions.MaxImagesPerDocument ({_options.MaxImagesPerDocument})");
        }

        await StoreImagesAsync(read.Pages, cancellationToken).ConfigureAwait(false);
        PdfTableMerger.Merge(read.Pages);

        // Images alone do not make a scanned document readable: without a text layer or OCR text it fails.
        var items = read.Pages.SelectMany(page => page.Items).ToList();
        if (!items.Any(item => item is TextItem or TableItem))
        {
            throw read.FailedPages > 0 ? ParseFailures.Corrupt(source.Name, "PDF", null) : PdfFailures.NoTextLayer(source.Name, read.PageCount, ocrFailure);
        }

        return new ParsedDocument
        {
            SourceName = source.Name,
            MediaType = mediaType,
            Sha256 = source.Sha256,
            Size = source.Content.Length,
            PageCount = read.PageCount,
            Items = items,
            Metadata = read.Metadata,
            Warnings = warnings,
        };
    }

    /// <summary>Replaces the items of pages without a text layer by their OCR text and returns the last OCR failure.</summary>
    private async Task<string?> RecognizeScannedPagesAsync(DocumentSource source, PdfReadResult read, CancellationToken cancellationToken)
    {
        var scanned = read.Pages.Where(page => !page.HasTextLayer).ToList();
        if (scanned.Count == 0)
        {
            return null;
        }

        if (_textRecognizer is null)
        {
            foreach (var page in scanned)
            {
                Log.PageWithoutText(_logger, source.Name, page.PageIndex + 1);
                read.Warnings.Add($"page {page.PageIndex + 1} has no text layer (OCR not available)");
            }

            return null;
        }

        string? lastFailure = null;
        var pageReader = new PdfScannedPageReader(_textRecognizer, _ocrLanguages, _logger);
        using var renderer = await PdfPageRenderer.CreateAsync(_options, source.Content, cancellationToken).ConfigureAwait(false);
        foreach (var page in scanned)
        {
            var pageNumber = page.PageIndex + 1;
            var (recognized, failure) = await pageReader.ReadAsync(renderer, page, source.Name, cancellationToken).ConfigureAwait(false);
            if (recognized is null || recognized.Count == 0)
            {
                lastFailure = failure ?? "no text was recognised";
                Log.PageRecognitionFailed(_logger, source.Name, pageNumber, lastFailure);
                read.Warnings.Add($"page {pageNumber} has no text layer and OCR failed: {lastFailure}");
                continue;
            }

            Log.PageRecognized(_logger, source.Name, pageNumber, recognized.Count);
            read.Warnings.Add($"page {pageNumber} was OCR'd");
            page.Items.AddRange(recognized);
        }

        return lastFailure;
    }

    private async Task StoreImagesAsync(List<PdfPageContent> pages, CancellationToken cancellationToken)
    {
        if (_blobStore is null)
        {
            return;
        }

        foreach (var image in pages.SelectMany(page => page.Images))
        {
            var key = image.Item.BlobKey;
            if (key is null)
            {
                continue;
            }

            if (await _blobStore.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            using var stream = new MemoryStream(image.Bytes, writable: false);
            await _blobStore.WriteAsync(key, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private string CreateFingerprint()
    {
        var settings = string.Join(
            '|',
            CodeVersion.ToString(CultureInfo.InvariantCulture),
            _options.MaxImagesPerDocument.ToString(CultureInfo.InvariantCulture),
            _options.MinImageSize.ToString(CultureInfo.InvariantCulture),
            _options.MaxImageBytes.ToString(CultureInfo.InvariantCulture),
            _options.DetectTables ? "tables" : "no-tables",
            _options.RenderDpi.ToString(CultureInfo.InvariantCulture),
            _textRecognizer is null ? "no-ocr" : "ocr:" + _ocrLanguages,
            _blobStore is null ? "no-blobs" : "blobs");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..16];
    }

    private static void ThrowIfInvalid(ValidateOptionsResult validation, Type optionsType)
    {
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, optionsType, validation.Failures);
        }
    }

    private DocumentParseException LogFailure(DocumentParseException failure, Exception? cause)
    {
        Log.ParseFailed(_logger, cause, failure.SourceName, failure.Reason, failure.Message);
        return failure;
    }
}
