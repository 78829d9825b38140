namespace RagAnything.Content;

/// <summary>
/// A picture. Its bytes live in the blob store under <see cref="BlobKey"/>; the item carries what can be read about it.
/// </summary>
public sealed record ImageItem : ContentItem
{
    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override ContentKind Kind => ContentKind.Image;

    /// <summary>Gets the blob-store key of the image bytes, or <see langword="null"/> when they were not kept.</summary>
    public string? BlobKey { get; init; }

    /// <summary>Gets the media type of the image bytes, such as <c>image/png</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>Gets the caption printed next to the image, such as "Figure 3: ...".</summary>
    public string? Caption { get; init; }

    /// <summary>Gets the alternative text stored with the image.</summary>
    public string? AltText { get; init; }

    /// <summary>Gets the text recognised in the image, when OCR ran.</summary>
    public string? OcrText { get; init; }

    /// <summary>Gets a description of the image, from a vision model when one is configured.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the width in pixels, or 0 when unknown.</summary>
    public int Width { get; init; }

    /// <summary>Gets the height in pixels, or 0 when unknown.</summary>
    public int Height { get; init; }
}
