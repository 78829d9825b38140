using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RagAnything.Content;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace RagAnything.Parsing;

/// <summary>
/// Takes the embedded images of a page as encoded files: JPEG streams (<c>DCTDecode</c>) as they are, everything
/// else converted to PNG by PdfPig. Icons below the minimum size, oversized images and filters PdfPig cannot decode
/// are skipped with a logged reason.
/// </summary>
internal sealed class PdfImageExtractor(PdfParserOptions options, bool keepsBytes, ILogger logger)
{
    /// <summary>The blob key prefix; keys are <c>images/{sha256}.{extension}</c>, so identical images share one blob.</summary>
    public const string BlobKeyPrefix = "images/";

    public List<PdfExtractedImage> Extract(Page page, int pageIndex, string sourceName, PdfImageBudget budget)
    {
        var images = new List<PdfExtractedImage>();
        foreach (var image in page.GetImages())
        {
            if (image.WidthInSamples < options.MinImageSize || image.HeightInSamples < options.MinImageSize || image.IsImageMask)
            {
                continue;
            }

            var encoded = Encode(image, out var reason);
            if (encoded is null)
            {
                Log.ImageSkipped(logger, sourceName, pageIndex + 1, reason);
                continue;
            }

            if (encoded.Value.Bytes.Length > options.MaxImageBytes)
            {
                Log.ImageSkipped(logger, sourceName, pageIndex + 1, $"{encoded.Value.Bytes.Length} bytes exceed PdfParserOptions.MaxImageBytes ({options.MaxImageBytes})");
                continue;
            }

            if (!budget.TryTake())
            {
                continue;
            }

            images.Add(CreateImage(image, encoded.Value.Bytes, encoded.Value.MediaType, pageIndex, page));
        }

        return images;
    }

    private static (byte[] Bytes, string MediaType)? Encode(IPdfImage image, out string reason)
    {
        reason = string.Empty;
        // Only a stream whose sole filter is DCT contains a complete JPEG file. With another filter first, it is wrapped.
        if (FilterTokens(image).ToList() is ["DCTDecode"] or ["DCT"])
        {
            return (image.RawBytes.ToArray(), MediaTypes.Jpeg);
        }

        try
        {
            if (image.TryGetPng(out var png) && png is { Length: > 0 })
            {
                return (png, MediaTypes.Png);
            }
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws for some colour spaces and filters instead of returning false.
            reason = $"PNG conversion failed: {exception.Message}";
            return null;
        }

        reason = $"unsupported filter or colour space ({FilterNames(image)})";
        return null;
    }

    private PdfExtractedImage CreateImage(IPdfImage image, byte[] bytes, string mediaType, int pageIndex, Page page)
    {
        var extension = mediaType == MediaTypes.Jpeg ? "jpg" : "png";
        var blobKey = $"{BlobKeyPrefix}{Convert.ToHexStringLower(SHA256.HashData(bytes))}.{extension}";
        var item = new ImageItem
        {
            PageIndex = pageIndex,
            BoundingBox = PdfPageReader.ToTopLeftOrigin(image.BoundingBox, page.MediaBox.Bounds),
            BlobKey = keepsBytes ? blobKey : null,
            MediaType = mediaType,
            Width = image.WidthInSamples,
            Height = image.HeightInSamples,
        };

        return new PdfExtractedImage(item, bytes, Math.Abs(image.BoundingBox.Width * image.BoundingBox.Height));
    }

    private static string FilterNames(IPdfImage image)
    {
        var names = FilterTokens(image).ToList();
        return names.Count == 0 ? "no filter" : string.Join(", ", names);
    }

    private static IEnumerable<string> FilterTokens(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out var filter))
        {
            return [];
        }

        return filter switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(name => name.Data),
            _ => [],
        };
    }
}
