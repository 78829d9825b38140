using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// Reads PNG, JPEG, GIF, BMP, TIFF and WebP files into one <see cref="ImageItem"/> with the size from the file
/// header, the text recognised by OCR and, when a chat client is registered, a description from the model.
/// </summary>
/// <remarks>
/// The format is detected from the file's signature; when it differs from the declared media type, the detected one
/// wins and a warning is recorded. The bytes are written to the blob store, when one is given, under
/// <c>images/{sha256}.{extension}</c>. OCR and description failures other than cancellation do not fail the parse: they are
/// logged and listed in <see cref="ParsedDocument.Warnings"/>. The instance is safe for concurrent use.
/// </remarks>
public sealed class ImageParser : IDocumentParser
{
    /// <summary>The reason code for an image over <see cref="ImageParserOptions.MaxPixels"/>.</summary>
    public const string TooLargeReason = "too-large";

    private static readonly string[] SupportedMediaTypes =
        [Parsing.MediaTypes.Png, Parsing.MediaTypes.Jpeg, Parsing.MediaTypes.Gif, Parsing.MediaTypes.Bmp, Parsing.MediaTypes.Tiff, Parsing.MediaTypes.WebP];

    private readonly ImageParserOptions _options;
    private readonly ITextRecognizer? _textRecognizer;
    private readonly IBlobStore? _blobStore;
    private readonly IChatClient? _chatClient;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The parser settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="textRecognizer">The OCR engine, or <see langword="null"/> to skip OCR.</param>
    /// <param name="blobStore">Where to keep the image bytes, or <see langword="null"/> to keep no copy.</param>
    /// <param name="chatClient">A chat client whose model accepts images, or <see langword="null"/> for no descriptions.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public ImageParser(
        IOptions<ImageParserOptions>? options = null,
        ITextRecognizer? textRecognizer = null,
        IBlobStore? blobStore = null,
        IChatClient? chatClient = null,
        ILogger<ImageParser>? logger = null)
    {
        _options = options?.Value ?? new ImageParserOptions();
        _textRecognizer = textRecognizer;
        _blobStore = blobStore;
        _chatClient = chatClient;
        _logger = logger ?? NullLogger<ImageParser>.Instance;

        var validation = ImageParserOptionsValidator.Instance.Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ImageParserOptions), validation.Failures);
        }
    }

    /// <inheritdoc/>
    /// <value>Always <c>image</c>.</value>
    public string Id => "image";

    /// <inheritdoc/>
    /// <value>The PNG, JPEG, GIF, BMP, TIFF and WebP media types.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty (reason <c>empty</c>), its header is unreadable or states a zero size (reason <c>corrupt</c>),
    /// or it has more pixels than <see cref="ImageParserOptions.MaxPixels"/> (reason <c>too-large</c>).
    /// </exception>
    public async ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        WebImageLog.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        var header = ReadHeader(source, mediaType);
        var warnings = new List<string>();
        if (!string.Equals(header.MediaType, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"The content is {header.MediaType} although it was declared as {mediaType}; it was read as {header.MediaType}.");
        }

        var blobKey = await StoreAsync(source, header, cancellationToken).ConfigureAwait(false);
        var ocrText = await RecognizeAsync(source, warnings, cancellationToken).ConfigureAwait(false);
        var description = await DescribeAsync(source, header, warnings, cancellationToken).ConfigureAwait(false);

        var item = new ImageItem
        {
            BlobKey = blobKey,
            MediaType = header.MediaType,
            OcrText = ocrText,
            Description = description,
            Width = (int)Math.Min(header.Width, int.MaxValue),
            Height = (int)Math.Min(header.Height, int.MaxValue),
        };

        WebImageLog.ParseCompleted(_logger, source.Name, 1, 1, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new ParsedDocument
        {
            SourceName = source.Name,
            MediaType = mediaType,
            Sha256 = source.Sha256,
            Size = source.Content.Length,
            PageCount = 1,
            Items = [item],
            Metadata = new Dictionary<string, string>
            {
                ["width"] = header.Width.ToString(CultureInfo.InvariantCulture),
                ["height"] = header.Height.ToString(CultureInfo.InvariantCulture),
                ["imageMediaType"] = header.MediaType,
            },
            Warnings = warnings,
        };
    }

    private ImageHeader ReadHeader(DocumentSource source, string mediaType)
    {
        if (source.Content.IsEmpty)
        {
            throw Fail(ParseFailures.Empty(source.Name));
        }

        var header = ImageHeaderReader.Read(source.Content.Span);
        if (header is not { } valid)
        {
            throw Fail(ParseFailures.Corrupt(source.Name, $"{mediaType} image", null));
        }

        if (valid.PixelCount > _options.MaxPixels)
        {
            throw Fail(new DocumentParseException(
                source.Name,
                TooLargeReason,
                ErrorCategory.Validation,
                $"Image '{source.Name}' is {valid.Width} x {valid.Height} pixels, more than the limit of {_options.MaxPixels} pixels " +
                "(ImageParserOptions.MaxPixels). Scale the image down or raise the limit."));
        }

        return valid;
    }

    private DocumentParseException Fail(DocumentParseException exception)
    {
        WebImageLog.ParseFailed(_logger, exception.SourceName, exception.Reason, exception.Message);
        return exception;
    }

    private async Task<string?> StoreAsync(DocumentSource source, ImageHeader header, CancellationToken cancellationToken)
    {
        if (_blobStore is null)
        {
            return null;
        }

        // The key is derived from the content, so storing the same image twice writes nothing new.
        var key = $"images/{source.Sha256}.{header.Extension}";
        if (await _blobStore.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return key;
        }

        using var stream = MemoryMarshal.TryGetArray(source.Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(source.Content.ToArray(), writable: false);
        await _blobStore.WriteAsync(key, stream, cancellationToken).ConfigureAwait(false);
        WebImageLog.ImageStored(_logger, source.Name, key);
        return key;
    }

    private async Task<string?> RecognizeAsync(DocumentSource source, List<string> warnings, CancellationToken cancellationToken)
    {
        if (_textRecognizer is null)
        {
            return null;
        }

        var result = await _textRecognizer.RecognizeAsync(source.Content, languages: null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            WebImageLog.OcrCompleted(_logger, source.Name, result.Text.Length);
            return result.Text.Length == 0 ? null : result.Text;
        }

        // Turning OCR off is a choice, not a problem with the document, so it is not listed as a warning.
        if (result.Status != TextRecognitionStatus.Disabled)
        {
            WebImageLog.OcrSkipped(_logger, source.Name, result.Status, result.Message ?? string.Empty);
            warnings.Add($"OCR was skipped ({result.Status}): {result.Message}");
        }

        return null;
    }

    private async Task<string?> DescribeAsync(DocumentSource source, ImageHeader header, List<string> warnings, CancellationToken cancellationToken)
    {
        if (_chatClient is null || !_options.DescribeWithChatClient)
        {
            return null;
        }

        try
        {
            return await ImageDescriber.DescribeAsync(_chatClient, source.Content, header.MediaType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the model call (unsupported input, rate limit, network) leaves the OCR text as the
            // image's only text, which is what the parse would produce without a chat client.
            WebImageLog.ImageDescriptionFailed(_logger, exception, source.Name);
            warnings.Add($"The chat model could not describe the image: {exception.Message}");
            return null;
        }
    }
}
