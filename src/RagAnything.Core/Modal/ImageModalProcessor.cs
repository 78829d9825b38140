using Microsoft.Extensions.AI;
using RagAnything.Content;
using RagAnything.Storage.Blobs;

namespace RagAnything.Modal;

/// <summary>
/// Describes images: with the chat model, sending the image bytes when the blob store has them, or offline from the
/// caption, alternative text, OCR text and any description the parser recorded.
/// </summary>
internal sealed class ImageModalProcessor(ModalChat chat, IBlobStore blobs) : IModalProcessor
{
    // Vision endpoints reject large uploads (commonly 20 MB); bigger images are described from their text alone.
    private const long MaxImageBytes = 20L * 1024 * 1024;

    private const string DefaultMediaType = "image/png";

    public bool CanProcess(ContentItem item) => item is ImageItem;

    public async Task<ModalDescription> DescribeAsync(ModalContext context, CancellationToken cancellationToken)
    {
        var image = (ImageItem)context.Item;
        var name = ModalNames.Create(image.Caption, "Figure", context);
        var itemText = string.Join(
            '\n',
            new[] { image.Caption, image.AltText, image.Description, image.OcrText is null ? null : "Text in the image: " + image.OcrText }
                .Where(part => !string.IsNullOrWhiteSpace(part))
                .Select(part => part!.Trim())
                .Distinct(StringComparer.Ordinal));

        DataContent? bytes = null;
        if (chat.IsAvailable && image.BlobKey is not null)
        {
            bytes = await ReadImageAsync(image, cancellationToken).ConfigureAwait(false);
        }

        var prompt = itemText.Length > 0 ? itemText : $"An image on page {context.PageNumber}.";
        var described = await chat.DescribeAsync(prompt, context.SurroundingText, bytes, cancellationToken).ConfigureAwait(false);
        var offline = itemText.Length > 0 ? itemText : $"An image on page {context.PageNumber} without caption or text.";
        return new ModalDescription(name, "image", described ?? offline);
    }

    private async Task<DataContent?> ReadImageAsync(ImageItem image, CancellationToken cancellationToken)
    {
        var stream = await blobs.OpenReadAsync(image.BlobKey!, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek && stream.Length > MaxImageBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.Length > MaxImageBytes ? null : new DataContent(buffer.ToArray(), image.MediaType ?? DefaultMediaType);
        }
    }
}
