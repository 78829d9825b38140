using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using RagAnything.Content;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// The state of one parse: the source, the limits, the warnings so far and the images waiting to be stored.
/// </summary>
/// <remarks>
/// The format readers walk the package synchronously and only note each image part here; the bytes are written to the
/// blob store afterwards by <see cref="StoreImagesAsync"/>, while the package is still open.
/// </remarks>
internal sealed class OfficeParseContext
{
    private readonly IBlobStore? _blobStore;
    private readonly ILogger _logger;
    private readonly List<(int ItemIndex, OpenXmlPart Part)> _pendingImages = [];
    private int _takenImages;
    private int _skippedImages;

    public OfficeParseContext(DocumentSource source, OfficeParserOptions options, IBlobStore? blobStore, ILogger logger, CancellationToken cancellationToken)
    {
        Source = source;
        Options = options;
        _blobStore = blobStore;
        _logger = logger;
        CancellationToken = cancellationToken;
    }

    public DocumentSource Source { get; }

    public OfficeParserOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public List<string> Warnings { get; } = [];

    public void Warn(string warning)
    {
        Warnings.Add(warning);
        OfficeLog.ContentSkipped(_logger, Source.Name, warning);
    }

    /// <summary>
    /// Appends an image item whose bytes are in <paramref name="part"/>, or skips it when
    /// <see cref="OfficeParserOptions.MaxImages"/> images were already taken.
    /// </summary>
    public void AddImage(List<ContentItem> items, ImageItem item, OpenXmlPart? part)
    {
        if (_takenImages >= Options.MaxImages)
        {
            _skippedImages++;
            return;
        }

        _takenImages++;
        items.Add(item with { MediaType = item.MediaType ?? part?.ContentType });
        if (part is not null)
        {
            _pendingImages.Add((items.Count - 1, part));
        }
    }

    /// <summary>
    /// Writes the noted images to the blob store under <c>images/{sha256}/{n}.{ext}</c> and fills in their blob keys
    /// and pixel sizes. Without a blob store only the pixel sizes are filled in.
    /// </summary>
    public async Task StoreImagesAsync(List<ContentItem> items)
    {
        if (_skippedImages > 0)
        {
            Warn($"{_skippedImages} images past the limit of {Options.MaxImages} were skipped");
        }

        // A picture placed several times shares one part, so it is stored once and its items share the key.
        var stored = new Dictionary<OpenXmlPart, ImageItem>();
        foreach (var (itemIndex, part) in _pendingImages)
        {
            CancellationToken.ThrowIfCancellationRequested();

            var image = (ImageItem)items[itemIndex];
            if (!stored.TryGetValue(part, out var first))
            {
                first = await StoreImageAsync(image, part, stored.Count).ConfigureAwait(false);
                stored[part] = first;
            }

            items[itemIndex] = image with { BlobKey = first.BlobKey, Width = first.Width, Height = first.Height };
        }
    }

    private async Task<ImageItem> StoreImageAsync(ImageItem image, OpenXmlPart part, int number)
    {
        byte[] bytes;
        using (var partStream = part.GetStream(FileMode.Open, FileAccess.Read))
        using (var copy = new MemoryStream())
        {
            await partStream.CopyToAsync(copy, CancellationToken).ConfigureAwait(false);
            bytes = copy.ToArray();
        }

        var (width, height) = ImageDimensions.Read(bytes);
        image = image with { Width = width > 0 ? width : image.Width, Height = height > 0 ? height : image.Height };
        if (_blobStore is null)
        {
            return image;
        }

        var key = $"images/{Source.Sha256}/{number}.{ImageDimensions.ExtensionOf(part.ContentType)}";
        try
        {
            using var content = new MemoryStream(bytes, writable: false);
            await _blobStore.WriteAsync(key, content, CancellationToken).ConfigureAwait(false);
            return image with { BlobKey = key };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A failed blob write costs the image bytes, not the whole document: the caption and alt text remain.
            OfficeLog.ImageStoreFailed(_logger, exception, Source.Name, number, key);
            Warnings.Add($"image {number} could not be stored: {exception.Message}");
            return image;
        }
    }
}
